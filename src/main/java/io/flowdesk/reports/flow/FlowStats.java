package io.flowdesk.reports.flow;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Per-step statistics of a template's flow (ADR 0032): waiting time (task created → first claimed, or assigned by routing or a supervisor) and
 * working time (first claimed → completed), median and p90 (linear interpolation, {@code percentile_cont}), entries,
 * rework, and the sequence flows taken (from Flowable's history). Tickets are selected by their creation date in
 * Asia/Shanghai (both ends inclusive); test tickets and cancelled steps are left out.
 */
@ApplicationScoped
public class FlowStats {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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

        /** The name in the reader's language (Chinese for zh, English otherwise). */
        public String name(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
        }
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

    /** One ticket behind a step (the drill-down): its entries into the step and the seconds spent there in all. */
    public record StepTicket(String number, String title, long entries, Long waitSeconds, Long workSeconds,
            Long totalSeconds) {
    }

    /** At most this many tickets are listed behind a step, the slowest first. */
    public static final int STEP_TICKETS_LIMIT = 200;

    /** The tickets behind a step ({@code ?1..?4}: {@link #SELECTED}, {@code ?5}: the step), the slowest first. */
    static final String STEP_TICKETS = "select t.number, t.title, count(*), sum(r.wait_seconds), sum(r.work_seconds), "
            + "sum(coalesce(r.wait_seconds, 0) + coalesce(r.work_seconds, 0)) from (select * from report_step where "
            + "template_key = ?1 and ticket_created_at >= ?2 and ticket_created_at < ?3 and (?4 = 0 or version = ?4) "
            + "and step_id = ?5) r join ticket t on t.id = r.ticket_id group by t.number, t.title order by 6 desc, "
            + "t.number";

    /** The tickets behind one step of the report of the same selection, the slowest first. */
    public Uni<List<StepTicket>> stepTickets(CurrentUser user, String templateKey, String stepId, LocalDate from,
            LocalDate to, Integer version) {
        if (!mayRead(user)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("flowmap.error.forbidden")));
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(STEP_TICKETS
                + " limit " + STEP_TICKETS_LIMIT, Object[].class).setParameter(1, templateKey)
                .setParameter(2, start(from)).setParameter(3, end(to)).setParameter(4, version == null ? 0 : version)
                .setParameter(5, stepId).getResultList()))
                .map(rows -> rows.stream().map(r -> new StepTicket((String) r[0], (String) r[1],
                        ((Number) r[2]).longValue(), seconds(r[3]), seconds(r[4]), seconds(r[5]))).toList());
    }

    static OffsetDateTime start(LocalDate from) {
        return (from == null ? LocalDate.of(1970, 1, 1) : from).atStartOfDay(ZONE).toOffsetDateTime();
    }

    static OffsetDateTime end(LocalDate to) {
        return (to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1)).atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The report of a template over all its versions ({@code version} null) or one; from/to null are open ends. */
    public Uni<FlowReport> report(CurrentUser user, String templateKey, LocalDate from, LocalDate to,
            Integer version) {
        if (!mayRead(user)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("flowmap.error.forbidden")));
        }
        OffsetDateTime start = start(from);
        OffsetDateTime end = end(to);
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
            return tickets(templateKey, start, end, v).chain(tickets -> steps(templateKey, start, end, v)
                    .chain(steps -> flows(templateKey, start, end, v).map(flows -> {
                        String slowest = steps.stream().filter(st -> st.totalMedian() != null)
                                .max(Comparator.comparingLong(StepStats::totalMedian)).map(StepStats::stepId)
                                .orElse(null);
                        return new FlowReport(templateKey, shown.nameZh(), shown.nameEn(), version,
                                versions.stream().map(Version::version).toList(), shown.bpmnXml(), tickets, steps,
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

    private Uni<Long> tickets(String templateKey, OffsetDateTime start, OffsetDateTime end, int version) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) " + TICKETS, Long.class)
                .setParameter(1, templateKey).setParameter(2, start).setParameter(3, end).setParameter(4, version)
                .getSingleResult());
    }

    /** The selection of the rollups ({@code report_step}, {@code report_flow}, kept by StepConsumer). */
    static final String SELECTED = "template_key = ?1 and ticket_created_at >= ?2 and ticket_created_at < ?3 "
            + "and (?4 = 0 or version = ?4)";

    private static final String STEPS = """
            with x as (select * from report_step where %s),
            entries as (select step_id, ticket_id, count(*) n from x group by step_id, ticket_id)
            select x.step_id, max(x.name_zh), max(x.name_en), count(*), count(distinct x.ticket_id),
                   (select count(*) from entries e where e.step_id = x.step_id and e.n > 1),
                   count(x.completed_at),
                   percentile_cont(0.5) within group (order by x.wait_seconds),
                   percentile_cont(0.9) within group (order by x.wait_seconds),
                   percentile_cont(0.5) within group (order by x.work_seconds),
                   percentile_cont(0.9) within group (order by x.work_seconds),
                   percentile_cont(0.5) within group (order by x.wait_seconds + x.work_seconds)
            from x group by x.step_id order by x.step_id
            """.formatted(SELECTED);

    private Uni<List<StepStats>> steps(String templateKey, OffsetDateTime start, OffsetDateTime end, int version) {
        return Panache.getSession().chain(s -> s.createNativeQuery(STEPS, Object[].class).setParameter(1, templateKey)
                .setParameter(2, start).setParameter(3, end).setParameter(4, version).getResultList())
                .map(rows -> rows.stream().map(r -> new StepStats((String) r[0], (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                        ((Number) r[6]).longValue(), seconds(r[7]), seconds(r[8]), seconds(r[9]), seconds(r[10]),
                        seconds(r[11]))).toList());
    }

    static Long seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    private Uni<List<FlowCount>> flows(String templateKey, OffsetDateTime start, OffsetDateTime end, int version) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select flow_id, sum(taken), count(*) from "
                + "report_flow where " + SELECTED + " group by flow_id order by flow_id", Object[].class)
                .setParameter(1, templateKey).setParameter(2, start).setParameter(3, end).setParameter(4, version)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new FlowCount((String) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue())).toList());
    }
}
