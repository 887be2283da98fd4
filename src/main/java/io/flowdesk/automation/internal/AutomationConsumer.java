package io.flowdesk.automation.internal;

import io.flowdesk.shared.NotFound;
import io.flowdesk.tickets.TicketEvent;
import io.flowdesk.tickets.TicketEventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Automation's reader of the ticket event stream: the enabled rules, in order, on every event, in the cursor's
 * transaction, so firings, traces, effects and deadlines commit with the cursor (exactly once per event).
 */
@ApplicationScoped
public class AutomationConsumer implements TicketEventConsumer {

    @Inject
    AutomationEngine engine;

    @Override
    public String name() {
        return "automation";
    }

    @Override
    public int batchSize() {
        return 100;
    }

    @Override
    public Uni<Void> handle(List<TicketEvent> events) {
        return RuleRows.all(true).chain(rules -> {
            if (rules.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TicketEvent event : events) {
                chain = chain.chain(() -> engine.onEvent(event, rules).onFailure(NotFound.class).recoverWithNull());
            }
            return chain;
        });
    }
}
