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
     * answers how many fired. The scanner does the same in the background on every node.
     */
    public Uni<Integer> drainDue() {
        return scanner.drainDue();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
