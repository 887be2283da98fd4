package io.flowdesk.reports.flow;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.workflow.EngineBridge;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-step statistics of a template's flow (ADR 0032): waiting time (task created → first claimed, or assigned by routing or a supervisor) and
 * working time (first claimed → completed), median and p90 (linear interpolation, {@code percentile_cont}), entries,
 * rework, and the sequence flows taken (from Flowable's history). Tickets are selected by their creation date in
 * Asia/Shanghai (both ends inclusive); test tickets and cancelled steps are left out.
 */
@ApplicationScoped
public class FlowStats {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineBridge bridge;

    /** One user task of the flow. Times in seconds; null when no task has reached that point yet. */
    public record StepStats(String stepId, String nameZh, String nameEn, long count, long tickets, long rework,
            long completed, Long waitMedian, Long waitP90, Long workMedian, Long workP90, Long totalMedian) {
    }

    /** One sequence flow: how often it was taken and by how many tickets. */
    public record FlowCount(String flowId, long taken, long tickets) {
    }

    public record FlowReport(String templateKey, String nameZh, String nameEn, Integer version, List<Integer> versions,
            String bpmnXml, long tickets, List<StepStats> steps, List<FlowCount> flows, String slowestStep) {
    }

    private record Version(int version, String nameZh, String nameEn, String bpmnXml, String processDefinitionId) {
    }

    /** A template that may be reported on: its key and the names of its newest version. */
    public record TemplateName(String key, String nameZh, String nameEn) {
    }

    /** Every template with a deployed version, by key. */
    public Uni<List<TemplateName>> templates(CurrentUser user) {
        if (!mayRead(user)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("flowmap.error.forbidden")));
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("select distinct on "
                + "(template_key) template_key, name_zh, name_en from template_version where process_definition_id "
                + "is not null order by template_key, version desc", Object[].class).getResultList()))
                .map(rows -> rows.stream().map(r -> new TemplateName((String) r[0], (String) r[1], (String) r[2]))
                        .toList());
    }

    public static boolean mayRead(CurrentUser user) {
        return user.has(Role.ADMIN) || user.has(Role.SUPERVISOR);
    }

    /** The report of a template over all its versions ({@code version} null) or one; from/to null are open ends. */
    public Uni<FlowReport> report(CurrentUser user, String templateKey, LocalDate from, LocalDate to,
            Integer version) {
        if (!mayRead(user)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("flowmap.error.forbidden")));
        }
        OffsetDateTime start = (from == null ? LocalDate.of(1970, 1, 1) : from).atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime end = (to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1)).atStartOfDay(ZONE)
                .toOffsetDateTime();
        return Panache.withSession(() -> versions(templateKey).chain(versions -> {
            if (versions.isEmpty()) {
                return Uni.createFrom().failure(new NotFound(Text.of("flowmap.error.unknownTemplate", templateKey)));
            }
            Version shown = version == null
                    ? versions.stream().filter(v -> v.processDefinitionId() != null)
                            .max(Comparator.comparingInt(Version::version)).orElse(versions.get(versions.size() - 1))
                    : versions.stream().filter(v -> v.version() == version).findFirst().orElse(null);
            if (shown == null) {
                return Uni.createFrom().failure(new NotFound(Text.of("flowmap.error.unknownVersion", version,
                        templateKey)));
            }
            List<String> definitions = versions.stream()
                    .filter(v -> v.processDefinitionId() != null && (version == null || v.version() == version))
                    .map(Version::processDefinitionId).toList();
            int v = version == null ? 0 : version;
            return ticketIds(templateKey, start, end, v).chain(ids -> steps(templateKey, start, end, v)
                    .chain(steps -> bridge.call(() -> flows(definitions, ids)).map(flows -> {
                        String slowest = steps.stream().filter(s -> s.totalMedian() != null)
                                .max(Comparator.comparingLong(StepStats::totalMedian)).map(StepStats::stepId)
                                .orElse(null);
                        return new FlowReport(templateKey, shown.nameZh(), shown.nameEn(), version,
                                versions.stream().map(Version::version).toList(), shown.bpmnXml(), ids.size(), steps,
                                flows, slowest);
                    })));
        }));
    }

    private Uni<List<Version>> versions(String templateKey) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select version, name_zh, name_en, bpmn_xml, "
                + "process_definition_id from template_version where template_key = ?1 order by version",
                Object[].class).setParameter(1, templateKey).getResultList())
                .map(rows -> rows.stream().map(r -> new Version(((Number) r[0]).intValue(), (String) r[1],
                        (String) r[2], (String) r[3], (String) r[4])).toList());
    }

    private static final String TICKETS = "from ticket t join template_version v on v.id = t.template_version_id "
            + "where t.template_key = ?1 and not t.is_test and t.created_at >= ?2 and t.created_at < ?3 "
            + "and (?4 = 0 or v.version = ?4)";

    private Uni<Set<Long>> ticketIds(String templateKey, OffsetDateTime start, OffsetDateTime end, int version) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select t.id " + TICKETS, Long.class)
                .setParameter(1, templateKey).setParameter(2, start).setParameter(3, end).setParameter(4, version)
                .getResultList()).map(HashSet::new);
    }

    private static final String STEPS = """
            with x as (
              select k.task_def_key step, k.ticket_id, k.name_zh, k.name_en, k.state,
                     extract(epoch from (c.claimed_at - k.created_at)) wait_s,
                     extract(epoch from (k.completed_at - c.claimed_at)) work_s
              from ticket_task k
              join ticket t on t.id = k.ticket_id
              join template_version v on v.id = t.template_version_id
              left join lateral (select coalesce(
                  (select min(e.at) from ticket_event e where e.ticket_id = k.ticket_id and e.task_id = k.task_id
                     and e.kind in ('TASK_CLAIMED', 'TASK_ASSIGNED_AUTO', 'TASK_REASSIGNED')),
                  case when exists (select 1 from ticket_event e where e.ticket_id = k.ticket_id
                     and e.task_id = k.task_id and e.kind = 'TASK_STARTED'
                     and (e.details_json::jsonb ->> 'assignee') is not null) then k.created_at end) claimed_at) c
                on true
              where t.template_key = ?1 and not t.is_test and t.created_at >= ?2 and t.created_at < ?3
                and (?4 = 0 or v.version = ?4) and k.state <> 'CANCELLED'
            ), entries as (
              select step, ticket_id, count(*) n from x group by step, ticket_id
            )
            select x.step, max(x.name_zh), max(x.name_en), count(*), count(distinct x.ticket_id),
                   (select count(*) from entries e where e.step = x.step and e.n > 1),
                   count(*) filter (where x.state = 'COMPLETED'),
                   percentile_cont(0.5) within group (order by x.wait_s),
                   percentile_cont(0.9) within group (order by x.wait_s),
                   percentile_cont(0.5) within group (order by x.work_s),
                   percentile_cont(0.9) within group (order by x.work_s),
                   percentile_cont(0.5) within group (order by x.wait_s + x.work_s)
            from x group by x.step order by x.step
            """;

    private Uni<List<StepStats>> steps(String templateKey, OffsetDateTime start, OffsetDateTime end, int version) {
        return Panache.getSession().chain(s -> s.createNativeQuery(STEPS, Object[].class).setParameter(1, templateKey)
                .setParameter(2, start).setParameter(3, end).setParameter(4, version).getResultList())
                .map(rows -> rows.stream().map(r -> new StepStats((String) r[0], (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                        ((Number) r[6]).longValue(), seconds(r[7]), seconds(r[8]), seconds(r[9]), seconds(r[10]),
                        seconds(r[11]))).toList());
    }

    private static Long seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    private List<FlowCount> flows(List<String> definitions, Set<Long> ticketIds) {
        Map<String, Long> taken = new LinkedHashMap<>();
        Map<String, Set<Long>> tickets = new HashMap<>();
        for (String definition : definitions) {
            for (WorkflowEngine.TakenFlow flow : engine.takenFlows(definition)) {
                if (ticketIds.contains(flow.ticketId())) {
                    taken.merge(flow.flowId(), 1L, Long::sum);
                    tickets.computeIfAbsent(flow.flowId(), k -> new HashSet<>()).add(flow.ticketId());
                }
            }
        }
        List<FlowCount> result = new ArrayList<>();
        taken.forEach((id, n) -> result.add(new FlowCount(id, n, tickets.get(id).size())));
        result.sort(Comparator.comparing(FlowCount::flowId));
        return result;
    }
}
