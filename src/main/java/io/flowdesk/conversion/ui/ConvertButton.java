package io.flowdesk.conversion.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.flowdesk.conversion.ConversionService;
import io.flowdesk.shared.Messages;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.tickets.ui.TicketHeaderExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** "Convert…" in the ticket header (agents, supervisors, admins) while the ticket's flow runs (ADR 0049). */
@ApplicationScoped
public class ConvertButton implements TicketHeaderExtension {

    private static final Set<String> ENDED = Set.of(TicketStatus.RESOLVED, TicketStatus.CLOSED, TicketStatus.REJECTED,
            TicketStatus.CANCELLED);

    @Inject
    ConversionService conversions;

    @Override
    public List<Component> components(Header ticket) {
        if (!ticket.user().seesAllTickets() || ENDED.contains(ticket.status())) {
            return List.of();
        }
        Button open = new Button(Messages.get(ticket.locale(), "conversion.open"), VaadinIcon.EXCHANGE.create(),
                e -> new ConvertDialog(conversions, ticket).open());
        open.setId("convert-open");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return List.of(open);
    }

    @Override
    public int order() {
        return 300;
    }
}
