package io.flowdesk.notify.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The daily digest and the cap's summary are delivery rows like any other (ADR 0028): one e-mail row per (person,
 * day) keyed {@code d:<user>:<local date>} and one per (person, cap window) keyed {@code c:<user>:<window>}, sent by
 * the sender with its guarantees. A notice joins one by locking its row ({@code select … for update}) and adding
 * itself only while the row is still pending: a digest that the sender already took can get nothing new, so the
 * notice goes to the next one. Nothing joins a digest after it was sent, and nothing is left behind.
 */
public final class Digests {

    public static final String DIGEST = "DIGEST";
    public static final String SUMMARY = "SUMMARY";

    public record Cap(String channel, int max, int minutes) {
    }

    private Digests() {
    }

    public static boolean isDigest(String kind) {
        return DIGEST.equals(kind) || SUMMARY.equals(kind);
    }

    /** The id of the person's pending digest at their local {@code at}, creating it; the first one still pending. */
    public static Uni<Long> digestFor(String username, ObjectNode person, LocalTime at, ZoneId zone, Instant now) {
        return digestFor(username, person, at, zone, now, 0);
    }

    private static Uni<Long> digestFor(String username, ObjectNode person, LocalTime at, ZoneId zone, Instant now,
            int later) {
        ZonedDateTime due = Schedules.nextDigest(at, zone, now, later);
        String key = "d:" + username + ":" + due.toLocalDate();
        return join(key, username, person.deepCopy().put("day", due.toLocalDate().toString()), DIGEST,
                due.toInstant()).chain(id -> id != null || later >= 7 ? Uni.createFrom().item(id)
                        : digestFor(username, person, at, zone, now, later + 1));
    }

    /** The id of the pending summary that reports what the cap suppressed, due when the cap's window ends. */
    public static Uni<Long> summaryFor(String username, ObjectNode person, Instant due, Duration window) {
        return summaryFor(username, person, due.toEpochMilli() / window.toMillis(), window, 0);
    }

    private static Uni<Long> summaryFor(String username, ObjectNode person, long bucket, Duration window, int later) {
        long b = bucket + later;
        Instant end = Instant.ofEpochMilli((b + 1) * window.toMillis());
        return join("c:" + username + ":" + window.toMinutes() + ":" + b, username, person.deepCopy(), SUMMARY, end)
                .chain(id -> id != null || later >= 7 ? Uni.createFrom().item(id)
                        : summaryFor(username, person, bucket, window, later + 1));
    }

    /** Creates the row if missing, locks it, and answers its id while it is pending (else null). */
    private static Uni<Long> join(String key, String username, ObjectNode payload, String kind, Instant due) {
        OffsetDateTime now = FlowClock.offsetNow();
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into notify_delivery (delivery_key, "
                + "channel, recipient, kind, payload_json, status, next_at, created_at) values (?1, 'email', ?2, ?3, "
                + "?4, 'pending', ?5, ?6) on conflict (delivery_key) do nothing").setParameter(1, key)
                .setParameter(2, username).setParameter(3, kind).setParameter(4, Json.write(payload))
                .setParameter(5, OffsetDateTime.ofInstant(due, ZoneOffset.UTC)).setParameter(6, now).executeUpdate()
                .chain(() -> s.createNativeQuery("select id, status from notify_delivery where delivery_key = ?1 "
                        + "for update", Object[].class).setParameter(1, key).getResultList()))
                .map(rows -> rows.isEmpty() || !DeliveryStore.PENDING.equals(rows.get(0)[1]) ? null
                        : ((Number) rows.get(0)[0]).longValue());
    }

    /** The admins' caps (channel → at most N per window); a channel without a row has none. */
    public static Uni<List<Cap>> caps() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select channel, max_count, window_minutes from "
                + "notify_cap order by channel", Object[].class).getResultList()).map(rows -> rows.stream()
                        .map(r -> new Cap((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue()))
                        .toList());
    }

    /**
     * How many e-mails to this recipient are due in the window that ends at {@code due} (pending or sent, not the
     * digests); serialised per recipient by a transaction lock so that two notices cannot both take the last place.
     */
    public static Uni<Integer> countInWindow(String recipient, Instant due, Duration window) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "notify-cap:" + recipient).getSingleResult()
                .chain(() -> s.createNativeQuery("select count(*) from notify_delivery where channel = 'email' and "
                        + "recipient = ?1 and kind not in ('DIGEST', 'SUMMARY') and status in ('pending', 'sending', "
                        + "'sent', 'retry', 'failed') and next_at > ?2 and next_at <= ?3", Long.class)
                        .setParameter(1, recipient)
                        .setParameter(2, OffsetDateTime.ofInstant(due.minus(window), ZoneOffset.UTC))
                        .setParameter(3, OffsetDateTime.ofInstant(due, ZoneOffset.UTC)).getSingleResult()))
                .map(Long::intValue);
    }
}
