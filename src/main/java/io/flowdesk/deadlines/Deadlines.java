package io.flowdesk.deadlines;

import io.flowdesk.shared.FlowClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Schedules and cancels deadlines (ADR 0018). Every method runs in the caller's Panache session and transaction, so
 * a deadline appears or goes together with the change that caused it. A key names one deadline for good: once fired
 * it is never fired again, and scheduling it again changes nothing.
 */
@ApplicationScoped
public class Deadlines {

    @Inject
    DeadlineScanner scanner;

    /** Inserts the deadline, or moves its due instant and payload if it has not fired yet; a fired key is left alone. */
    public Uni<Void> schedule(String key, String owner, long ticketId, Instant dueAt, String payloadJson) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into deadline (key, owner, "
                + "ticket_id, due_at, payload_json, created_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (key) do "
                + "update set owner = excluded.owner, ticket_id = excluded.ticket_id, due_at = excluded.due_at, "
                + "payload_json = excluded.payload_json, attempts = 0, last_error = null, retry_at = null "
                + "where deadline.fired_at is null")
                .setParameter(1, key).setParameter(2, owner).setParameter(3, ticketId).setParameter(4, utc(dueAt))
                .setParameter(5, payloadJson).setParameter(6, FlowClock.offsetNow()).executeUpdate())
                .replaceWithVoid();
    }

    /** One deadline to schedule with {@link #replace}. */
    public record Due(String key, Instant dueAt, String payloadJson) {
    }

    /**
     * What {@link #cancelPrefix} for every prefix and then {@link #schedule} for every deadline do, for one ticket and
     * owner in two statements instead of one per key (a recompute of many tickets, ADR 0023): pending deadlines of
     * the ticket under any prefix go, the given ones are inserted or moved; a fired key is left alone.
     */
    public Uni<Void> replace(long ticketId, String owner, java.util.Collection<String> prefixes,
            java.util.List<Due> due) {
        Uni<Integer> deleted = prefixes.isEmpty() ? Uni.createFrom().item(0) : Panache.getSession().chain(session ->
                session.createNativeQuery("delete from deadline where ticket_id = ?1 and fired_at is null and exists "
                        + "(select 1 from unnest(cast(?2 as text[])) p where starts_with(key, p))")
                        .setParameter(1, ticketId).setParameter(2, prefixes.toArray(String[]::new)).executeUpdate());
        if (due.isEmpty()) {
            return deleted.replaceWithVoid();
        }
        String[] keys = due.stream().map(Due::key).toArray(String[]::new);
        String[] at = due.stream().map(d -> d.dueAt().toString()).toArray(String[]::new);
        String[] payloads = due.stream().map(Due::payloadJson).toArray(String[]::new);
        return deleted.chain(() -> Panache.getSession().chain(session -> session.createNativeQuery("insert into "
                + "deadline (key, owner, ticket_id, due_at, payload_json, created_at) select r.k, ?1, ?2, "
                + "cast(r.d as timestamptz), r.p, ?6 from unnest(cast(?3 as text[]), cast(?4 as text[]), "
                + "cast(?5 as text[])) as r(k, d, p) on conflict (key) do update set owner = excluded.owner, "
                + "ticket_id = excluded.ticket_id, due_at = excluded.due_at, payload_json = excluded.payload_json, "
                + "attempts = 0, last_error = null, retry_at = null where deadline.fired_at is null")
                .setParameter(1, owner).setParameter(2, ticketId).setParameter(3, keys).setParameter(4, at)
                .setParameter(5, payloads).setParameter(6, FlowClock.offsetNow()).executeUpdate()))
                .replaceWithVoid();
    }

    /** Deletes the deadline unless it has fired (a fired one stays as the record that it did). */
    public Uni<Void> cancel(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from deadline where key = ?1 and fired_at is null")
                .setParameter(1, key).executeUpdate()).replaceWithVoid();
    }

    /** Deletes every deadline not fired yet whose key starts with the prefix (e.g. {@code sla:42:RESOLUTION:}). */
    public Uni<Void> cancelPrefix(String keyPrefix) {
        String pattern = keyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from deadline where key like ?1 escape '\\' and fired_at is null")
                .setParameter(1, pattern).executeUpdate()).replaceWithVoid();
    }

    /**
     * Fires everything due by the clock now, batch after batch, in its own transactions (tests, admin "catch up");
     * answers how many fired here. It returns once nothing due is left, also none that another node or the
     * background pass is firing right now (it waits for their commit, at most 10 s). The scanner does the same in the background on every node.
     */
    public Uni<Integer> drainDue() {
        return scanner.drainDue().chain(fired -> scanner.settle(System.nanoTime() + 10_000_000_000L).replaceWith(fired));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
