package io.flowdesk.simulation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.simulation.TestClock;
import io.flowdesk.simulation.TestClockAdvance;
import io.flowdesk.simulation.TestClocks;
import io.flowdesk.tickets.ui.TicketHeaderExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * On a test ticket's page, for the designers and admins who may try a flow: the ticket's virtual time, what falls due
 * next, and the buttons that move its clock (ADR 0048). After an advance the page reloads, so the timeline shows what
 * fired, each entry at its simulated time.
 */
@ApplicationScoped
public class TestClockPanel implements TicketHeaderExtension {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    TestClocks clocks;

    @Override
    public List<Component> components(Header ticket) {
        if (!ticket.user().has(Role.DESIGNER) && !ticket.user().has(Role.ADMIN)) {
            return List.of();
        }
        TestClock clock;
        try {
            clock = Ui.await(() -> clocks.view(ticket.user(), ticket.number(), ticket.locale()));
        } catch (Conflict realTicket) {
            return List.of(); // a real ticket keeps real time: no clock to show
        }
        return List.of(panel(ticket, clock));
    }

    private Component panel(Header ticket, TestClock clock) {
        Locale locale = ticket.locale();
        Div box = new Div();
        box.setId("test-clock");
        box.addClassName("fd-test-clock");
        box.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center").set("gap", "6px")
                .set("padding", "6px 10px").set("border", "1px dashed var(--lumo-primary-color-50pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-primary-color-10pct)");
        ZoneId zone = ZoneId.of(clock.zone());
        Span title = new Span(VaadinIcon.CLOCK.create(), new Span(" " + t(locale, "simulation.ui.title")));
        title.getStyle().set("font-weight", "600");
        Span now = new Span(t(locale, "simulation.ui.now", SHOWN.format(clock.virtualNow().atZone(zone)),
                clock.zone()));
        now.setId("test-clock-now");
        Span ahead = new Span(t(locale, "simulation.ui.ahead", ahead(locale, clock.offsetMinutes())));
        ahead.setId("test-clock-ahead");
        ahead.addClassName("fd-muted");
        Span next = new Span(clock.nextDueAt() == null ? t(locale, "simulation.ui.none")
                : t(locale, "simulation.ui.next", clock.nextLabel(), SHOWN.format(clock.nextDueAt().atZone(zone))));
        next.setId("test-clock-next");
        Button hours = button("test-clock-hours", t(locale, "simulation.ui.hours"), ticket,
                TestClockAdvance.workingHours(4));
        Button toNext = button("test-clock-next-deadline", t(locale, "simulation.ui.nextDeadline"), ticket,
                TestClockAdvance.nextDeadline());
        toNext.setEnabled(clock.nextDueAt() != null);
        Button days = button("test-clock-days", t(locale, "simulation.ui.days"), ticket, TestClockAdvance.days(3));
        box.add(title, now, ahead, next, hours, toNext, days);
        return box;
    }

    private Button button(String id, String label, Header ticket, TestClockAdvance advance) {
        Button button = new Button(label, e -> {
            e.getSource().setEnabled(false);
            try {
                Ui.await(() -> clocks.advance(ticket.user(), ticket.number(), advance, ticket.locale()));
                UI.getCurrent().getPage().reload();
            } catch (FlowDeskException failure) {
                Ui.error(failure.message(ticket.locale()));
                e.getSource().setEnabled(true);
            }
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** "2 d 4 h 0 min" in the reader's language. */
    static String ahead(Locale locale, long minutes) {
        Duration d = Duration.ofMinutes(minutes);
        return t(locale, "simulation.ui.duration", d.toDays(), d.toHoursPart(), d.toMinutesPart());
    }

    private static String t(Locale locale, String key, Object... args) {
        return io.flowdesk.shared.Messages.get(locale, key, args);
    }

    @Override
    public int order() {
        return 5;
    }
}
