package io.flowdesk.routing.internal;

import io.flowdesk.routing.Availability;
import io.flowdesk.routing.Load;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routing's reads and writes, as plain SQL in the caller's session (so they join an event consumer's transaction).
 * It reads identity's and tickets' tables for membership, load and customers; it writes only routing's own tables.
 */
@ApplicationScoped
public class RoutingStore {

    /** A member of a department with their routing settings. */
    public record MemberRow(String username, String displayName, String roles, Availability status,
            Instant changedAt, int capacity, String calendarKey, Instant lastAssignedAt) {
    }

    public record WaitingRow(String taskId, long ticketId, String department, String strategy, String skills,
            String priority) {
    }

    public record SkillRow(String username, String key, int level) {
    }

    public Uni<List<MemberRow>> members(String department) {
        return session(s -> s.createNativeQuery("select u.username, u.display_name, u.roles, a.status, a.changed_at, "
                + "a.capacity, a.calendar_key, l.at from app_user u "
                + "join user_department d on d.user_id = u.id and d.department_key = ?1 "
                + "left join routing_agent a on a.username = u.username "
                + "left join routing_last_assigned l on l.username = u.username and l.department = ?1 "
                + "where u.enabled = true order by u.username", Object[].class)
                .setParameter(1, department).getResultList())
                .map(rows -> rows.stream().map(RoutingStore::member).toList());
    }

    public Uni<MemberRow> member(String username) {
        return session(s -> s.createNativeQuery("select u.username, u.display_name, u.roles, a.status, a.changed_at, "
                + "a.capacity, a.calendar_key, null from app_user u left join routing_agent a on a.username = u.username "
                + "where u.username = ?1 and u.enabled = true", Object[].class)
                .setParameter(1, username).getResultList())
                .map(rows -> rows.isEmpty() ? null : member(rows.get(0)));
    }

    private static MemberRow member(Object[] r) {
        return new MemberRow((String) r[0], (String) r[1], (String) r[2], Availability.of((String) r[3]),
                instant(r[4]), r[5] == null ? Load.DEFAULT_CAPACITY : ((Number) r[5]).intValue(), (String) r[6],
                instant(r[7]));
    }

    /** Skills of a department's members (user -> skill -> level). */
    public Uni<Map<String, Map<String, Integer>>> skillsOfDepartment(String department) {
        return session(s -> s.createNativeQuery("select k.username, k.skill_key, k.level from user_skill k "
                + "join app_user u on u.username = k.username "
                + "join user_department d on d.user_id = u.id and d.department_key = ?1", Object[].class)
                .setParameter(1, department).getResultList()).map(RoutingStore::skillMap);
    }

    public Uni<Map<String, Map<String, Integer>>> skillsOf(List<String> usernames) {
        if (usernames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session(s -> s.createNativeQuery("select username, skill_key, level from user_skill "
                + "where username = any(?1)", Object[].class)
                .setParameter(1, usernames.toArray(String[]::new)).getResultList()).map(RoutingStore::skillMap);
    }

    private static Map<String, Map<String, Integer>> skillMap(List<Object[]> rows) {
        Map<String, Map<String, Integer>> skills = new HashMap<>();
        for (Object[] r : rows) {
            skills.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((String) r[1],
                    ((Number) r[2]).intValue());
        }
        return skills;
    }

    /** Weighted open tasks of a department's members (only those with any). */
    public Uni<Map<String, Integer>> loadsOfDepartment(String department) {
        return session(s -> s.createNativeQuery("select k.assignee, sum(" + Load.SQL_WEIGHT.replace("priority",
                "k.priority") + ") from ticket_task k where k.state = 'OPEN' and k.assignee in ("
                + "select u.username from app_user u join user_department d on d.user_id = u.id "
                + "and d.department_key = ?1) group by k.assignee", Object[].class)
                .setParameter(1, department).getResultList()).map(RoutingStore::loadMap);
    }

    public Uni<Map<String, Integer>> loadsOf(List<String> usernames) {
        if (usernames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session(s -> s.createNativeQuery("select assignee, sum(" + Load.SQL_WEIGHT + ") from ticket_task "
                + "where state = 'OPEN' and assignee = any(?1) group by assignee", Object[].class)
                .setParameter(1, usernames.toArray(String[]::new)).getResultList()).map(RoutingStore::loadMap);
    }

    private static Map<String, Integer> loadMap(List<Object[]> rows) {
        Map<String, Integer> loads = new HashMap<>();
        for (Object[] r : rows) {
            loads.put((String) r[0], ((Number) r[1]).intValue());
        }
        return loads;
    }

    /**
     * The agent who last worked on a task of this ticket's customer (same customer account, else same e-mail), on
     * this or an earlier ticket, other than this task; null when there is none.
     */
    public Uni<String> lastServer(long ticketId, String taskId) {
        return session(s -> s.createNativeQuery("select coalesce(k.completed_by, k.assignee) from ticket_task k "
                + "join ticket t on t.id = k.ticket_id join ticket me on me.id = ?1 "
                + "where k.task_id <> ?2 and coalesce(k.completed_by, k.assignee) is not null "
                + "and (t.customer_user_id = me.customer_user_id or (me.customer_user_id is null "
                + "and t.customer_email is not null and lower(t.customer_email) = lower(me.customer_email))) "
                + "order by coalesce(k.completed_at, k.created_at) desc, k.task_id desc limit 1", String.class)
                .setParameter(1, ticketId).setParameter(2, taskId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The TASK_STARTED details of a task (department, assignment, skills, priority), or null. */
    public Uni<String> startedDetails(String taskId) {
        return session(s -> s.createNativeQuery("select details_json from ticket_event where task_id = ?1 "
                + "and kind = 'TASK_STARTED' order by id desc limit 1", String.class)
                .setParameter(1, taskId).getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** An open task: ticket id, department, assignee, priority; null when closed or unknown. */
    public Uni<Object[]> openTask(String taskId) {
        return session(s -> s.createNativeQuery("select ticket_id, candidate_group, assignee, priority from ticket_task "
                + "where task_id = ?1 and state = 'OPEN'", Object[].class).setParameter(1, taskId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Any task: ticket id, department, assignee, completed_by, state; null when unknown. */
    public Uni<Object[]> task(String taskId) {
        return session(s -> s.createNativeQuery("select ticket_id, candidate_group, assignee, completed_by, state "
                + "from ticket_task where task_id = ?1", Object[].class).setParameter(1, taskId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** One transaction at a time decides and assigns (consumer, hand-out, availability changes on any node). */
    public Uni<Void> lock() {
        return session(s -> s.createNativeQuery("select pg_advisory_xact_lock(2110016)").getResultList())
                .replaceWithVoid();
    }

    public Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }

    /**
     * Remembers an automatic assignment for round robin. The instant is strictly after every other of the
     * department ({@link io.flowdesk.routing.Router#stamp}), so assignments within one clock tick still rotate.
     */
    public Uni<Void> touchLastAssigned(String username, String department, Instant at) {
        return session(s -> s.createNativeQuery("insert into routing_last_assigned (username, department, at) "
                + "values (?1, ?2, greatest(?3, (select max(at) + interval '1 microsecond' from "
                + "routing_last_assigned where department = ?2))) "
                + "on conflict (username, department) do update set at = excluded.at")
                .setParameter(1, username).setParameter(2, department).setParameter(3, odt(at)).executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> saveDecision(String taskId, long ticketId, String department, String strategy, String chosen,
            String candidatesJson, String excludedJson, Instant at) {
        return session(s -> s.createNativeQuery("insert into routing_decision (task_id, ticket_id, department, "
                + "strategy, chosen, candidates_json, excluded_json, at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, taskId).setParameter(2, ticketId).setParameter(3, department)
                .setParameter(4, strategy).setParameter(5, chosen).setParameter(6, candidatesJson)
                .setParameter(7, excludedJson).setParameter(8, odt(at)).executeUpdate()).replaceWithVoid();
    }

    /** Flags a waiting task; true when it was not flagged before. */
    public Uni<Boolean> flagWaiting(String taskId, long ticketId, String department, String strategy, String skills,
            Instant at) {
        return session(s -> s.createNativeQuery("insert into routing_waiting (task_id, ticket_id, department, strategy, "
                + "skills, flagged_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, taskId).setParameter(2, ticketId).setParameter(3, department)
                .setParameter(4, strategy).setParameter(5, skills).setParameter(6, odt(at)).executeUpdate())
                .map(n -> n > 0);
    }

    public Uni<Void> unflag(String taskId) {
        return session(s -> s.createNativeQuery("delete from routing_waiting where task_id = ?1")
                .setParameter(1, taskId).executeUpdate()).replaceWithVoid();
    }

    /** Forgets flags of tasks that are closed or were taken by hand meanwhile. */
    public Uni<Void> pruneWaiting() {
        return session(s -> s.createNativeQuery("delete from routing_waiting w where not exists (select 1 from "
                + "ticket_task k where k.task_id = w.task_id and k.state = 'OPEN' and k.assignee is null "
                + "and k.candidate_group = w.department)").executeUpdate()).replaceWithVoid();
    }

    public Uni<Boolean> isWaiting(String taskId) {
        return session(s -> s.createNativeQuery("select count(*) from routing_waiting where task_id = ?1", Long.class)
                .setParameter(1, taskId).getSingleResult()).map(n -> n > 0);
    }

    /** Waiting tasks of these departments (all when null) in hand-out order: priority, deadline, age. */
    public Uni<List<WaitingRow>> waiting(List<String> departments, int limit) {
        String where = departments == null ? "" : "and w.department = any(?1) ";
        return session(s -> {
            var q = s.createNativeQuery("select w.task_id, w.ticket_id, w.department, w.strategy, w.skills, k.priority "
                    + "from routing_waiting w join ticket_task k on k.task_id = w.task_id "
                    + "join ticket t on t.id = w.ticket_id where k.state = 'OPEN' and k.assignee is null " + where
                    + "order by k.priority, t.sla_due_at nulls last, k.created_at, w.task_id limit " + limit,
                    Object[].class);
            if (departments != null) {
                q.setParameter(1, departments.toArray(String[]::new));
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(r -> new WaitingRow((String) r[0], ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5])).toList());
    }

    public Uni<List<String>> departmentsOf(String username) {
        return session(s -> s.createNativeQuery("select d.department_key from user_department d join app_user u "
                + "on u.id = d.user_id where u.username = ?1 order by 1", String.class)
                .setParameter(1, username).getResultList());
    }

    /** Supervisors of a department: members with the supervisor role, else every supervisor. */
    public Uni<List<String>> supervisors(String department) {
        return session(s -> s.createNativeQuery("select u.username, exists (select 1 from user_department d "
                + "where d.user_id = u.id and d.department_key = ?1) from app_user u where u.enabled = true "
                + "and (',' || replace(u.roles, ' ', '') || ',') like '%,supervisor,%' order by u.username",
                Object[].class).setParameter(1, department).getResultList())
                .map(rows -> {
                    List<String> members = rows.stream().filter(r -> Boolean.TRUE.equals(r[1]))
                            .map(r -> (String) r[0]).toList();
                    return members.isEmpty() ? rows.stream().map(r -> (String) r[0]).toList() : members;
                });
    }

    public Uni<Void> setStatus(String username, Availability status, Instant at) {
        return session(s -> s.createNativeQuery("insert into routing_agent (username, status, changed_at) "
                + "values (?1, ?2, ?3) on conflict (username) do update set status = excluded.status, "
                + "changed_at = excluded.changed_at")
                .setParameter(1, username).setParameter(2, status.id()).setParameter(3, odt(at)).executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> setCapacity(String username, int capacity, String calendarKey, Instant at) {
        return session(s -> s.createNativeQuery("insert into routing_agent (username, capacity, calendar_key, "
                + "changed_at) values (?1, ?2, ?3, ?4) on conflict (username) do update set "
                + "capacity = excluded.capacity, calendar_key = excluded.calendar_key")
                .setParameter(1, username).setParameter(2, capacity).setParameter(3, calendarKey)
                .setParameter(4, odt(at)).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> replaceSkills(String username, Map<String, Integer> skills) {
        Uni<Void> chain = session(s -> s.createNativeQuery("delete from user_skill where username = ?1")
                .setParameter(1, username).executeUpdate()).replaceWithVoid();
        for (Map.Entry<String, Integer> skill : skills.entrySet()) {
            chain = chain.chain(() -> session(s -> s.createNativeQuery("insert into user_skill (username, skill_key, "
                    + "level) values (?1, ?2, ?3)").setParameter(1, username).setParameter(2, skill.getKey())
                    .setParameter(3, skill.getValue()).executeUpdate()).replaceWithVoid());
        }
        return chain;
    }

    /** The skills catalogue: key -> {zh, en}, in key order. */
    public Uni<Map<String, String[]>> catalogue() {
        return session(s -> s.createNativeQuery("select key, name_zh, name_en from skill order by key", Object[].class)
                .getResultList()).map(rows -> {
                    Map<String, String[]> names = new LinkedHashMap<>();
                    rows.forEach(r -> names.put((String) r[0], new String[] {(String) r[1], (String) r[2]}));
                    return names;
                });
    }

    public Uni<Void> ensureSkill(String key, String zh, String en) {
        return session(s -> s.createNativeQuery("insert into skill (key, name_zh, name_en) values (?1, ?2, ?3) "
                + "on conflict do nothing").setParameter(1, key).setParameter(2, zh).setParameter(3, en)
                .executeUpdate()).replaceWithVoid();
    }

    /** Seeds an agent (demo): online with a status only if they have no row yet; skills only if they have none. */
    public Uni<Void> seedAgent(String username, Map<String, Integer> skills, Instant at) {
        return session(s -> s.createNativeQuery("insert into routing_agent (username, status, changed_at) "
                + "select ?1, 'online', ?2 where exists (select 1 from app_user where username = ?1) "
                + "on conflict do nothing").setParameter(1, username).setParameter(2, odt(at)).executeUpdate())
                .chain(() -> session(s -> s.createNativeQuery("select count(*) from user_skill where username = ?1",
                        Long.class).setParameter(1, username).getSingleResult()))
                .chain(count -> count > 0 ? Uni.createFrom().voidItem()
                        : session(s -> s.createNativeQuery("select count(*) from app_user where username = ?1",
                                Long.class).setParameter(1, username).getSingleResult())
                                .chain(exists -> exists == 0 ? Uni.createFrom().voidItem()
                                        : replaceSkills(username, skills)));
    }

    /** The last decision of a task: strategy, chosen, candidates JSON, excluded JSON; null when none. */
    public Uni<Object[]> lastDecision(String taskId) {
        return session(s -> s.createNativeQuery("select strategy, chosen, candidates_json, excluded_json from "
                + "routing_decision where task_id = ?1 order by id desc limit 1", Object[].class)
                .setParameter(1, taskId).getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private static <T> Uni<T> session(java.util.function.Function<org.hibernate.reactive.mutiny.Mutiny.Session,
            Uni<T>> work) {
        return Panache.getSession().chain(s -> work.apply(s));
    }

    static OffsetDateTime odt(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        return io.flowdesk.shared.SqlTime.instantOrNull(value);
    }

    public static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
