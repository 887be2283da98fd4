package io.flowdesk.sla.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.ui.Countdown;
import io.flowdesk.sla.SlaTarget;
import java.util.List;
import java.util.Locale;

/**
 * A ticket's SLA targets as chips: icon and colour of the state (on track, at risk, breached, paused, met), the
 * target's label and its countdown; the tooltip names the state, the exact due instant (in the browser's zone) and
 * the working minutes used of the target. Data in, nothing out.
 */
public class SlaChips extends Div {

    public SlaChips(List<SlaTarget> targets, Locale locale) {
        setId("sla-chips");
        addClassName("fd-sla-chips");
        int index = 0;
        for (SlaTarget target : targets) {
            add(chip(target, locale, index++));
        }
    }

    static Div chip(SlaTarget target, Locale locale, int index) {
        String state = target.state() == null ? "ON_TRACK" : target.state();
        Icon icon = icon(state).create();
        icon.addClassName("fd-sla-icon");
        String label = Messages.format(locale, target.label());
        Span name = new Span(label);
        name.addClassName("fd-sla-label");
        Countdown countdown = new Countdown(target.dueAt(), state, target.remainingWorkingMinutes(), locale)
                .label(label + " · " + Messages.get(locale, "sla.state." + state) + " · "
                        + Messages.get(locale, "sla.used", target.usedWorkingMinutes(), target.targetMinutes()));
        countdown.setId("sla-countdown-" + index);
        Div chip = new Div(icon, name, countdown);
        chip.addClassName("fd-sla-chip");
        chip.addClassName("fd-sla-" + state);
        chip.setId("sla-chip-" + index);
        chip.getElement().setAttribute("data-target", target.target());
        chip.getElement().setAttribute("data-state", state);
        chip.getElement().setAttribute("aria-label", label + ": " + Messages.get(locale, "sla.state." + state));
        return chip;
    }

    static VaadinIcon icon(String state) {
        return switch (state) {
            case "AT_RISK" -> VaadinIcon.WARNING;
            case "BREACHED" -> VaadinIcon.EXCLAMATION_CIRCLE;
            case "PAUSED" -> VaadinIcon.PAUSE;
            case "MET" -> VaadinIcon.CHECK_CIRCLE;
            default -> VaadinIcon.CLOCK;
        };
    }
}
