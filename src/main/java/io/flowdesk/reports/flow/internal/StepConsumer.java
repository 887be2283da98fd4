package io.flowdesk.reports.flow.internal;

import io.flowdesk.shared.Sessions;
import io.flowdesk.tickets.TicketEvent;
import io.flowdesk.tickets.TicketEventConsumer;
import io.flowdesk.workflow.EngineBridge;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code reports-steps} consumer (ADR 0038): every ticket whose flow moved in a batch (a task event or its end)
 * gets its {@code report_step} and {@code report_flow} rows rewritten from its tasks, events and Flowable's history,
 * in the batch's transaction, so the rollups commit with the cursor (exactly once). Test tickets get no rows.
 */
@ApplicationScoped
public class StepConsumer implements TicketEventConsumer {

    public static final String NAME = "reports-steps";

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineBridge bridge;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Void> handle(List<TicketEvent> events) {
        Set<Long> tickets = new LinkedHashSet<>();
        events.stream().filter(e -> e.kind().startsWith("TASK_") || e.kind().equals("ENDED"))
                .forEach(e -> tickets.add(e.ticketId()));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (long id : tickets) {
            chain = chain.chain(() -> ticket(id)).chain(Sessions::flushAndClear);
        }
        return chain;
    }

    /** Waiting ends at the first claim or assignment, or at the start when the step began with an assignee. */
    private static final String STEPS = """
            insert into report_step (task_id, ticket_id, template_key, version, ticket_created_at, step_id, name_zh,
                name_en, entry_no, entered_at, claimed_at, completed_at, wait_seconds, work_seconds)
            select k.task_id, k.ticket_id, t.template_key, v.version, t.created_at, k.task_def_key, k.name_zh,
                   k.name_en, row_number() over (partition by k.task_def_key order by k.created_at, k.task_id),
                   k.created_at, c.claimed_at, k.completed_at,
                   extract(epoch from (c.claimed_at - k.created_at)),
                   extract(epoch from (k.completed_at - c.claimed_at))
            from ticket_task k
            join ticket t on t.id = k.ticket_id
            join template_version v on v.id = t.template_version_id
            left join lateral (select coalesce(
                (select min(e.at) from ticket_event e where e.ticket_id = k.ticket_id and e.task_id = k.task_id
                   and e.kind in ('TASK_CLAIMED', 'TASK_ASSIGNED_AUTO', 'TASK_REASSIGNED')),
                case when exists (select 1 from ticket_event e where e.ticket_id = k.ticket_id
                   and e.task_id = k.task_id and e.kind = 'TASK_STARTED'
                   and (e.details_json::jsonb ->> 'assignee') is not null) then k.created_at end) claimed_at) c
              on true
            where k.ticket_id = ?1 and not t.is_test and k.state <> 'CANCELLED'
            """;

    private Uni<Void> ticket(long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from report_step where ticket_id = ?1")
                .setParameter(1, id).executeUpdate()
                .chain(() -> s.createNativeQuery("delete from report_flow where ticket_id = ?1").setParameter(1, id)
                        .executeUpdate())
                .chain(() -> s.createNativeQuery(STEPS).setParameter(1, id).executeUpdate())
                .chain(() -> s.createNativeQuery("select process_instance_id from ticket where id = ?1 and not "
                        + "is_test and process_instance_id is not null", String.class).setParameter(1, id)
                        .getResultList())
                .chain(instances -> instances.isEmpty() ? Uni.createFrom().voidItem()
                        : bridge.call(() -> engine.takenFlowsOf(instances.get(0))).chain(flows -> flows(id, flows))));
    }

    private static Uni<Void> flows(long ticketId, List<String> taken) {
        Map<String, Integer> counts = new TreeMap<>();
        taken.forEach(flow -> counts.merge(flow, 1, Integer::sum));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var flow : counts.entrySet()) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("insert into report_flow "
                    + "(ticket_id, flow_id, template_key, version, ticket_created_at, taken) select t.id, ?2, "
                    + "t.template_key, v.version, t.created_at, ?3 from ticket t join template_version v on v.id = "
                    + "t.template_version_id where t.id = ?1").setParameter(1, ticketId).setParameter(2, flow.getKey())
                    .setParameter(3, flow.getValue()).executeUpdate()).replaceWithVoid());
        }
        return chain;
    }
}
