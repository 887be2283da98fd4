package io.flowdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kill -9 during a burst of creates, restart, and check: every ticket that got a 201 exists exactly once with
 * exactly one process instance; nothing is left PENDING; no process instance without a ticket; retrying a
 * request that died with the server (same Idempotency-Key) returns one ticket, not two.
 */
class CrashRecoveryIT {

    private static final Pattern NUMBER = Pattern.compile("\"number\":\"(FD-[0-9]+-[0-9]+)\"");
    private static final int CLIENTS = 8;

    @Test
    void everyAcknowledgedTicketSurvivesAKillExactlyOnce() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_crash", 18090)) {
            long firstStart = app.start(true);
            System.out.printf("[crash-it] first start ready in %d ms, RSS %d MB%n", firstStart, app.rssKb() / 1024);

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Map<String, String> acknowledged = new ConcurrentHashMap<>(); // key -> number
            List<String> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sent = new AtomicInteger();
            CountDownLatch warm = new CountDownLatch(40);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int clientId = c;
                pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String key = "crash-" + clientId + "-" + i;
                        sent.incrementAndGet();
                        try {
                            HttpResponse<String> response = client.send(create(app, key), HttpResponse.BodyHandlers
                                    .ofString());
                            if (response.statusCode() == 201) {
                                acknowledged.put(key, number(response.body()));
                                warm.countDown();
                            } else {
                                unanswered.add(key);
                            }
                        } catch (Exception e) {
                            unanswered.add(key);
                            if (stop.get() || !isAlive(app)) {
                                return;
                            }
                        }
                    }
                });
            }
            assertTrue(warm.await(60, TimeUnit.SECONDS), "the burst got going");
            app.kill();
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            System.out.printf("[crash-it] killed after %d requests: %d acknowledged, %d unanswered%n", sent.get(),
                    acknowledged.size(), unanswered.size());

            long restart = app.start(false);
            System.out.printf("[crash-it] restarted and reconciled in %d ms%n", restart);

            try (Connection db = app.jdbc(); Statement sql = db.createStatement()) {
                for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                    assertEquals(1, count(sql, "select count(*) from ticket t join act_hi_procinst p on"
                            + " p.business_key_ = t.id::text where t.number = '" + ack.getValue() + "'"),
                            ack.getValue() + " has exactly one process instance");
                }
                assertEquals(0, count(sql, "select count(*) from ticket where engine_state = 'PENDING'"),
                        "nothing left half-made");
                assertEquals(0, count(sql, "select count(*) from (select business_key_ from act_hi_procinst where"
                        + " business_key_ ~ '^[0-9]+$' group by business_key_ having count(*) > 1) d"),
                        "no ticket has two process instances");
                assertEquals(0, count(sql, "select count(*) from act_hi_procinst p where business_key_ ~ '^[0-9]+$'"
                        + " and not exists (select 1 from ticket t where t.id::text = p.business_key_)"),
                        "no process instance without its ticket");
                assertEquals(0, count(sql, "select count(*) from ticket t where not exists (select 1 from"
                        + " ticket_task k where k.ticket_id = t.id)"), "every ticket reached its first task");
                long total = count(sql, "select count(*) from ticket");
                System.out.printf("[crash-it] tickets in database: %d (acknowledged %d)%n", total, acknowledged.size());
            }

            // clients retry what got no answer, with the same key: one ticket per key
            int retried = 0;
            for (String key : unanswered.subList(0, Math.min(10, unanswered.size()))) {
                HttpResponse<String> response = client.send(create(app, key), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, response.statusCode(), response.body());
                retried++;
            }
            try (Connection db = app.jdbc(); Statement sql = db.createStatement()) {
                assertEquals(0, count(sql, "select count(*) from (select idempotency_key from ticket where"
                        + " idempotency_key is not null group by created_by, idempotency_key having count(*) > 1) d"));
            }
            for (Map.Entry<String, String> ack : List.copyOf(acknowledged.entrySet()).subList(0,
                    Math.min(5, acknowledged.size()))) {
                HttpResponse<String> again = client.send(create(app, ack.getKey()), HttpResponse.BodyHandlers
                        .ofString());
                assertEquals(ack.getValue(), number(again.body()), "a replay returns the same ticket");
            }
            System.out.printf("[crash-it] retried %d unanswered requests; no duplicates%n", retried);
        }
    }

    private static boolean isAlive(AppProcess app) {
        try {
            return ProcessHandle.of(app.pid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpRequest create(AppProcess app, String key) {
        String body = """
                {"type":"it-incident","title":"Crash test %s","priority":"P3",
                 "customer":{"name":"Crash Tester","email":"crash@example.com"},
                 "data":{"summary":"Printer down %s","category":"hardware","location":"3F"}}""".formatted(key, key);
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/tickets")).timeout(Duration.ofSeconds(20))
                .header("Authorization", AppProcess.basic("agent1")).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String number(String body) {
        Matcher matcher = NUMBER.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no ticket number in " + body);
        }
        return matcher.group(1);
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
