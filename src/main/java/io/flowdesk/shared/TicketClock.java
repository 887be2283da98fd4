package io.flowdesk.shared;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The time as one ticket sees it (ADR 0048): {@link FlowClock} plus the ticket's own offset. Only a test ticket that a
 * designer advanced ("Try it" with a virtual clock, {@code io.flowdesk.simulation}) has an offset; every other ticket
 * reads exactly {@link FlowClock}. Code that judges or stamps one ticket's time (its timeline, its deadlines, its SLA
 * evaluation) asks here instead of adding offsets itself. Runs in the caller's Panache session.
 */
public final class TicketClock {

    private TicketClock() {
    }

    /** How far the ticket's clock runs ahead of the shared one, in milliseconds (0 for every real ticket). */
    public static Uni<Long> offsetMillis(long ticketId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select offset_ms from test_clock where ticket_id = ?1", Long.class)
                .setParameter(1, ticketId).getResultList())
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? 0L : rows.get(0));
    }

    /** The ticket's now. */
    public static Uni<Instant> now(long ticketId) {
        return offsetMillis(ticketId).map(offset -> FlowClock.instant().plusMillis(offset));
    }

    /** The offset that makes a ticket's now {@code virtualNow} at this instant of the shared clock. */
    public static long offsetFor(Instant virtualNow) {
        return virtualNow.toEpochMilli() - FlowClock.instant().toEpochMilli();
    }

    /**
     * The instant to stamp on the ticket's timeline: {@link FlowClock#offsetNow()} for a real ticket (no query), the
     * ticket's virtual now for a test ticket.
     */
    public static Uni<OffsetDateTime> stamp(long ticketId, boolean testTicket) {
        if (!testTicket) {
            return Uni.createFrom().item(FlowClock.offsetNow());
        }
        return now(ticketId).map(at -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /**
     * SQL for "due by the ticket's clock", for a table with a {@code ticket_id} column aliased {@code alias}: the
     * parameter (the shared now) plus the ticket's offset. For a ticket without a test clock it is the parameter.
     */
    public static String virtualNowSql(String alias, String nowParameter) {
        return "(cast(" + nowParameter + " as timestamptz) + coalesce((select c.offset_ms from test_clock c where c.ticket_id = " + alias
                + ".ticket_id), 0) * interval '1 millisecond')";
    }
}
