package io.flowdesk.sla;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Sessions;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.internal.PolicyRows;
import io.flowdesk.sla.internal.SlaRecompute;
import io.flowdesk.sla.internal.SlaRows;
import io.flowdesk.sla.internal.SlaTexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The public face of SLA clocks: a ticket's targets now, and recomputation after policy or calendar edits. */
@ApplicationScoped
public class SlaService {

    @Inject
    SlaRecompute recompute;

    @Inject
    FlowClock clock;

    @ConfigProperty(name = "flowdesk.sla.recompute-lanes", defaultValue = "2")
    int recomputeLanes;

    @Inject
    io.flowdesk.tickets.TicketService tickets;

    /**
     * The targets of a ticket for someone who may see it (404 otherwise); customers see only the open first and next
     * response targets, to know when to expect an answer.
     */
    public Uni<List<SlaTarget>> targetsFor(io.flowdesk.identity.CurrentUser user, String number) {
        return tickets.get(user, number).chain(ignored -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select id from ticket where number = ?1", Long.class)
                        .setParameter(1, number).getSingleResult())))
                .chain(this::targets)
                .map(all -> !user.isCustomer() ? all : all.stream().filter(t -> t.remainingWorkingMinutes() != null
                        && (SlaPolicy.FIRST_RESPONSE.equals(t.target()) || SlaPolicy.NEXT_RESPONSE.equals(t.target())))
                        .toList());
    }

    /**
     * The ticket's targets as they stand now (state and minutes at this instant), current cycle and earlier ones, in
     * the order they started. Read from the last recompute; states that time alone changes are brought up to date.
     */
    public Uni<List<SlaTarget>> targets(long ticketId) {
        return Panache.withSession(() -> SlaRows.clocks(ticketId)).map(rows -> rows.values().stream()
                .sorted(Comparator.comparing(SlaRows.StoredClock::startedAt))
                .map(this::target).toList());
    }

    private SlaTarget target(SlaRows.StoredClock c) {
        String state = c.state();
        boolean open = c.stoppedAt() == null;
        if (open && c.pausedSince() == null && c.dueAt() != null && !clock.now().isBefore(c.dueAt())) {
            state = SlaTarget.BREACHED;
        }
        Long remaining = open ? Math.max(0, c.targetMinutes() - c.used()) : null;
        return new SlaTarget(c.target(), SlaTexts.target(c.target(), c.labelZh(), c.labelEn()),
                c.taskId().isEmpty() ? null : c.taskId(), c.dueAt(), state, c.used(), c.targetMinutes(), remaining,
                c.pausedSince());
    }

    /** Recomputes one ticket now (its own transaction), e.g. after its customer's tier changed. */
    public Uni<Void> recompute(long ticketId) {
        return recompute(ticketId, null);
    }

    public Uni<Void> recompute(long ticketId, Text cause) {
        return Panache.withTransaction(() -> PolicyRows.all()
                .chain(policies -> recompute.ticket(ticketId, policies, cause))).replaceWithVoid();
    }

    /**
     * Recomputes every ticket whose flow has not ended, {@code batchSize} tickets per transaction, in id order; the
     * cause goes on the timeline of every ticket whose deadline moved. Answers how many tickets were recomputed.
     */
    public Uni<Integer> recomputeAll(Text cause, int batchSize) {
        int lanes = Math.max(1, recomputeLanes);
        return Panache.withSession(() -> PolicyRows.all()).chain(policies -> {
            if (lanes == 1) {
                return batches(policies, cause, batchSize, 0L, 0, 0, 1);
            }
            // lanes split the tickets by id and run side by side, each on its own session and connection (ADR 0023)
            List<Uni<Integer>> all = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                int index = lane;
                all.add(Sessions.apart(() -> batches(policies, cause, batchSize, 0L, 0, index, lanes)));
            }
            return Uni.combine().all().unis(all).with(counts -> counts.stream().mapToInt(c -> (Integer) c).sum());
        });
    }

    private Uni<Integer> batches(List<SlaPolicy> policies, Text cause, int size, long after, int done, int lane,
            int lanes) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select id from ticket where engine_state <> 'ENDED' and id > ?1 and mod(id, ?3) = ?4 order by id "
                        + "limit ?2", Long.class)
                .setParameter(1, after).setParameter(2, size).setParameter(3, (long) lanes)
                .setParameter(4, (long) lane).getResultList())
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (long id : ids) {
                        // one ticket at a time, the session emptied after each (ADR 0023)
                        chain = chain.chain(() -> recompute.ticket(id, policies, cause).replaceWithVoid())
                                .chain(Sessions::flushAndClear);
                    }
                    return chain.replaceWith(ids);
                }))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(done)
                        : batches(policies, cause, size, ids.get(ids.size() - 1), done + ids.size(), lane, lanes));
    }

}
