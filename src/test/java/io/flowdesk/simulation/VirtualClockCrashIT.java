package io.flowdesk.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppHttp;
import io.flowdesk.testing.AppProcess;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of an advance (the clock walking from the warning towards the breach, the escalation and the
 * flow's timer): after a restart and another advance, every level and the timer have fired exactly once, and the real
 * ticket beside it kept its deadlines and its timer.
 */
class VirtualClockCrashIT {

    @Test
    void aKilledAdvanceFiresEverythingExactlyOnceAfterTheRestart() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_vclock_crash", 18330)) {
            app.start(true);
            String key = SimApp.setUp(app);
            String real = AppHttp.send(app, "agent1", "POST", "/api/tickets", "{\"type\":\"" + key + "\",\"title\":"
                    + "\"real\",\"priority\":\"P3\",\"customer\":{\"name\":\"R\",\"email\":\"r@example.com\"},"
                    + "\"data\":{\"amount\":10,\"ok\":true}}").path("number").asText();
            String number = SimApp.tryIt(app, key, "vclock crash");
            long id = SimApp.longOf(app, "select id from ticket where number = '" + number + "'");
            long realId = SimApp.longOf(app, "select id from ticket where number = '" + real + "'");
            SimApp.awaitLadder(app, id);
            SimApp.awaitLadder(app, realId);
            String realRows = "select key || '|' || due_at || '|' || coalesce(fired_at::text, '-') from deadline "
                    + "where ticket_id = " + realId + " order by key";
            String realTimers = "select j.id_ || '|' || j.duedate_ from act_ru_timer_job j join ticket t on "
                    + "t.process_instance_id = j.process_instance_id_ where t.id = " + realId + " order by j.id_";
            List<String> rowsBefore = SimApp.rows(app, realRows);
            List<String> timersBefore = SimApp.rows(app, realTimers);

            // the advance runs; the process dies as soon as its first firing is committed
            CompletableFuture<Integer> advance = CompletableFuture.supplyAsync(() -> {
                try {
                    return AppHttp.status(app, "designer", "POST", "/api/tickets/" + number + "/test-clock/advance",
                            "{\"days\":3}");
                } catch (Exception e) {
                    return -1;
                }
            });
            for (int i = 0; i < 3000 && count(app, id, "SLA_WARNING") == 0; i++) {
                Thread.sleep(10);
            }
            app.kill();
            advance.handle((status, failure) -> null).join();
            long before = count(app, id, "SLA_BREACHED") + count(app, id, "SLA_ESCALATED");
            System.out.printf("vclock crash: killed with warning %d, breach+escalation %d, clock offset %d ms%n",
                    count(app, id, "SLA_WARNING"), before, SimApp.longOf(app, "select coalesce(max(offset_ms), 0) "
                            + "from test_clock where ticket_id = " + id));

            app.start(false);
            AppHttp.send(app, "designer", "POST", "/api/tickets/" + number + "/test-clock/advance", "{\"days\":3}");
            AppHttp.send(app, "designer", "POST", "/api/tickets/" + number + "/test-clock/advance",
                    "{\"workingHours\":4}");
            for (String kind : List.of("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED")) {
                assertEquals(1, count(app, id, kind), kind + " exactly once across the kill");
            }
            assertEquals(3, SimApp.longOf(app, "select count(*) from sla_firing where ticket_id = " + id));
            assertEquals(1, SimApp.longOf(app, "select count(*) from ticket_event where ticket_id = " + id
                    + " and kind = 'TASK_STARTED' and details_json like '%Follow up%'"), "the timer ran once");
            // the killed advance left the clock where its last committed step put it; the next one went on from there
            assertTrue(SimApp.longOf(app, "select offset_ms from test_clock where ticket_id = " + id)
                    >= 3L * 24 * 3600 * 1000 + 45L * 60 * 1000, "the clock went on from where it stood");
            assertEquals(rowsBefore, SimApp.rows(app, realRows), "the real ticket's deadlines did not move");
            assertEquals(timersBefore, SimApp.rows(app, realTimers), "nor its timer");
            assertEquals(0, SimApp.longOf(app, "select count(*) from notification where ticket_id = " + id));
        }
    }

    private static long count(AppProcess app, long ticketId, String kind) throws Exception {
        return SimApp.longOf(app, "select count(*) from ticket_event where ticket_id = " + ticketId + " and kind = '"
                + kind + "'");
    }
}
