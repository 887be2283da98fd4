package io.flowdesk.automation.internal;

import io.flowdesk.automation.Rule;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The automation tables, and the reads automation makes of the event stream, in the caller's session. */
public final class RuleRows {

    private static final String COLUMNS = "key, name_zh, name_en, trigger_json, conditions_json, actions_json, "
            + "position, enabled";

    private RuleRows() {
    }

    public static Uni<List<Rule>> all(boolean enabledOnly) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS + " from automation_rule"
                + (enabledOnly ? " where enabled" : "") + " order by position, key", Object[].class)
                .getResultList()).map(rows -> rows.stream().map(RuleRows::rule).toList());
    }

    public static Uni<Rule> get(String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS
                + " from automation_rule where key = ?1", Object[].class).setParameter(1, key).getResultList())
                .map(rows -> rows.isEmpty() ? null : rule(rows.get(0)));
    }

    public static Uni<Void> upsert(Rule r, String by) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into automation_rule (" + COLUMNS
                + ", updated_at, updated_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (key) do "
                + "update set name_zh = excluded.name_zh, name_en = excluded.name_en, trigger_json = "
                + "excluded.trigger_json, conditions_json = excluded.conditions_json, actions_json = "
                + "excluded.actions_json, position = excluded.position, enabled = excluded.enabled, updated_at = "
                + "excluded.updated_at, updated_by = excluded.updated_by")
                .setParameter(1, r.key()).setParameter(2, r.nameZh()).setParameter(3, r.nameEn())
                .setParameter(4, Json.write(r.trigger())).setParameter(5, Json.write(r.conditions()))
                .setParameter(6, Json.write(r.actions())).setParameter(7, r.position() == null ? 0 : r.position())
                .setParameter(8, r.on()).setParameter(9, FlowClock.offsetNow()).setParameter(10, by)
                .executeUpdate()).replaceWithVoid();
    }

    public static Uni<Integer> delete(String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from automation_rule where key = ?1")
                .setParameter(1, key).executeUpdate());
    }

    public static Uni<Integer> nextPosition() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select coalesce(max(position), 0) + 10 from "
                + "automation_rule", Integer.class).getSingleResult());
    }

    /** Claims the (rule, ticket, event) firing; false when it fired already. */
    public static Uni<Boolean> claim(String rule, long ticketId, long eventId, int depth) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into automation_firing (rule_key, ticket_id, "
                + "event_id, depth, fired_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, rule).setParameter(2, ticketId).setParameter(3, eventId).setParameter(4, depth)
                .setParameter(5, FlowClock.offsetNow()).executeUpdate()).map(n -> n > 0);
    }

    public static Uni<Void> trace(long ticketId, long eventId, String kind, String rule, String outcome, String failed) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into automation_trace (ticket_id, event_id, "
                + "event_kind, rule_key, outcome, failed, at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, ticketId).setParameter(2, eventId).setParameter(3, kind).setParameter(4, rule)
                .setParameter(5, outcome).setParameter(6, failed).setParameter(7, FlowClock.offsetNow())
                .executeUpdate()).replaceWithVoid();
    }

    public record TraceRow(long eventId, String eventKind, String rule, String outcome, String failed, Instant at) {
    }

    public static Uni<List<TraceRow>> traces(long ticketId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select event_id, event_kind, rule_key, outcome, "
                + "failed, at from automation_trace where ticket_id = ?1 order by id", Object[].class)
                .setParameter(1, ticketId).getResultList()).map(rows -> rows.stream().map(r -> new TraceRow(
                        ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        ((OffsetDateTime) r[5]).toInstant())).toList());
    }

    /** Whether the event is the ticket's first {@code TASK_STARTED}. */
    public static Uni<Boolean> firstTask(long ticketId, long eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from ticket_event where ticket_id "
                + "= ?1 and kind = 'TASK_STARTED' and id < ?2", Long.class).setParameter(1, ticketId)
                .setParameter(2, eventId).getSingleResult()).map(n -> n == 0);
    }

    /** The BPMN step key of a task, from its TASK_STARTED entry. */
    public static Uni<String> stepKey(String taskId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select details_json::jsonb ->> 'taskDefKey' from "
                + "ticket_event where task_id = ?1 and kind = 'TASK_STARTED' order by id limit 1", String.class)
                .setParameter(1, taskId).getResultList()).map(r -> r.isEmpty() ? "" : r.get(0));
    }

    /** The first public reply by staff (or partner), or null. */
    public static Uni<Instant> firstResponse(long ticketId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select min(at) from ticket_event where ticket_id = "
                + "?1 and kind = 'REPLY' and coalesce(details_json::jsonb ->> 'authorKind', 'staff') in ('staff', "
                + "'partner')", OffsetDateTime.class).setParameter(1, ticketId).getSingleResult())
                .map(at -> at == null ? null : at.toInstant());
    }

    /** The customer's tier, or their organisation's when that is vip; standard without a customer account. */
    public static Uni<String> tier(Long customerUserId) {
        if (customerUserId == null) {
            return Uni.createFrom().item("standard");
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("select case when o.tier = 'vip' then o.tier else u.tier end from "
                + "app_user u left join organisation o on o.key = u.organisation_key where u.id = ?1", String.class)
                .setParameter(1, customerUserId).getResultList()).map(r -> r.isEmpty() ? "standard" : r.get(0));
    }

    /** The latest ticket ids, newest first (the dry run). */
    public static Uni<List<Long>> latestTickets(int n) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id from ticket order by id desc limit ?1",
                Long.class).setParameter(1, n).getResultList());
    }

    public static Uni<Long> ticketId(String number) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id from ticket where number = ?1",
                Long.class).setParameter(1, number).getResultList()).map(r -> r.isEmpty() ? null : r.get(0));
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored rule is not JSON", e);
        }
    }

    private static Rule rule(Object[] r) {
        return new Rule((String) r[0], (String) r[1], (String) r[2], read((String) r[3], Rule.Trigger.class),
                read((String) r[4], Rule.Conditions.class), List.of(read((String) r[5],
                        Rule.Action[].class)), ((Number) r[6]).intValue(), (Boolean) r[7]);
    }
}
