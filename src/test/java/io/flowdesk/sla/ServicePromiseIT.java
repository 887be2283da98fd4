package io.flowdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import io.flowdesk.testing.AppProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The whole service promise in the packaged app with every background part on (the event consumers and the deadline
 * scanner, as in production) and only the clock moved by hand: a ticket is created, routing hands its task to the one
 * online agent with the reason on the timeline, the SLA consumer sets its deadlines on the working-hours calendar, the
 * first-response warning fires, the process is killed, and after the restart the breach fires — each level exactly
 * once, with one notice to the supervisor.
 */
class ServicePromiseIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aTicketIsAssignedAndItsBreachEscalatesOnceThroughAKill() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_promise", 18160).env("FLOWDESK_CLOCK_ADJUSTABLE", "true")) {
            app.start(true);
            // Monday 2026-12-07 10:00 in Shanghai: inside cn-standard's working hours, no holiday near
            send(app, "admin", "POST", "/api/clock", "{\"set\":\"2026-12-07T02:00:00Z\"}", 200);
            send(app, "agent2", "PUT", "/api/me/availability", "{\"status\":\"online\"}", 200);
            JsonNode created = Json.parse(send(app, "agent1", "POST", "/api/tickets", """
                    {"type":"it-incident","title":"VPN down for the sales floor","priority":"P2",
                     "customer":{"name":"Promise Tester","email":"promise@example.com"},
                     "data":{"summary":"VPN down","category":"network","location":"5F"}}""", 201));
            String number = created.path("number").asText();
            assertTrue(number.startsWith("FD-"), created.toString());
            try (Connection db = app.jdbc()) {
                long ticket = count(db, "select id from ticket where number = '" + number + "'");

                String assigned = waitFor(db, "select details_json from ticket_event where ticket_id = " + ticket
                        + " and kind = 'TASK_ASSIGNED_AUTO'", Duration.ofSeconds(60));
                JsonNode why = Json.parse(assigned);
                assertEquals("agent2", why.path("chosen").asText(), "the one online member of it-support: " + why);
                assertTrue(why.has("strategy") && why.path("candidates").isArray(),
                        "the timeline says how and among whom: " + why);

                // the sla consumer (in the background) put the first-response deadlines of p1-p2 (P2: 60 working min)
                waitFor(db, "select key from deadline where ticket_id = " + ticket
                        + " and key like '%:FIRST_RESPONSE:1:breach'", Duration.ofSeconds(60));
                JsonNode sla = Json.parse(send(app, "agent1", "GET", "/api/tickets/" + number + "/sla", null, 200));
                JsonNode first = target(sla, "FIRST_RESPONSE");
                assertEquals(60, first.path("targetMinutes").asInt(), sla.toString());
                // the clock runs on after it was set, and deadlines count whole minutes: 11:00 or 11:01 Shanghai
                assertTrue(first.path("dueAt").asText().startsWith("2026-12-07T03:0"),
                        "first response due 60 working minutes after 10:00 Shanghai: " + sla);

                send(app, "admin", "POST", "/api/clock", "{\"advanceMinutes\":50}", 200);
                waitFor(db, "select kind from ticket_event where ticket_id = " + ticket + " and kind = 'SLA_WARNING'",
                        Duration.ofSeconds(60));
                app.kill();
                assertEquals(0, count(db, "select count(*) from ticket_event where ticket_id = " + ticket
                        + " and kind = 'SLA_BREACHED'"), "not yet due when the process died");

                app.start(false);
                send(app, "admin", "POST", "/api/clock", "{\"advanceMinutes\":15}", 200);
                waitFor(db, "select kind from ticket_event where ticket_id = " + ticket + " and kind = 'SLA_BREACHED'",
                        Duration.ofSeconds(60));
                // let both background parts go round a few more times before counting
                send(app, "admin", "POST", "/api/clock", "{\"advanceMinutes\":1}", 200);
                waitUntilCaughtUp(db, Duration.ofSeconds(30));

                assertEquals(1, count(db, "select count(*) from ticket_event where ticket_id = " + ticket
                        + " and kind = 'SLA_WARNING' and details_json like '%FIRST_RESPONSE%'"), "one warning");
                assertEquals(1, count(db, "select count(*) from ticket_event where ticket_id = " + ticket
                        + " and kind = 'SLA_BREACHED' and details_json like '%FIRST_RESPONSE%'"), "one breach");
                assertEquals(1, count(db, "select count(*) from notification where ticket_id = " + ticket
                        + " and kind = 'SLA_BREACHED' and username = 'supervisor'"), "one notice to the supervisor");
                assertEquals(1, count(db, "select count(*) from ticket_event where ticket_id = " + ticket
                        + " and kind = 'TASK_ASSIGNED_AUTO'"), "assigned once, not again after the restart");
                JsonNode after = Json.parse(send(app, "agent1", "GET", "/api/tickets/" + number + "/sla", null, 200));
                assertEquals("BREACHED", target(after, "FIRST_RESPONSE").path("state").asText(), after.toString());
            }
        }
    }

    /** Waits until the sla and routing cursors have read the whole stream and no deadline is due but unfired. */
    private static void waitUntilCaughtUp(Connection db, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long behind = count(db, "select count(*) from event_cursor c where c.consumer in ('sla', 'routing') and"
                    + " c.position < (select coalesce(max(id), 0) from ticket_event)");
            long due = count(db, "select count(*) from deadline where fired_at is null and due_at <= now()"
                    + " + (select offset_ms from flowdesk_clock where id = 1) * interval '1 millisecond'");
            if (behind == 0 && due == 0) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("background work not caught up: cursors behind " + behind + ", due " + due);
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode target(JsonNode targets, String name) {
        for (JsonNode t : targets) {
            if (name.equals(t.path("target").asText())) {
                return t;
            }
        }
        throw new AssertionError("no " + name + " target in " + targets);
    }

    private static String send(AppProcess app, String user, String method, String path, String body, int status)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    private static String waitFor(Connection db, String sql, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    String value = rs.getString(1);
                    assertNotNull(value, sql);
                    return value;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + timeout + " for a row from " + sql);
            }
            Thread.sleep(100);
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
