package io.flowdesk.sla.internal;

import io.flowdesk.deadlines.Deadline;
import io.flowdesk.deadlines.DeadlineHandler;
import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recomputes the open tickets after a policy edit, outside the request (ADR 0022). The edit's transaction schedules
 * the first batch as a deadline due now; each batch (tickets in id order after the last one done) runs in the deadline
 * scanner's transaction and schedules the next, so every batch happens exactly once across restarts and nodes. A newer
 * edit cancels the batches of an older one that have not started and begins again from the first ticket.
 */
@ApplicationScoped
public class PolicyRecompute implements DeadlineHandler {

    public static final String OWNER = "sla-policies";
    static final String PREFIX = "sla-policies:";

    @Inject
    Deadlines deadlines;

    @Inject
    SlaRecompute recompute;

    @Inject
    FlowClock clock;

    @ConfigProperty(name = "flowdesk.sla.recompute-batch", defaultValue = "500")
    int batch;

    public record Payload(String run, String by, long after) {
    }

    @Override
    public String owner() {
        return OWNER;
    }

    /**
     * In the edit's transaction: forget the batches of earlier edits that no node has taken (one being fired now is
     * skipped, not waited for: the edit returns at once), and schedule the first batch of this one.
     */
    public Uni<Void> schedule(String username) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from deadline where id in (select id from "
                + "deadline where owner = ?1 and fired_at is null for update skip locked)").setParameter(1, OWNER)
                .executeUpdate())
                .chain(() -> next(new Payload(UUID.randomUUID().toString(), username, 0L)));
    }

    /** Whether batches are waiting (the admin view says the open tickets are being recomputed). */
    public static Uni<Boolean> pending() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from deadline where owner = ?1 "
                + "and fired_at is null", Long.class).setParameter(1, OWNER).getSingleResult()).map(n -> n > 0);
    }

    @Override
    public Uni<Void> fire(Deadline deadline) {
        Payload p = read(deadline.payloadJson());
        Text cause = Text.of("sla.cause.policyEdited", p.by());
        return PolicyRows.all().chain(policies -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select id from ticket where engine_state <> 'ENDED' and id > ?1 order by id limit ?2", Long.class)
                .setParameter(1, p.after()).setParameter(2, batch).getResultList())
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (long id : ids) {
                        chain = chain.chain(() -> recompute.ticket(id, policies, cause).replaceWithVoid()
                                .onFailure(NotFound.class).recoverWithNull());
                    }
                    return chain.chain(() -> ids.size() < batch ? Uni.createFrom().voidItem()
                            : next(new Payload(p.run(), p.by(), ids.get(ids.size() - 1))));
                }));
    }

    private Uni<Void> next(Payload p) {
        return deadlines.schedule(PREFIX + p.run() + ":" + p.after(), OWNER, 0L, clock.now(), Json.write(p));
    }

    private static Payload read(String json) {
        try {
            return Json.MAPPER.readValue(json, Payload.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("sla-policies deadline payload", e);
        }
    }
}
