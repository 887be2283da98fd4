package io.flowdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Escalations fire exactly once against the packaged app with the adjustable clock: through a kill -9 in the middle
 * of firing and a restart, and with two FlowDesk processes on one database.
 */
class EscalationIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKillInTheMiddleOfFiringLosesAndRepeatsNothing() throws Exception {
        try (AppProcess app = adjustable(new AppProcess("flowdesk_it_escalation", 18106))) {
            app.env("FLOWDESK_DEADLINES_BATCH", "2"); // small transactions, so the kill lands between them
            app.start(true);
            List<Long> tickets = tickets(app, 4);
            int total = 200;
            try (Connection db = app.jdbc()) {
                schedule(db, "sla:it-crash:", tickets, total);
                advanceClock(app, 2 * 24 * 60);
                long atKill = waitUntil(db, "select count(*) from deadline where key like 'sla:it-crash:%' and fired_at"
                        + " is not null", 1, Duration.ofSeconds(60));
                app.kill();
                long firedAtKill = count(db, "select count(*) from deadline where key like 'sla:it-crash:%' and"
                        + " fired_at is not null");
                System.out.printf("[escalation-it] killed with %d of %d fired (seen %d)%n", firedAtKill, total, atKill);
                assertTrue(firedAtKill < total, "the kill came before the end: " + firedAtKill);
                assertEquals(firedAtKill, count(db, "select count(*) from sla_firing where key like 'sla:it-crash:%'"),
                        "what fired before the kill fired whole: one sla_firing row per fired deadline");
            }
            app.start(false);
            try (Connection db = app.jdbc()) {
                waitUntil(db, "select count(*) from deadline where key like 'sla:it-crash:%' and fired_at is not null",
                        total, Duration.ofSeconds(90));
                assertExactlyOnce(db, "sla:it-crash:", total);
            }
        }
    }

    @Test
    void twoProcessesOnOneDatabaseFireEachLevelOnce() throws Exception {
        try (AppProcess first = adjustable(new AppProcess("flowdesk_it_escalation2", 18107));
                AppProcess second = adjustable(new AppProcess("flowdesk_it_escalation2", 18108))) {
            first.env("FLOWDESK_DEADLINES_BATCH", "10");
            second.env("FLOWDESK_DEADLINES_BATCH", "10");
            first.start(true);
            second.start(false);
            List<Long> tickets = tickets(first, 5);
            int total = 500;
            try (Connection db = first.jdbc()) {
                schedule(db, "sla:it-two:", tickets, total);
                advanceClock(second, 2 * 24 * 60);
                waitUntil(db, "select count(*) from deadline where key like 'sla:it-two:%' and fired_at is not null",
                        total, Duration.ofSeconds(90));
                assertExactlyOnce(db, "sla:it-two:", total);
                List<String> nodes = new ArrayList<>();
                try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select node, count(*) from"
                        + " sla_firing where key like 'sla:it-two:%' group by node order by node")) {
                    while (rs.next()) {
                        nodes.add(rs.getString(1) + "=" + rs.getLong(2));
                    }
                }
                System.out.printf("[escalation-it] fired per node: %s%n", nodes);
                assertEquals(2, nodes.size(), "both nodes took some: " + nodes);
                assertEquals(0, count(db, "select count(*) from deadline d join sla_firing f on f.key = d.key where"
                        + " d.key like 'sla:it-two:%' and d.fired_by is distinct from f.node"),
                        "the node that marked a deadline is the one that ran its handler");
            }
        }
    }

    private static AppProcess adjustable(AppProcess app) {
        // only the rows this test schedules fire: the sla consumer would add real breaches of its own
        return app.env("FLOWDESK_CLOCK_ADJUSTABLE", "true").env("FLOWDESK_EVENTS_ENABLED", "false");
    }

    private static void assertExactlyOnce(Connection db, String prefix, int total) throws Exception {
        assertEquals(total, count(db, "select count(*) from sla_firing where key like '" + prefix + "%'"));
        assertEquals(total, count(db, "select count(*) from ticket_event where kind = 'SLA_BREACHED' and details_json"
                + " like '%\"key\":\"" + prefix + "%'"), "one timeline entry per deadline");
        assertEquals(0, count(db, "select count(*) from (select details_json from ticket_event where kind ="
                + " 'SLA_BREACHED' and details_json like '%\"key\":\"" + prefix + "%' group by details_json"
                + " having count(*) > 1) d"), "none twice");
        assertEquals(total, count(db, "select count(*) from notification n where n.kind = 'SLA_BREACHED' and"
                + " n.username = 'supervisor' and n.ticket_id in (select ticket_id from deadline where key like '"
                + prefix + "%')"), "one notification per deadline for the one supervisor");
        // two nodes raising one ticket's priority at once may lose an optimistic lock; that row is retried, once
        System.out.printf("[escalation-it] %s: %d deadlines needed a retry%n", prefix, count(db,
                "select count(*) from deadline where key like '" + prefix + "%' and attempts > 0"));
    }

    /** {@code n} real tickets created through the API. */
    private static List<Long> tickets(AppProcess app, int n) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = """
                    {"type":"it-incident","title":"Escalation %d","priority":"P3",
                     "customer":{"name":"Esc Tester","email":"esc@example.com"},
                     "data":{"summary":"Printer down %d","category":"hardware","location":"3F"}}""".formatted(i, i);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                    + "/api/tickets")).header("Authorization", AppProcess.basic("agent1"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
        }
        try (Connection db = app.jdbc(); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select id from ticket order by id desc limit " + n)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** {@code total} breach levels a day from now, spread over the tickets (one per ticket and cycle). */
    private static void schedule(Connection db, String prefix, List<Long> tickets, int total) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("insert into deadline (key, owner, ticket_id, due_at,"
                + " payload_json) values (?, 'sla', ?, now() + interval '1 day', ?)")) {
            for (int i = 0; i < total; i++) {
                long ticket = tickets.get(i % tickets.size());
                int cycle = i / tickets.size() + 1;
                insert.setString(1, prefix + ticket + ":RESOLUTION:" + cycle + ":breach");
                insert.setLong(2, ticket);
                insert.setString(3, "{\"target\":\"RESOLUTION\",\"cycle\":" + cycle + ",\"level\":\"breach\","
                        + "\"calendar\":\"24x7\",\"workingHoursOnly\":false,\"dueAt\":\"2026-12-01T00:00:00Z\","
                        + "\"actions\":[{\"type\":\"notify\",\"to\":\"supervisor\"},"
                        + "{\"type\":\"priority\",\"value\":\"raise\"}]}");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void advanceClock(AppProcess app, long minutes) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/clock"))
                .header("Authorization", AppProcess.basic("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advanceMinutes\":" + minutes + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static long waitUntil(Connection db, String sql, long atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long value = count(db, sql);
            if (value >= atLeast) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + atLeast + " from " + sql + "; got " + value);
            }
            Thread.sleep(20);
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
