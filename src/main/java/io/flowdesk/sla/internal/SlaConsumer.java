package io.flowdesk.sla.internal;

import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Sessions;
import io.flowdesk.tickets.TicketEvent;
import io.flowdesk.tickets.TicketEventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SLA clock consumer: every ticket touched by a batch is recomputed from its whole history, in the batch's
 * transaction, so its clocks, outcomes, deadlines and summary commit together with the cursor.
 */
@ApplicationScoped
public class SlaConsumer implements TicketEventConsumer {

    @Inject
    SlaRecompute recompute;

    @Override
    public String name() {
        return "sla";
    }

    @Override
    public Uni<Void> handle(List<TicketEvent> events) {
        Set<Long> tickets = new LinkedHashSet<>();
        for (TicketEvent e : events) {
            if (!SlaTexts.RECOMPUTED.equals(e.kind())) { // our own entries change nothing
                tickets.add(e.ticketId());
            }
        }
        if (tickets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return PolicyRows.all().chain(policies -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (long id : tickets) {
                chain = chain.chain(() -> recompute.ticket(id, policies, null).replaceWithVoid()
                        .onFailure(NotFound.class).recoverWithNull()).chain(Sessions::flushAndClear);
            }
            return chain;
        });
    }
}
