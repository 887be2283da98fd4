package io.flowdesk.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.TicketEvent;
import io.flowdesk.tickets.TicketEventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Routing's reader of the ticket event stream. A started user task with an automatic strategy and no assignee is
 * decided and assigned (or flagged as waiting); a P1 task left in the queue is announced to its department; a
 * completed or cancelled task frees capacity, so waiting tasks are handed out. Runs in the cursor's transaction.
 */
@ApplicationScoped
public class RoutingConsumer implements TicketEventConsumer {

    @Inject
    RoutingService routing;

    /**
     * P1 tasks left in a queue are announced to their department. Off in %test: the background consumer would add
     * notifications to other tests' users at moments those tests cannot predict (RoutingFlowTest turns it on).
     */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "flowdesk.routing.announce-p1", defaultValue = "true")
    boolean announceP1;

    @Override
    public String name() {
        return "routing";
    }

    @Override
    public Uni<Void> handle(List<TicketEvent> events) {
        boolean relevant = events.stream().anyMatch(e -> e.kind().equals("TASK_STARTED")
                || e.kind().equals("TASK_COMPLETED") || e.kind().equals("TASK_CANCELLED"));
        if (!relevant) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = routing.lock();
        boolean freed = false;
        for (TicketEvent event : events) {
            switch (event.kind()) {
                case "TASK_STARTED" -> chain = chain.chain(() -> started(event));
                case "TASK_COMPLETED", "TASK_CANCELLED" -> freed = true;
                default -> {
                }
            }
        }
        if (freed) {
            chain = chain.chain(() -> routing.handOut(null)).replaceWithVoid();
        }
        return chain;
    }

    private Uni<Void> started(TicketEvent event) {
        JsonNode details = event.details();
        String department = text(details, "department");
        Strategy strategy = Strategy.of(text(details, "assignment"));
        boolean urgent = announceP1 && "P1".equals(text(details, "priority"));
        if (event.taskId() == null || department == null || text(details, "assignee") != null) {
            return Uni.createFrom().voidItem();
        }
        Text task = Text.bilingual(details.path("task").asText(""), details.path("taskEn").asText(
                details.path("task").asText("")));
        if (strategy == Strategy.QUEUE) {
            return urgent ? routing.announceUrgent(event.ticketId(), department, task) : Uni.createFrom().voidItem();
        }
        return routing.task(event.taskId(), true).chain(current -> {
            if (current == null) {
                return Uni.createFrom().voidItem(); // closed meanwhile
            }
            return routing.route(current).chain(decision -> urgent && decision.chosen() == null
                    ? routing.announceUrgent(event.ticketId(), department, task)
                    : Uni.createFrom().voidItem());
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
