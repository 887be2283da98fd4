package io.flowdesk.bench;

import io.flowdesk.testing.AppProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Workload 6: the automatic assignment decision in a department of many agents. */
final class AssignBench {

    private final boolean smoke;
    private final Results results;

    AssignBench(boolean smoke, Results results) {
        this.smoke = smoke;
        this.results = results;
    }

    /**
     * One automatic assignment decision in a department of 200 agents (status, capacity, skills and open tasks
     * spread), as production makes it: the preview endpoint runs the same reads (members with availability and
     * round-robin memory, skills, weighted loads) and the same pure decision as the consumer, minus the writes.
     * Baseline: the same three reads as plain SQL over JDBC. The pure decision alone is timed in this JVM too.
     */
    void run(AppProcess app) throws Exception {
        int agents = Bench.AGENTS != null ? Bench.AGENTS : smoke ? 20 : 200;
        String department = "bench-" + agents;
        String taskId;
        try (Connection db = app.jdbc(); Statement s = db.createStatement()) {
            if (Db.scalar(db, "select count(*) from ticket_task where task_id like 'scale-%'") == 0) {
                io.flowdesk.testing.ScaleData.load(s, 1, smoke ? 500 : 5_000);
            }
            s.execute("insert into department (key, name_zh, name_en) values ('" + department + "', '压测', 'Bench') "
                    + "on conflict do nothing");
            s.execute("insert into app_user (username, password_hash, display_name, roles) select 'bench-agent-' || "
                    + "lpad(g::text, 3, '0'), (select password_hash from app_user where username = 'agent1'), "
                    + "'Bench ' || g, 'agent' from generate_series(1, " + agents + ") g on conflict do nothing");
            s.execute("insert into user_department (user_id, department_key) select id, '" + department + "' from "
                    + "app_user where username like 'bench-agent-%' on conflict do nothing");
            s.execute("insert into routing_agent (username, status, capacity) select username, case when id % 10 = 0 "
                    + "then 'offline' when id % 10 = 1 then 'away' else 'online' end, 10 from app_user where "
                    + "username like 'bench-agent-%' on conflict do nothing");
            s.execute("insert into user_skill (username, skill_key, level) select username, 'refund', 1 + id % 5 "
                    + "from app_user where username like 'bench-agent-%' on conflict do nothing");
            s.execute("insert into user_skill (username, skill_key, level) select username, 'network', 1 + id % 3 "
                    + "from app_user where username like 'bench-agent-%' on conflict do nothing");
            // open tasks spread over the agents: loads 0..12 weighted units
            s.execute("update ticket_task k set assignee = 'bench-agent-' || lpad((1 + (n.rn % " + agents
                    + "))::text, 3, '0') from (select task_id, row_number() over (order by task_id) rn from ticket_task "
                    + "where task_id like 'scale-%' and state = 'OPEN' and assignee is null order by task_id limit "
                    + agents * 6 + ") n where k.task_id = n.task_id");
            taskId = "bench-route-1";
            s.execute("insert into ticket_task (task_id, ticket_id, task_def_key, name_zh, name_en, candidate_group, "
                    + "state, priority, created_at) select '" + taskId + "', min(id), 'taskReview', '客服受理', "
                    + "'Agent review', '" + department + "', 'OPEN', 'P2', now() from ticket "
                    + "where number like 'FD-2025-%' on conflict do nothing");
            s.execute("insert into ticket_event (ticket_id, kind, task_id, summary, details_json, internal) select "
                    + "ticket_id, 'BENCH_TASK', task_id, 'bench', '{\"department\":\"" + department + "\","
                    + "\"assignment\":\"best-skill\",\"skills\":\"refund:2\",\"priority\":\"P2\"}', true "
                    + "from ticket_task where task_id = '" + taskId + "' and not exists (select 1 from ticket_event "
                    + "where task_id = '" + taskId + "')");
            // the router reads the TASK_STARTED facts; the routing consumer ignores kinds it does not know
            s.execute("update ticket_event set kind = 'TASK_STARTED' where task_id = '" + taskId + "'");
            s.execute("analyze app_user; analyze user_department; analyze routing_agent; analyze user_skill; "
                    + "analyze ticket_task");
        }
        int runs = smoke ? 20 : 500;
        String path = "/api/tasks/" + taskId + "/assignment-preview";
        String answer = Bench.get(app, "admin", path).body();
        if (!answer.contains("\"chosen\":\"bench-agent-")) {
            throw new IllegalStateException("the preview chose nobody: " + answer);
        }
        Load.Outcome api = Load.repeat(runs / 10, runs, (c, i) -> Bench.get(app, "admin", path).statusCode() == 200);
        Load.Outcome sql;
        try (Connection db = app.jdbc();
                PreparedStatement members = db.prepareStatement("select u.username, u.display_name, u.roles, "
                        + "a.status, a.changed_at, a.capacity, a.calendar_key, l.at from app_user u join user_department "
                        + "d on d.user_id = u.id and d.department_key = ? left join routing_agent a on a.username = "
                        + "u.username left join routing_last_assigned l on l.username = u.username and l.department = ? "
                        + "where u.enabled = true order by u.username");
                PreparedStatement skills = db.prepareStatement(SKILLS_SQL);
                PreparedStatement loads = db.prepareStatement(LOADS_SQL)) {
            sql = Load.repeat(runs / 10, runs, (c, i) -> {
                int n = 0;
                members.setString(1, department);
                members.setString(2, department);
                skills.setString(1, department);
                loads.setString(1, department);
                for (PreparedStatement q : List.of(members, skills, loads)) {
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            n++;
                        }
                    }
                }
                return n > agents;
            });
        }
        Load.Outcome decision = inProcessDecision(app, department, agents, runs);
        results.add(new Results.Row("assignment decision in-process, " + agents + " agents", "ms p95",
                decision.p95(), "goal", 5.0, decision.p50(), decision.p95(), decision.p99(),
                "what RoutingService does per task: members, skills and loads (3 reads over JDBC) + Router.decide; "
                        + "HTTP preview p95 " + Results.ms(api.p95())));
        results.add(new Results.Row("assignment decision, " + agents + " agents in a department", "ms p95", api.p95(),
                "plain SQL, the same reads", sql.p95(), api.p50(), api.p95(), api.p99(),
                "goal p95 < 5 ms; over Bench.HTTP (preview = the consumer's reads + decision, no writes); SQL p50 "
                        + Results.ms(sql.p50())));
        // the pure core alone, on a team of the same shape
        List<io.flowdesk.routing.Agent> team = new java.util.ArrayList<>();
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= agents; i++) {
            team.add(new io.flowdesk.routing.Agent("bench-agent-" + i, "Bench " + i, i % 10 == 0
                    ? io.flowdesk.routing.Availability.OFFLINE : io.flowdesk.routing.Availability.ONLINE,
                    Map.of("refund", 1 + i % 5, "network", 1 + i % 3), i % 13, 10, true, t0.plusSeconds(i * 7L % 97)));
        }
        io.flowdesk.routing.RoutingTask task = new io.flowdesk.routing.RoutingTask("t", 1, department,
                io.flowdesk.routing.Strategy.BEST_SKILL, Map.of("refund", 2), "P2", null);
        Load.Outcome core = Load.repeat(smoke ? 100 : 20_000, smoke ? 100 : 20_000,
                (c, i) -> io.flowdesk.routing.Router.decide(task, team).chosen() != null);
        results.add(new Results.Row("Router.decide alone, " + agents + " agents (in-process)", "ms p95", core.p95(),
                "-", 0, core.p50(), core.p95(), core.p99(), "the pure filters and chooser, no I/O"));
    }

    /** The department's skills and weighted open loads, as RoutingStore reads them. */
    private static final String SKILLS_SQL = "select k.username, k.skill_key, k.level from user_skill k join app_user "
            + "u on u.username = k.username join user_department d on d.user_id = u.id and d.department_key = ?";
    private static final String LOADS_SQL = "select k.assignee, sum(case k.priority when 'P1' then 4 when 'P2' then "
            + "2 else 1 end) from ticket_task k where k.state = 'OPEN' and k.assignee in (select u.username from "
            + "app_user u join user_department d on d.user_id = u.id and d.department_key = ?) group by k.assignee";

    /**
     * One decision as {@code RoutingService.decide} makes it, in this JVM: the department's members with availability
     * and round-robin memory, their skills and their weighted loads (the same three statements as RoutingStore),
     * turned into agents, then {@code Router.decide} (best-skill, refund ≥ 2).
     */
    private static Load.Outcome inProcessDecision(AppProcess app, String department, int agents, int runs)
            throws Exception {
        io.flowdesk.routing.RoutingTask task = new io.flowdesk.routing.RoutingTask("t", 1, department,
                io.flowdesk.routing.Strategy.BEST_SKILL, Map.of("refund", 2), "P2", null);
        try (Connection db = app.jdbc();
                PreparedStatement members = db.prepareStatement("select u.username, u.display_name, a.status, "
                        + "a.capacity, l.at from app_user u join user_department d on d.user_id = u.id and "
                        + "d.department_key = ? left join routing_agent a on a.username = u.username left join "
                        + "routing_last_assigned l on l.username = u.username and l.department = ? where u.enabled = "
                        + "true order by u.username");
                PreparedStatement skills = db.prepareStatement(SKILLS_SQL);
                PreparedStatement loads = db.prepareStatement(LOADS_SQL)) {
            return Load.repeat(runs / 10, runs, (c, i) -> {
                members.setString(1, department);
                members.setString(2, department);
                skills.setString(1, department);
                loads.setString(1, department);
                Map<String, Map<String, Integer>> skillMap = new HashMap<>();
                try (ResultSet rs = skills.executeQuery()) {
                    while (rs.next()) {
                        skillMap.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                rs.getInt(3));
                    }
                }
                Map<String, Integer> loadMap = new HashMap<>();
                try (ResultSet rs = loads.executeQuery()) {
                    while (rs.next()) {
                        loadMap.put(rs.getString(1), rs.getInt(2));
                    }
                }
                List<io.flowdesk.routing.Agent> team = new ArrayList<>(agents);
                try (ResultSet rs = members.executeQuery()) {
                    while (rs.next()) {
                        String user = rs.getString(1);
                        java.sql.Timestamp last = rs.getTimestamp(5);
                        team.add(new io.flowdesk.routing.Agent(user, rs.getString(2),
                                io.flowdesk.routing.Availability.of(rs.getString(3)), skillMap.getOrDefault(user,
                                        Map.of()), loadMap.getOrDefault(user, 0), rs.getObject(4) == null ? 10
                                                : rs.getInt(4), true, last == null ? null : last.toInstant()));
                    }
                }
                return io.flowdesk.routing.Router.decide(task, team).chosen() != null;
            });
        }
    }
}
