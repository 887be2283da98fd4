package io.flowdesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.GreenMailResource;
import io.flowdesk.testing.TestSlot;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged app after a mail left and before it was recorded: after the restart nobody gets it twice
 * (the interrupted delivery is failed with its reason, not re-sent), and every other notice is mailed exactly once.
 */
class DeliveryCrashIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKillBetweenSendingAndRecordingNotifiesNobodyTwice() throws Exception {
        GreenMail smtp = GreenMailResource.start(18142 + TestSlot.offset());
        try (AppProcess app = new AppProcess("flowdesk_it_notify", 18140)) {
            app.env("QUARKUS_MAILER_MOCK", "false").env("QUARKUS_MAILER_HOST", "127.0.0.1")
                    .env("QUARKUS_MAILER_PORT", Integer.toString(18142 + TestSlot.offset()))
                    .env("FLOWDESK_NOTIFY_POLL", "PT0.2S").env("FLOWDESK_NOTIFY_BATCH", "1")
                    .env("FLOWDESK_NOTIFY_LEASE", "PT2S").env("FLOWDESK_NOTIFY_PAUSE_AFTER_SEND", "PT60S");
            app.start(true);
            String number = ticket(app);
            post(app, "agent1", "/api/tickets/" + number + "/comments",
                    "{\"text\":\"@agent2 crash-check " + number + "\",\"internal\":true}", 201);

            long until = System.currentTimeMillis() + 60_000;
            while (smtp.getReceivedMessages().length == 0 && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            assertEquals(1, smtp.getReceivedMessages().length, "one mail left before the kill");
            String inFlight = smtp.getReceivedMessages()[0].getHeader("X-FlowDesk-Delivery", null);
            app.kill();
            try (Connection db = app.jdbc()) {
                assertEquals("sending", status(db, inFlight), "killed between sending and recording");
            }

            app.env("FLOWDESK_NOTIFY_PAUSE_AFTER_SEND", "PT0S");
            app.start(false);
            // a notice after the restart: whatever the time of day (which decides whether routing's notices exist),
            // there is at least one mail the restarted sender must deliver once
            post(app, "agent1", "/api/tickets/" + number + "/comments",
                    "{\"text\":\"@agent2 after-restart " + number + "\",\"internal\":true}", 201);
            try (Connection db = app.jdbc()) {
                long deadline = System.currentTimeMillis() + 90_000;
                while (count(db, "select count(*) from notify_delivery where status in ('pending', 'sending', 'retry')")
                        > 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals(0, count(db, "select count(*) from notify_delivery where status in ('pending', 'sending', "
                        + "'retry')"), "every delivery reached an outcome");
                assertEquals("failed", status(db, inFlight));
                long sent = count(db, "select count(*) from notify_delivery where channel = 'email' and status = 'sent'");
                assertTrue(sent >= 1, "the other notices (the second mention at least) were mailed after the restart");
                Map<String, Integer> seen = new HashMap<>();
                for (MimeMessage m : smtp.getReceivedMessages()) {
                    seen.merge(m.getHeader("X-FlowDesk-Delivery", null), 1, Integer::sum);
                }
                seen.forEach((key, times) -> assertEquals(1, times, key + " reached its reader once"));
                assertEquals(sent + 1, smtp.getReceivedMessages().length, "the sent ones plus the interrupted one");
                assertTrue(seen.keySet().stream().anyMatch(k -> k != null), "mails carry their delivery id");
                System.out.printf("[delivery-crash-it] interrupted %s; %d mails, each once%n", inFlight,
                        smtp.getReceivedMessages().length);
            }
        } finally {
            smtp.stop();
        }
    }

    private static String ticket(AppProcess app) throws Exception {
        String body = """
                {"type":"it-incident","title":"Crash mail","priority":"P3",
                 "customer":{"name":"Crash Tester","email":"crash@example.com"},
                 "data":{"summary":"Printer down","category":"hardware","location":"3F"}}""";
        String answer = post(app, "agent1", "/api/tickets", body, 201);
        return io.flowdesk.shared.Json.parse(answer).path("number").asText();
    }

    private static String post(AppProcess app, String user, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return response.body();
    }

    private static String status(Connection db, String key) throws Exception {
        try (var s = db.prepareStatement("select status from notify_delivery where delivery_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
