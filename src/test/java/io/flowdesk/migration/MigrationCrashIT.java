package io.flowdesk.migration;

import static io.flowdesk.migration.MigrationScenario.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged app while a migration run holds a ticket's move open: every ticket is then either moved
 * (its run row MOVED and its instance on version 2) or untouched (PENDING and on version 1), and after the restart
 * the run finishes, each ticket moved exactly once.
 */
class MigrationCrashIT {

    @Test
    void aKillDuringARunLeavesEveryTicketMovedOrUntouchedAndTheRunResumes() throws Exception {
        MigrationScenario scenario = new MigrationScenario(Path.of("target", "migration-crash-templates"
                + io.flowdesk.testing.TestSlot.suffix()));
        try (AppProcess app = new AppProcess("flowdesk_it_migrate", 18300)) {
            app.env("FLOWDESK_TEMPLATES_DIR", scenario.dir().toAbsolutePath().toString());
            app.start(true);
            List<String> numbers = MigrationScenario.tickets(app, 24, 4);
            app.close();
            scenario.upgrade();
            app.env("FLOWDESK_MIGRATION_PAUSE_BEFORE_COMMIT", "PT0.4S");
            app.start(false);
            long runId = MigrationScenario.startRun(app);
            try (Connection db = app.jdbc()) {
                long until = System.currentTimeMillis() + 60_000;
                while (count(db, "select count(*) from migration_ticket where run_id = ? and state = 'MOVED'", runId) < 5
                        && System.currentTimeMillis() < until) {
                    Thread.sleep(50);
                }
            }
            app.kill();
            String v1;
            String v2;
            try (Connection db = app.jdbc()) {
                v1 = definition(db, 1);
                v2 = definition(db, 2);
                Map<String, String> states = states(db, runId);
                assertEquals(numbers.size(), states.size(), "a row per running ticket");
                int moved = 0;
                for (Map.Entry<String, String> e : states.entrySet()) {
                    String[] stateAndDefinition = e.getValue().split(" ");
                    String expected = "MOVED".equals(stateAndDefinition[0]) ? v2 : v1;
                    assertEquals(expected, stateAndDefinition[1], e.getKey() + " is " + stateAndDefinition[0]);
                    moved += "MOVED".equals(stateAndDefinition[0]) ? 1 : 0;
                    assertTrue(List.of("MOVED", "PENDING").contains(stateAndDefinition[0]), e.toString());
                }
                assertTrue(moved >= 5 && moved < numbers.size(), "killed in the middle: " + moved + " moved");
                System.out.printf("[migration-crash-it] killed with %d of %d moved%n", moved, numbers.size());
            }

            app.env("FLOWDESK_MIGRATION_PAUSE_BEFORE_COMMIT", "PT0S");
            app.start(false);
            try (Connection db = app.jdbc()) {
                assertEquals("DONE", MigrationScenario.awaitRun(db, runId, Duration.ofSeconds(120)));
                Map<String, String> states = states(db, runId);
                for (Map.Entry<String, String> e : states.entrySet()) {
                    assertEquals("MOVED " + v2, e.getValue(), e.getKey());
                }
                long until = System.currentTimeMillis() + 60_000;
                while (count(db, "select count(*) from engine_event e join migration_ticket m on m.ticket_id ="
                        + " e.ticket_id where m.run_id = ?", runId) > 0 && System.currentTimeMillis() < until) {
                    Thread.sleep(100);
                }
                long version2 = count(db, "select id from template_version where template_key = ? and version = 2",
                        MigrationScenario.KEY);
                assertEquals(numbers.size(), count(db, "select count(*) from ticket t join migration_ticket m on"
                        + " m.ticket_id = t.id where m.run_id = ? and t.template_version_id = ?", runId, version2),
                        "every ticket row follows its instance to version 2");
                assertEquals(0, count(db, "select count(*) from (select e.ticket_id from ticket_event e join"
                        + " migration_ticket m on m.ticket_id = e.ticket_id where m.run_id = ? and e.kind = 'MIGRATED'"
                        + " group by e.ticket_id having count(*) <> 1) x", runId), "one move entry per ticket");
                assertEquals(2, count(db, "select count(*) from audit_event where object_type = 'migration_run' and"
                        + " object_id = ?", Long.toString(runId)), "the run's start and end are audited once each");
            }
        }
    }

    private static String definition(Connection db, int version) throws Exception {
        try (var s = db.prepareStatement("select process_definition_id from template_version where template_key = ?"
                + " and version = ?")) {
            s.setString(1, MigrationScenario.KEY);
            s.setInt(2, version);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Per ticket of the run: its row's state and its instance's definition. */
    private static Map<String, String> states(Connection db, long runId) throws Exception {
        Map<String, String> result = new HashMap<>();
        try (var s = db.prepareStatement("select m.ticket_id, m.state, e.proc_def_id_ from migration_ticket m join"
                + " act_ru_execution e on e.id_ = m.process_instance_id where m.run_id = ?")) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put("ticket " + rs.getLong(1), rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return result;
    }
}
