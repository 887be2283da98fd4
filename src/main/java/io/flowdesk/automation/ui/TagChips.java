package io.flowdesk.automation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.flowdesk.automation.AutomationService;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.tickets.ui.TicketHeaderExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The ticket header's tags (set by people's macros and by rules), for staff; customers and partners see none. */
@ApplicationScoped
public class TagChips implements TicketHeaderExtension {

    @Inject
    AutomationService automation;

    @Override
    public List<Component> components(Header ticket) {
        if (ticket.user().isCustomer() || ticket.user().isPartner()) {
            return List.of();
        }
        List<String> tags = Ui.await(() -> automation.tags(ticket.user(), ticket.number()));
        if (tags.isEmpty()) {
            return List.of();
        }
        HorizontalLayout row = new HorizontalLayout();
        row.setId("ticket-tags");
        row.setSpacing(false);
        row.addClassName("fd-tags");
        row.getStyle().set("gap", "4px").set("flex-wrap", "wrap").set("align-items", "center");
        String label = Messages.get(ticket.locale(), "automation.tags.label");
        row.getElement().setAttribute("aria-label", label);
        row.getElement().setAttribute("title", label);
        for (String tag : tags) {
            Span chip = new Span("#" + tag);
            chip.getElement().getThemeList().add("badge contrast pill small");
            chip.getElement().setAttribute("data-tag", tag);
            row.add(chip);
        }
        return List.of(row);
    }

    @Override
    public int order() {
        return 20;
    }
}
