package io.flowdesk.ops.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.ops.SystemStatus;
import io.flowdesk.ops.SystemStatus.Snapshot;
import io.flowdesk.shell.MainLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admins see the installation at a glance (ADR 0052): ready or not and why, the engine's job queues and dead
 * letters, the outbox, deadlines that should have fired, each event consumer's lag, notification deliveries,
 * mailboxes and assignment decisions — the figures of {@code /q/metrics} and {@code /q/health/ready}, in words.
 */
@Route(value = "admin/system", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class SystemView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SystemStatus status;
    private final long outboxLagMax;
    private final Div body = new Div();

    public SystemView(SystemStatus status, @ConfigProperty(name = "flowdesk.ops.outbox-lag-max",
            defaultValue = "120") long outboxLagMax) {
        this.status = status;
        this.outboxLagMax = outboxLagMax;
        addClassName("fd-system");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser user = UiSession.user().orElseThrow();
        removeAll();
        if (!user.has(Role.ADMIN)) {
            add(new Span(getTranslation("ops.view.notAllowed")));
            return;
        }
        Button refresh = new Button(getTranslation("ops.view.refresh"), e -> show(status.read()));
        refresh.setId("system-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Paragraph intro = new Paragraph(getTranslation("ops.view.intro"));
        intro.addClassName("fd-muted");
        body.setWidthFull();
        add(new H2(getTranslation("ops.view.title")), intro, refresh, body);
        show(status.snapshot());
    }

    private void show(Snapshot s) {
        body.removeAll();
        boolean ready = s.ready(outboxLagMax);
        Div verdict = new Div(new Span(getTranslation(ready ? "ops.view.ready" : "ops.view.notReady")));
        verdict.setId("system-verdict");
        verdict.getElement().setAttribute("data-ready", String.valueOf(ready));
        verdict.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("background", ready
                        ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color-10pct)")
                .set("color", ready ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        if (!s.jobExecutorActive()) {
            verdict.add(new Div(getTranslation("ops.view.why.executor")));
        }
        if (s.outboxLagSeconds() > outboxLagMax) {
            verdict.add(new Div(getTranslation("ops.view.why.outbox", s.outboxLagSeconds(), outboxLagMax)));
        }
        body.add(verdict, new Paragraph(getTranslation("ops.view.readAt", WHEN.format(s.at().atZone(ZoneId
                .systemDefault())))));
        body.add(section("engine", row("ops.view.executor", getTranslation(s.jobExecutorActive() ? "ops.view.yes"
                : "ops.view.no")), row("ops.view.asyncJobs", s.asyncJobs()), row("ops.view.timersDue",
                        s.timerJobsDue()), row("ops.view.deadLetters", s.deadLetters())));
        body.add(section("outbox", row("ops.view.outboxPending", s.outboxPending()), row("ops.view.outboxLag",
                getTranslation("ops.view.seconds", s.outboxLagSeconds()))));
        body.add(section("deadlines", row("ops.view.deadlinesOverdue", s.deadlinesOverdue()), row(
                "ops.view.deadlinesFailing", s.deadlinesFailing())));
        Div consumers = section("consumers", row("ops.view.streamHead", s.streamHead()));
        for (SystemStatus.Consumer c : s.consumers()) {
            consumers.add(plainRow(c.name(), getTranslation("ops.view.behind", c.lag())));
        }
        body.add(consumers);
        body.add(counts("deliveries", s.deliveries(), k -> getTranslation("notify.status." + k)));
        Div mail = section("mailboxes");
        for (SystemStatus.Mailbox m : s.mailboxes()) {
            String state = m.lastError() != null ? getTranslation("ops.view.mailError", m.lastError())
                    : m.lastPolledAt() == null ? getTranslation("ops.view.mailNever")
                            : getTranslation("ops.view.mailRead", WHEN.format(m.lastPolledAt().atZone(ZoneId
                                    .systemDefault())));
            mail.add(plainRow(m.key() + (m.enabled() ? "" : " (" + getTranslation("ops.view.disabled") + ")"),
                    state));
        }
        if (s.mailboxes().isEmpty()) {
            mail.add(new Div(getTranslation("ops.view.noMailboxes")));
        }
        body.add(mail);
        body.add(counts("assignments", s.assignments(), SystemView::strategy));
    }

    private Div counts(String key, Map<String, Long> counts, java.util.function.Function<String, String> words) {
        Div d = section(key);
        counts.forEach((k, v) -> d.add(plainRow(words.apply(k), String.valueOf(v))));
        if (counts.isEmpty()) {
            d.add(new Div(getTranslation("ops.view.none")));
        }
        return d;
    }

    private static String strategy(String stored) {
        for (io.flowdesk.routing.Strategy st : io.flowdesk.routing.Strategy.values()) {
            if (st.name().equalsIgnoreCase(stored) || st.name().replace("_", "").equalsIgnoreCase(stored
                    .replace("-", "").replace("_", ""))) {
                return io.flowdesk.shared.ui.Ui.text(io.flowdesk.routing.RoutingTexts.strategy(st));
            }
        }
        return stored;
    }

    private Div section(String key, Component... rows) {
        Div d = new Div(new H3(getTranslation("ops.view.section." + key)));
        d.setId("system-" + key);
        d.addClassName("fd-system-section");
        d.getStyle().set("max-width", "40em").set("margin-bottom", "var(--lumo-space-m)");
        d.add(rows);
        return d;
    }

    private Div row(String labelKey, Object value) {
        return plainRow(getTranslation(labelKey), String.valueOf(value));
    }

    private static Div plainRow(String label, String value) {
        Span l = new Span(label);
        Span v = new Span(value);
        v.getStyle().set("font-variant-numeric", "tabular-nums").set("text-align", "right");
        Div row = new Div(l, v);
        row.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "1em")
                .set("flex-wrap", "wrap").set("padding", "2px 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return row;
    }
}
