package io.flowdesk.reports.board;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.reports.ReportService;
import io.flowdesk.routing.RoutingService;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live wall board (ADR 0036): the current state of the open tickets and of the agents, read when asked (a live
 * board wants now, not a rollup of the past). Supervisors and admins only; a department narrows it to the tickets
 * with an open step in that department and to its members.
 */
@ApplicationScoped
public class BoardService {

    static final String OPEN_TICKET = "t.engine_state <> 'ENDED' and not t.is_test";

    @Inject
    IdentityService identity;

    @Inject
    RoutingService routing;

    /** Who may read a board: supervisors and admins, as every report. */
    public static boolean mayRead(CurrentUser user) {
        return user.has(io.flowdesk.identity.Role.SUPERVISOR) || user.has(io.flowdesk.identity.Role.ADMIN);
    }

    /** The departments a board may show, in key order. */
    public Uni<List<Department>> departments(CurrentUser user) {
        ReportService.check(user);
        return Panache.withSession(() -> identity.departments()).map(all -> all.stream()
                .sorted(Comparator.comparing(Department::key)).toList());
    }

    public Uni<WallBoard> board(CurrentUser user, String department, Locale locale) {
        ReportService.check(user);
        String dep = department == null || department.isBlank() ? null : department.strip();
        return departments(user).chain(all -> {
            Department chosen = dep == null ? null : all.stream().filter(d -> d.key().equals(dep)).findFirst()
                    .orElseThrow(() -> InvalidInput.of("query:department", Text.of("reports.board.error.department",
                            Text.of("reports.board.department"), dep), "enum"));
            List<String> keys = chosen == null ? all.stream().map(Department::key).toList() : List.of(dep);
            Instant at = FlowClock.instant();
            return members(user, keys).chain(members -> Panache.withSession(() -> counts(dep)
                    .chain(counts -> perAgent(dep).map(open -> assemble(chosen, locale, at, counts, members,
                            open)))));
        });
    }

    private Uni<Map<String, RoutingService.BoardRow>> members(CurrentUser user, List<String> keys) {
        Map<String, RoutingService.BoardRow> out = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String key : keys) {
            chain = chain.chain(() -> routing.board(user, key).invoke(rows -> rows.forEach(r -> out.putIfAbsent(
                    r.username(), r))).replaceWithVoid());
        }
        return chain.replaceWith(out);
    }

    private static Uni<long[]> counts(String department) {
        String inDepartment = department == null ? "" : " and k.candidate_group = ?1";
        String scope = department == null ? "" : " and exists (select 1 from ticket_task k where k.ticket_id = t.id "
                + "and k.state = 'OPEN'" + inDepartment + ")";
        String sql = "select count(*), count(*) filter (where exists (select 1 from ticket_task k where k.ticket_id "
                + "= t.id and k.state = 'OPEN' and k.assignee is null" + inDepartment + ")), count(*) filter (where "
                + "t.sla_state = 'AT_RISK'), count(*) filter (where t.sla_state = 'BREACHED') from ticket t where "
                + OPEN_TICKET + scope;
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class);
            if (department != null) {
                query.setParameter(1, department);
            }
            return query.getSingleResult();
        }).map(r -> new long[] {n(r[0]), n(r[1]), n(r[2]), n(r[3])});
    }

    /** Per assignee: distinct open tickets with an open step they have (in the department), at risk, breached. */
    private static Uni<Map<String, long[]>> perAgent(String department) {
        String sql = "select k.assignee, count(distinct t.id), count(distinct t.id) filter (where t.sla_state = "
                + "'AT_RISK'), count(distinct t.id) filter (where t.sla_state = 'BREACHED') from ticket_task k join "
                + "ticket t on t.id = k.ticket_id where k.state = 'OPEN' and k.assignee is not null and " + OPEN_TICKET
                + (department == null ? "" : " and k.candidate_group = ?1") + " group by k.assignee";
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class);
            if (department != null) {
                query.setParameter(1, department);
            }
            return query.getResultList();
        }).map(rows -> {
            Map<String, long[]> out = new HashMap<>();
            rows.forEach(r -> out.put((String) r[0], new long[] {n(r[1]), n(r[2]), n(r[3])}));
            return out;
        });
    }

    private static WallBoard assemble(Department chosen, Locale locale, Instant at, long[] counts,
            Map<String, RoutingService.BoardRow> members, Map<String, long[]> open) {
        List<WallBoard.AgentLine> lines = new ArrayList<>();
        long online = 0;
        for (RoutingService.BoardRow m : members.values()) {
            long[] o = open.getOrDefault(m.username(), new long[3]);
            boolean isOnline = "online".equals(m.status());
            online += isOnline ? 1 : 0;
            if (isOnline || o[0] > 0) {
                lines.add(new WallBoard.AgentLine(m.username(), m.displayName(), m.status(), o[0], o[1], o[2]));
            }
        }
        lines.sort(Comparator.comparingLong(WallBoard.AgentLine::open).reversed()
                .thenComparing(WallBoard.AgentLine::username));
        String name = chosen == null ? null : chosen.name(locale.toLanguageTag());
        return new WallBoard(chosen == null ? null : chosen.key(), name, at, counts[0], counts[1], counts[2],
                counts[3], online, members.size(), List.copyOf(lines));
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
