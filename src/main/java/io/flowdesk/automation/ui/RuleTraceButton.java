package io.flowdesk.automation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.flowdesk.automation.AutomationService;
import io.flowdesk.automation.Rule;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.sla.Calendars;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.tickets.ui.TicketHeaderExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * "Why did this rule fire or not", in the ticket header for admins and supervisors: every rule evaluated on the
 * ticket, newest first, in words — when, on which event, the rule's name, what happened and the condition that did
 * not hold.
 */
@ApplicationScoped
public class RuleTraceButton implements TicketHeaderExtension {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Inject
    AutomationService automation;

    @Inject
    TemplateService templates;

    @Inject
    FormService forms;

    @Inject
    IdentityService identity;

    @Inject
    Calendars calendars;

    @Override
    public List<Component> components(Header ticket) {
        if (!ticket.user().has(Role.ADMIN) && !ticket.user().has(Role.SUPERVISOR)) {
            return List.of();
        }
        Locale locale = ticket.locale();
        Button open = new Button(Messages.get(locale, "automation.trace.open"), VaadinIcon.COGS.create(),
                e -> dialog(ticket, locale).open());
        open.setId("rule-trace-open");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return List.of(open);
    }

    private Dialog dialog(Header ticket, Locale locale) {
        List<AutomationService.TraceEntry> rows = Ui.await(() -> automation.trace(ticket.user(), ticket.number()));
        RuleWords words = new RuleWords((key, args) -> Messages.get(locale, key, args), RuleChoices.load(templates,
                forms, identity, calendars, locale.getLanguage().equals("zh")));
        Dialog dialog = new Dialog();
        dialog.setId("rule-trace");
        dialog.setHeaderTitle(Messages.get(locale, "automation.trace.title", ticket.number()));
        dialog.setWidth("min(56rem, 96vw)");
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        if (rows.isEmpty()) {
            list.add(new Span(Messages.get(locale, "automation.trace.none")));
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            AutomationService.TraceEntry t = rows.get(i);
            Div row = new Div();
            row.setId("rule-trace-" + (rows.size() - 1 - i));
            row.getElement().setAttribute("data-outcome", t.outcome());
            row.getElement().setAttribute("data-rule", t.rule());
            Span head = new Span(Messages.get(locale, "automation.trace.head", AT.format(t.at()),
                    event(locale, t.eventKind()), t.ruleName().in(locale)));
            head.addClassName("fd-hint");
            Span what = new Span(outcome(locale, words, t));
            row.add(head, new Div(what));
            row.getStyle().set("padding", "var(--lumo-space-xs) 0").set("border-bottom",
                    "1px solid var(--lumo-contrast-10pct)");
            list.add(row);
        }
        dialog.add(list);
        Button close = new Button(Messages.get(locale, "automation.trace.close"), e -> dialog.close());
        close.setId("rule-trace-close");
        dialog.getFooter().add(close);
        return dialog;
    }

    static String event(Locale locale, String kind) {
        if (kind == null) {
            return "";
        }
        if (kind.equals("TIME") || kind.startsWith("BEFORE_")) {
            return Messages.get(locale, "automation.trace.event.time");
        }
        String label = Messages.get(locale, "timeline." + kind);
        return label.equals("timeline." + kind) ? kind : label;
    }

    static String outcome(Locale locale, RuleWords words, AutomationService.TraceEntry t) {
        String outcome = t.outcome() == null ? "" : t.outcome();
        return switch (outcome) {
            case "NOT_MATCHED" -> Messages.get(locale, "automation.trace.NOT_MATCHED", words.condition(
                    condition(t.failed())));
            case "SCHEDULED" -> Messages.get(locale, "automation.trace.SCHEDULED", t.failed() == null ? ""
                    : AT.format(java.time.Instant.parse(t.failed())));
            case "FIRED", "ALREADY_FIRED", "CUTOFF", "RULE_OFF" -> Messages.get(locale, "automation.trace." + outcome);
            default -> outcome;
        };
    }

    /** The stored "field op value" of a failed condition (AutomationEngine.describe), read back. */
    static Rule.Condition condition(String failed) {
        if (failed == null || failed.isBlank()) {
            return null;
        }
        String[] parts = failed.split(" ", 3);
        return new Rule.Condition(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null);
    }
}
