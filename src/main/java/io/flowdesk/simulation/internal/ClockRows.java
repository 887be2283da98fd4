package io.flowdesk.simulation.internal;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.SqlTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The rows of {@code test_clock} and {@code test_clock_step} (V39), in the caller's session. */
public final class ClockRows {

    private ClockRows() {
    }

    /** The test ticket a number names: id, whether it is a test ticket, its process instance. */
    public record TicketRow(long id, String number, boolean test, String processInstanceId) {
    }

    public static Uni<TicketRow> ticket(String number) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, number, is_test, process_instance_id "
                + "from ticket where number = ?1", Object[].class).setParameter(1, number).getResultList())
                .map(rows -> rows.isEmpty() ? null : new TicketRow(((Number) rows.get(0)[0]).longValue(),
                        (String) rows.get(0)[1], Boolean.TRUE.equals(rows.get(0)[2]), (String) rows.get(0)[3]));
    }

    /** One advance: the offset in force from {@code engineAt} (engine clock) on. */
    public record Step(Instant engineAt, long offsetMs) {
    }

    public static Uni<List<Step>> steps(long ticketId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select engine_at, offset_ms from test_clock_step "
                + "where ticket_id = ?1 order by engine_at, id", Object[].class).setParameter(1, ticketId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Step(SqlTime.instant(r[0]), ((Number) r[1]).longValue()))
                        .toList());
    }

    /**
     * Moves the ticket's clock to {@code offsetMs} (never backwards: two advances at once keep the larger) and records
     * the step; answers the offset now in force.
     */
    public static Uni<Long> moveTo(long ticketId, long offsetMs, Instant engineNow, String kind, String by) {
        OffsetDateTime now = FlowClock.offsetNow();
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into test_clock (ticket_id, offset_ms, "
                + "updated_at) values (?1, ?2, ?3) on conflict (ticket_id) do update set offset_ms = "
                + "greatest(test_clock.offset_ms, excluded.offset_ms), updated_at = excluded.updated_at "
                + "returning offset_ms", Long.class).setParameter(1, ticketId).setParameter(2, offsetMs)
                .setParameter(3, now).getSingleResult()
                .call(offset -> s.createNativeQuery("insert into test_clock_step (ticket_id, real_at, engine_at, "
                        + "offset_ms, kind, by_user) values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, ticketId)
                        .setParameter(2, now).setParameter(3, OffsetDateTime.ofInstant(engineNow, ZoneOffset.UTC))
                        .setParameter(4, offset).setParameter(5, kind).setParameter(6, by).executeUpdate()));
    }

    /** A pending deadline row of the ticket: its key, owner, due instant (ticket time) and payload. */
    public record PendingDeadline(String key, String owner, Instant dueAt, String payloadJson) {
    }

    /** The ticket's deadlines not fired yet, due after {@code after} (ticket time), soonest first. */
    public static Uni<List<PendingDeadline>> pendingAfter(long ticketId, Instant after) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select key, owner, due_at, payload_json from "
                + "deadline where ticket_id = ?1 and fired_at is null and due_at > ?2 order by due_at, id limit 20",
                Object[].class).setParameter(1, ticketId).setParameter(2, OffsetDateTime.ofInstant(after,
                        ZoneOffset.UTC)).getResultList())
                .map(rows -> rows.stream().map(r -> new PendingDeadline((String) r[0], (String) r[1],
                        SqlTime.instant(r[2]), (String) r[3])).toList());
    }

    /** The calendar of the ticket's open SLA clocks (null: none open). */
    public static Uni<String> openCalendar(long ticketId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select calendar_key from sla_clock where "
                + "ticket_id = ?1 and stopped_at is null and calendar_key is not null order by started_at limit 1",
                String.class).setParameter(1, ticketId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
