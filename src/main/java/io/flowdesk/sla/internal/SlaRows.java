package io.flowdesk.sla.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.tickets.TicketEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sla tables and the reads sla makes of the event stream and of tiers, in the caller's session. */
public final class SlaRows {

    /** A clock as last written: what a recompute compares with. */
    public record StoredClock(String target, String taskId, int cycle, String policyKey, String calendarKey,
            long targetMinutes, Instant dueAt, String state, String labelZh, String labelEn, long used,
            Instant startedAt, Instant stoppedAt, Instant pausedSince) {

        public String id() {
            return target + ":" + taskId + ":" + cycle;
        }
    }

    private SlaRows() {
    }

    /** Every event of one ticket, in stream order. */
    public static Uni<List<TicketEvent>> history(long ticketId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, ticket_id, at, kind, actor, task_id, "
                + "details_json, internal from ticket_event where ticket_id = ?1 order by id", Object[].class)
                .setParameter(1, ticketId).getResultList())
                .map(rows -> rows.stream().map(r -> new TicketEvent(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), instant(r[2]), (String) r[3], (String) r[4], (String) r[5],
                        (String) r[6], Boolean.TRUE.equals(r[7]))).toList());
    }

    /** The customer's tier, or their organisation's when that is vip; standard without a customer account. */
    public static Uni<String> tier(Long customerUserId) {
        if (customerUserId == null) {
            return Uni.createFrom().item(Tiers.STANDARD);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("select u.tier, o.tier from app_user u left join "
                + "organisation o on o.key = u.organisation_key where u.id = ?1", Object[].class)
                .setParameter(1, customerUserId).getResultList())
                .map(rows -> rows.isEmpty() ? Tiers.STANDARD : Tiers.higher((String) rows.get(0)[0],
                        (String) rows.get(0)[1]));
    }

    public static Uni<Map<String, StoredClock>> clocks(long ticketId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select target, task_id, cycle, policy_key, "
                + "calendar_key, target_minutes, due_at, state, label_zh, label_en, used_minutes, started_at, "
                + "stopped_at, paused_since from sla_clock where ticket_id = ?1 order by started_at, target",
                Object[].class).setParameter(1, ticketId).getResultList())
                .map(rows -> {
                    Map<String, StoredClock> clocks = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        StoredClock c = new StoredClock((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                                (String) r[3], (String) r[4], ((Number) r[5]).longValue(), instant(r[6]),
                                (String) r[7], (String) r[8], (String) r[9], ((Number) r[10]).longValue(),
                                instant(r[11]), instant(r[12]), instant(r[13]));
                        clocks.put(c.id(), c);
                    }
                    return clocks;
                });
    }

    /** Replaces the ticket's clocks by the evaluated ones. */
    public static Uni<Void> replace(long ticketId, List<Evaluated> evaluated) {
        return Panache.getSession().chain(s -> {
            Uni<Integer> chain = s.createNativeQuery("delete from sla_clock where ticket_id = ?1")
                    .setParameter(1, ticketId).executeUpdate();
            for (Evaluated e : evaluated) {
                ClockTrack c = e.clock();
                chain = chain.chain(() -> s.createNativeQuery("insert into sla_clock (ticket_id, target, task_id, "
                        + "cycle, policy_key, calendar_key, label_zh, label_en, target_minutes, started_at, stopped_at, "
                        + "paused_since, paused_json, used_minutes, due_at, state, updated_at) values (?1, ?2, ?3, ?4, "
                        + "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)")
                        .setParameter(1, ticketId).setParameter(2, c.target()).setParameter(3, c.taskId())
                        .setParameter(4, c.cycle()).setParameter(5, e.policyKey()).setParameter(6, e.calendarKey())
                        .setParameter(7, c.labelZh()).setParameter(8, c.labelEn()).setParameter(9, e.targetMinutes())
                        .setParameter(10, utc(c.startedAt())).setParameter(11, utc(c.stoppedAt()))
                        .setParameter(12, utc(c.pausedSince())).setParameter(13, pausesJson(c))
                        .setParameter(14, e.used()).setParameter(15, utc(e.dueAt())).setParameter(16, e.state())
                        .setParameter(17, FlowClock.offsetNow()).executeUpdate());
            }
            return chain.replaceWithVoid();
        });
    }

    /** Writes (or corrects, after a recompute) the outcome of every stopped clock. */
    public static Uni<Void> outcomes(long ticketId, List<Evaluated> evaluated) {
        return Panache.getSession().chain(s -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Evaluated e : evaluated) {
                if (e.open()) {
                    continue;
                }
                ClockTrack c = e.clock();
                chain = chain.chain(() -> s.createNativeQuery("insert into sla_outcome (ticket_id, target, task_id, "
                        + "cycle, policy_key, met, used_minutes, target_minutes, due_at, stopped_at, recorded_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict (ticket_id, target, "
                        + "task_id, cycle) do update set policy_key = excluded.policy_key, met = excluded.met, "
                        + "used_minutes = excluded.used_minutes, target_minutes = excluded.target_minutes, "
                        + "due_at = excluded.due_at, stopped_at = excluded.stopped_at, recorded_at = "
                        + "excluded.recorded_at where (sla_outcome.met, sla_outcome.used_minutes, "
                        + "sla_outcome.target_minutes) is distinct from (excluded.met, excluded.used_minutes, "
                        + "excluded.target_minutes)")
                        .setParameter(1, ticketId).setParameter(2, c.target()).setParameter(3, c.taskId())
                        .setParameter(4, c.cycle()).setParameter(5, e.policyKey()).setParameter(6, e.met())
                        .setParameter(7, e.used()).setParameter(8, e.targetMinutes()).setParameter(9, utc(e.dueAt()))
                        .setParameter(10, utc(c.stoppedAt())).setParameter(11, FlowClock.offsetNow())
                        .executeUpdate());
            }
            return chain.replaceWithVoid();
        });
    }

    static String pausesJson(ClockTrack clock) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (ClockTrack.Pause p : clock.pauses()) {
            var node = array.addObject();
            node.put("from", p.start().toString());
            node.put("to", p.end() == null ? null : p.end().toString());
        }
        return array.toString();
    }

    static JsonNode parse(String json) {
        return Json.parse(json == null ? "{}" : json);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(Object value) {
        return io.flowdesk.shared.SqlTime.instantOrNull(value);
    }
}
