package io.flowdesk.notify.internal;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes delivery rows in the caller's session and transaction (the notice's, or an event consumer's batch), so a
 * notice and its deliveries commit together. The key names the delivery for good ({@code n:<notice>:<channel>},
 * {@code e:<event>:<recipient>:<channel>}): a repeated enqueue of the same key changes nothing.
 */
public final class DeliveryStore {

    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String RETRY = "retry";
    public static final String FAILED = "failed";
    public static final String SUPPRESSED = "suppressed";
    /** Waiting for the person's daily digest (ADR 0028); the digest row lists it. */
    public static final String HELD = "held";

    private DeliveryStore() {
    }

    /** A delivery to send now (or at {@code notBefore}, e.g. after quiet hours). */
    public static Uni<Void> enqueue(String key, String channel, String recipient, Long ticketId, String kind,
            Object payload, Instant notBefore) {
        return insert(key, channel, recipient, ticketId, kind, payload, PENDING, null,
                notBefore != null ? notBefore : FlowClock.instant(), null);
    }

    /** A delivery deferred to {@code notBefore} with the reason (quiet hours); {@code reason} is a code. */
    public static Uni<Void> deferred(String key, String channel, String recipient, Long ticketId, String kind,
            Object payload, Instant notBefore, String reason) {
        return insert(key, channel, recipient, ticketId, kind, payload, PENDING, reason, notBefore, null);
    }

    /** A delivery held for the digest {@code digestId} (sent as part of it, never alone). */
    public static Uni<Void> held(String key, String channel, String recipient, Long ticketId, String kind,
            Object payload, long digestId) {
        return insert(key, channel, recipient, ticketId, kind, payload, HELD, "digest:" + digestId,
                FlowClock.instant(), digestId);
    }

    /** A suppressed delivery that the summary {@code digestId} reports (above the recipient's cap). */
    public static Uni<Void> capped(String key, String channel, String recipient, Long ticketId, String kind,
            Object payload, String reason, long digestId) {
        return insert(key, channel, recipient, ticketId, kind, payload, SUPPRESSED, reason, FlowClock.instant(),
                digestId);
    }

    /** A delivery that will not be sent, with the reason an admin reads in the log. */
    public static Uni<Void> suppressed(String key, String channel, String recipient, Long ticketId, String kind,
            Object payload, String reason) {
        return insert(key, channel, recipient, ticketId, kind, payload, SUPPRESSED, reason, FlowClock.instant(), null);
    }

    private static Uni<Void> insert(String key, String channel, String recipient, Long ticketId, String kind,
            Object payload, String status, String reason, Instant nextAt, Long digestId) {
        OffsetDateTime now = FlowClock.offsetNow();
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into notify_delivery "
                + "(delivery_key, channel, recipient, ticket_id, kind, payload_json, status, reason, next_at, created_at, "
                + "digest_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict (delivery_key) do nothing")
                .setParameter(1, cut(key, 300)).setParameter(2, channel).setParameter(3, cut(recipient, 300))
                .setParameter(4, ticketId).setParameter(5, cut(kind, 64))
                .setParameter(6, payload instanceof String s ? s : Json.write(payload)).setParameter(7, status)
                .setParameter(8, cut(reason, 1000)).setParameter(9, OffsetDateTime.ofInstant(nextAt, ZoneOffset.UTC))
                .setParameter(10, now).setParameter(11, digestId).executeUpdate()).replaceWithVoid();
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
