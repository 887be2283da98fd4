package io.flowdesk.migration.internal;

import io.flowdesk.migration.MigrationPlan;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/** The rows of migration runs (ADR 0047): runs, their tickets, progress and failures; reads tickets, never writes them. */
@ApplicationScoped
public class RunRows {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    /** A ticket running on a source version. */
    public record Running(long ticketId, String number, String processInstanceId, int version, String dataJson) {
    }

    public Uni<List<Running>> running(Resolved r) {
        String versions = r.sources.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        return session(s -> s.createNativeQuery("select t.id, t.number, t.process_instance_id, v.version, t.data_json"
                + " from ticket t join template_version v on v.id = t.template_version_id where t.template_key = ?1"
                + " and v.version in (" + versions + ") and t.engine_state = 'ACTIVE' and t.process_instance_id is"
                + " not null order by t.id", Object[].class).setParameter(1, r.templateKey).getResultList())
                .map(rows -> rows.stream().map(x -> new Running(((Number) x[0]).longValue(), (String) x[1],
                        (String) x[2], ((Number) x[3]).intValue(), (String) x[4])).toList());
    }

    /** Inserts a run and one PENDING row per ticket now running on its sources; call inside a transaction. */
    public Uni<MigrationPlan.Run> insertRun(Resolved r, MigrationPlan.Request request, String by) {
        String versions = r.sources.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        OffsetDateTime now = FlowClock.offsetNow();
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into migration_run (template_key,"
                + " source_versions, target_version, plan_json, status, started_by, started_at) values (?1, ?2, ?3,"
                + " ?4, 'RUNNING', ?5, ?6) returning id", Long.class).setParameter(1, r.templateKey)
                .setParameter(2, versions).setParameter(3, r.targetVersion).setParameter(4, Json.write(request))
                .setParameter(5, by).setParameter(6, now).getSingleResult()
                .chain(id -> s.createNativeQuery("insert into migration_ticket (run_id, ticket_id, process_instance_id,"
                        + " source_version, state) select ?1, t.id, t.process_instance_id, v.version, 'PENDING' from"
                        + " ticket t join template_version v on v.id = t.template_version_id where t.template_key = ?2"
                        + " and v.version in (" + versions + ") and t.engine_state = 'ACTIVE' and"
                        + " t.process_instance_id is not null").setParameter(1, id).setParameter(2, r.templateKey)
                        .executeUpdate().map(count -> new MigrationPlan.Run(id, r.templateKey, versions,
                                r.targetVersion, RUNNING, by, now, null, count, 0, 0, count, List.of()))));
    }

    public Uni<MigrationPlan.Run> run(long id, Locale locale, int listed) {
        return session(s -> s.createNativeQuery("select r.id, r.template_key, r.source_versions, r.target_version,"
                + " r.status, r.started_by, r.started_at, r.finished_at, (select count(*) from migration_ticket m where"
                + " m.run_id = r.id), (select count(*) from migration_ticket m where m.run_id = r.id and m.state ="
                + " 'MOVED'), (select count(*) from migration_ticket m where m.run_id = r.id and m.state = 'FAILED')"
                + " from migration_run r where r.id = ?1", Object[].class).setParameter(1, id).getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    Object[] x = rows.get(0);
                    return s.createNativeQuery("select t.number, m.reason_text, m.reason from migration_ticket m join"
                            + " ticket t on t.id = m.ticket_id where m.run_id = ?1 and m.state = 'FAILED' order by"
                            + " m.ticket_id limit " + listed, Object[].class).setParameter(1, id).getResultList()
                            .map(failed -> {
                                List<MigrationPlan.Refusal> failures = new ArrayList<>();
                                for (Object[] f : failed) {
                                    Text text = f[1] == null ? Text.literal((String) f[2]) : StoredText.read((String) f[1]);
                                    failures.add(new MigrationPlan.Refusal((String) f[0], null, text.in(locale), null));
                                }
                                return toRun(x, failures);
                            });
                }));
    }

    public Uni<List<MigrationPlan.Run>> runs(String templateKey, Locale locale) {
        return session(s -> s.createNativeQuery("select r.id, r.template_key, r.source_versions, r.target_version,"
                + " r.status, r.started_by, r.started_at, r.finished_at, (select count(*) from migration_ticket m where"
                + " m.run_id = r.id), (select count(*) from migration_ticket m where m.run_id = r.id and m.state ="
                + " 'MOVED'), (select count(*) from migration_ticket m where m.run_id = r.id and m.state = 'FAILED')"
                + " from migration_run r where r.template_key = ?1 order by r.id desc limit 50", Object[].class)
                .setParameter(1, templateKey).getResultList())
                .map(rows -> rows.stream().map(x -> toRun(x, List.of())).toList());
    }

    private static MigrationPlan.Run toRun(Object[] x, List<MigrationPlan.Refusal> failures) {
        int total = ((Number) x[8]).intValue();
        int moved = ((Number) x[9]).intValue();
        int failed = ((Number) x[10]).intValue();
        return new MigrationPlan.Run(((Number) x[0]).longValue(), (String) x[1], (String) x[2],
                ((Number) x[3]).intValue(), (String) x[4], (String) x[5], time(x[6]), time(x[7]), total, moved, failed,
                total - moved - failed, failures);
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        return io.flowdesk.shared.SqlTime.instant(value).atOffset(ZoneOffset.UTC);
    }

    /** Marks a run done once nothing of it is pending; true for the one caller that did (it audits the end). */
    public Uni<Boolean> finish(long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update migration_run set status = 'DONE',"
                + " finished_at = ?2 where id = ?1 and status = 'RUNNING' and not exists (select 1 from"
                + " migration_ticket m where m.run_id = ?1 and m.state = 'PENDING')").setParameter(1, id)
                .setParameter(2, FlowClock.offsetNow()).executeUpdate()).map(n -> n == 1);
    }

    public Uni<List<Long>> runningRuns() {
        return session(s -> s.createNativeQuery("select id from migration_run where status = 'RUNNING' order by id",
                Long.class).getResultList());
    }

    public Uni<String> requestOf(long id) {
        return session(s -> s.createNativeQuery("select plan_json from migration_run where id = ?1", String.class)
                .setParameter(1, id).getSingleResultOrNull());
    }

    private static <T> Uni<T> session(java.util.function.Function<Mutiny.Session, Uni<T>> work) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> work.apply(s)));
    }
}
