package io.flowdesk.bench;

import io.flowdesk.migration.ChangedTemplates;
import io.flowdesk.migration.MigrationScenario;
import io.flowdesk.templates.TemplatePackage;
import io.flowdesk.testing.AppProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowable.engine.migration.ActivityMigrationMapping;

/**
 * Running tickets moved per second by one migration run (ADR 0047): N tickets waiting in diagnosis of a copy of
 * it-incident move to its changed version 2 (diagnosis renamed, a step added before it, a new required field with a
 * default); the figure is the run's own span (started_at to finished_at). The baseline is Flowable alone in this JVM
 * migrating the same number of instances between the same two definitions, one transaction each.
 */
final class MigrateBench {

    private final boolean smoke;
    private final Results results;
    private final int tickets;

    MigrateBench(boolean smoke, Results results, Integer tickets) {
        this.smoke = smoke;
        this.results = results;
        this.tickets = tickets != null ? tickets : smoke ? 20 : 500;
    }

    void run() throws Exception {
        MigrationScenario scenario = new MigrationScenario(Path.of("target", "bench", "migrate-templates"));
        double perSecond;
        String note;
        try (AppProcess app = new AppProcess("flowdesk_bench_migrate", 18318)) {
            app.env("FLOWDESK_TEMPLATES_DIR", scenario.dir().toAbsolutePath().toString());
            app.start(true);
            MigrationScenario.tickets(app, tickets, 8);
            app.close();
            scenario.upgrade();
            app.start(false);
            Thread.sleep(smoke ? 500 : 3000);
            long runId = MigrationScenario.startRun(app);
            try (Connection db = app.jdbc()) {
                String status = MigrationScenario.awaitRun(db, runId, Duration.ofMinutes(30));
                if (!"DONE".equals(status)) {
                    throw new IllegalStateException("migration run " + runId + " did not finish: " + status);
                }
                long moved = MigrationScenario.count(db, "select count(*) from migration_ticket where run_id = ? and"
                        + " state = 'MOVED'", runId);
                long failed = MigrationScenario.count(db, "select count(*) from migration_ticket where run_id = ? and"
                        + " state = 'FAILED'", runId);
                double seconds;
                try (var s = db.prepareStatement("select extract(epoch from finished_at - started_at) from"
                        + " migration_run where id = ?")) {
                    s.setLong(1, runId);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        seconds = rs.getDouble(1);
                    }
                }
                perSecond = moved / Math.max(0.001, seconds);
                note = moved + " moved, " + failed + " failed in " + String.format("%.1f", seconds) + " s";
            }
        }
        double baseline = rawFlowable();
        results.add(new Results.Row("migration run, " + tickets + " running tickets", "tickets/s", perSecond,
                "raw Flowable migrate, 1 tx each", baseline, null, null, null, note));
        System.out.printf("[migrate] %.1f tickets/s (%s); raw Flowable %.1f instances/s%n", perSecond, note, baseline);
    }

    private double rawFlowable() throws Exception {
        TemplatePackage v1 = ChangedTemplates.copy("it-incident", MigrationScenario.KEY);
        TemplatePackage v2 = ChangedTemplates.incidentV2(v1);
        try (RawFlowable raw = new RawFlowable("flowdesk_bench_migrate_raw", false)) {
            raw.deploy(MigrationScenario.KEY, v1.bpmnXml());
            List<String> ids = new ArrayList<>();
            try (Connection c = raw.connection()) {
                for (int i = 0; i < tickets; i++) {
                    ids.add(raw.createTicket(c, MigrationScenario.KEY, "MIG-" + i, Map.of("summary", "x", "category",
                            "hardware", "ticketPriority", "P3")));
                }
            }
            raw.deploy(MigrationScenario.KEY, v2.bpmnXml());
            String target = raw.engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(
                    MigrationScenario.KEY).latestVersion().singleResult().getId();
            long started = System.nanoTime();
            for (String id : ids) {
                raw.engine.getProcessMigrationService().createProcessInstanceMigrationBuilder()
                        .migrateToProcessDefinition(target).addActivityMigrationMapping(ActivityMigrationMapping
                                .createMappingFor("taskOncallDiagnosis", "taskDiagnosis")).migrate(id);
            }
            return ids.size() / ((System.nanoTime() - started) / 1e9);
        }
    }
}
