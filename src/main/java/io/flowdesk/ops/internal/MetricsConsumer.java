package io.flowdesk.ops.internal;

import io.flowdesk.tickets.TicketEvent;
import io.flowdesk.tickets.TicketEventConsumer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts what happens to tickets for Prometheus (ADR 0052), from the ticket event stream like every other feature:
 * {@code flowdesk_ticket_events_total{kind}} for every kind, and by name the ones operators watch: tickets created
 * and resolved, tasks completed, SLA warnings, breaches and escalations, reopenings. Test tickets are left out. The
 * node that holds the cursor counts (summing the nodes gives the installation); V43 starts the cursor at the head
 * of the stream, so the history before the upgrade is not counted as if it happened now. A batch that is handed
 * again after a failed commit is counted again: the counters are for watching, the reports are exact.
 */
@ApplicationScoped
public class MetricsConsumer implements TicketEventConsumer {

    @Inject
    MeterRegistry registry;

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public int batchSize() {
        return 500;
    }

    @Override
    public Uni<Void> handle(List<TicketEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Long> ids = events.stream().map(TicketEvent::ticketId).distinct().toList();
        return Panache.getSession().chain(s -> s.createNativeQuery("select id from ticket where is_test and id in "
                + "(:ids)", Long.class).setParameter("ids", ids).getResultList()).map(tests -> {
                    Set<Long> test = new HashSet<>(tests);
                    for (TicketEvent e : events) {
                        if (!test.contains(e.ticketId())) {
                            count(e);
                        }
                    }
                    return null;
                });
    }

    private void count(TicketEvent e) {
        Counter.builder("flowdesk.ticket.events").description("ticket events by kind").tag("kind", e.kind())
                .register(registry).increment();
        String named = switch (e.kind()) {
            case "CREATED" -> "flowdesk.tickets.created";
            case "REOPENED" -> "flowdesk.tickets.reopened";
            case "TASK_COMPLETED" -> "flowdesk.tasks.completed";
            case "SLA_WARNING" -> "flowdesk.sla.warnings";
            case "SLA_BREACHED" -> "flowdesk.sla.breaches";
            case "SLA_ESCALATED" -> "flowdesk.sla.escalations";
            case "STATUS_CHANGED" -> "RESOLVED".equals(e.details().path("to").asText())
                    ? "flowdesk.tickets.resolved" : null;
            default -> null;
        };
        if (named != null) {
            registry.counter(named).increment();
        }
    }
}
