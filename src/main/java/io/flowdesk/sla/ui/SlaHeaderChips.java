package io.flowdesk.sla.ui;

import com.vaadin.flow.component.Component;
import io.flowdesk.sla.SlaService;
import io.flowdesk.sla.SlaTarget;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.tickets.ui.TicketHeaderExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The ticket header's SLA: one chip per target, for staff (customers see their promise in the portal). */
@ApplicationScoped
public class SlaHeaderChips implements TicketHeaderExtension {

    @Inject
    SlaService sla;

    @Override
    public List<Component> components(Header ticket) {
        if (ticket.user().isCustomer()) {
            return List.of();
        }
        List<SlaTarget> targets = Ui.await(() -> sla.targets(ticket.ticketId()));
        if (targets.isEmpty()) {
            return List.of();
        }
        return List.of(new SlaChips(targets, ticket.locale()));
    }

    @Override
    public int order() {
        return 10;
    }
}
