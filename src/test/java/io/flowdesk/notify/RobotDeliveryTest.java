package io.flowdesk.notify;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.flowdesk.notify.internal.DeliverySender;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.testing.TestSlot;
import io.flowdesk.testing.Tickets;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A local HTTP server stands in for WeCom, DingTalk, Feishu and a webhook receiver: each vendor's body and signature,
 * the rate limit with a digest that loses nothing, retries then dead-letter, and the rules' WEBHOOK_REQUESTED.
 */
@QuarkusTest
class RobotDeliveryTest {

    static final int PORT = 18141 + TestSlot.offset();
    static final String BASE = "http://127.0.0.1:" + PORT;
    record Hit(String path, String query, Map<String, List<String>> headers, String body) {
    }
    static final List<Hit> HITS = new CopyOnWriteArrayList<>();
    static HttpServer server;

    @Inject
    DeliverySender sender;

    @Inject
    NotifyHub hub;

    @Inject
    FlowClock clock;

    @Inject
    TicketCommands commands;

    @Inject
    TicketEventStream stream;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            HITS.add(new Hit(path, exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            boolean fail = path.startsWith("/fail");
            byte[] answer = (fail ? "oops" : path.startsWith("/feishu") ? "{\"code\":0,\"msg\":\"success\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static void robot(String key, String department, String vendor, String path, String secret) {
        as("admin").body(Map.of("department", department, "vendor", vendor, "url", BASE + path, "secret",
                secret, "events", List.of("*"), "locale", "en")).put("/api/admin/notify/robots/" + key).then()
                .statusCode(200);
    }

    void notice(String source, String department, String text) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> hub.robots(source,
                department, "slaBreached", null, "FD-T", "SLA_BREACHED", Text.literal("breach"),
                Text.literal(text))));
    }

    static List<Hit> hits(String path) {
        return HITS.stream().filter(h -> h.path().equals(path)).toList();
    }

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    @Test
    void eachVendorGetsItsDocumentedBodyAndASignatureThatVerifies() throws Throwable {
        robot("wecom-a", "customer-service", "wecom", "/wecom-a", "unused");
        robot("ding-a", "customer-service", "dingtalk", "/ding-a?access_token=tok", "SECding");
        robot("feishu-a", "customer-service", "feishu", "/feishu-a", "fs-secret");
        notice("test:vendors", "customer-service", "ticket FD-T missed its promise");
        sender.drain();

        JsonNode wecom = Json.parse(hits("/wecom-a").get(0).body());
        assertEquals("markdown", wecom.path("msgtype").asText());
        assertTrue(wecom.path("markdown").path("content").asText().contains("ticket FD-T missed its promise"));

        Hit ding = hits("/ding-a").get(0);
        Map<String, String> q = query(ding.query());
        assertEquals("tok", q.get("access_token"));
        String ts = q.get("timestamp");
        String expected = Base64.getEncoder().encodeToString(hmac("SECding".getBytes(StandardCharsets.UTF_8),
                (ts + "\n" + "SECding").getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, q.get("sign"), "DingTalk sign = base64(HmacSHA256(secret, timestamp\\nsecret))");
        JsonNode dingBody = Json.parse(ding.body());
        assertEquals("markdown", dingBody.path("msgtype").asText());
        assertTrue(dingBody.path("markdown").path("text").asText().contains("missed its promise"));
        assertFalse(dingBody.path("markdown").path("title").asText().isBlank());

        JsonNode feishu = Json.parse(hits("/feishu-a").get(0).body());
        String fts = feishu.path("timestamp").asText();
        assertEquals(Base64.getEncoder().encodeToString(hmac((fts + "\n" + "fs-secret").getBytes(StandardCharsets.UTF_8),
                new byte[0])), feishu.path("sign").asText(), "Feishu sign = base64(HmacSHA256(timestamp\\nsecret, \"\"))");
        assertEquals("text", feishu.path("msg_type").asText());
        assertTrue(feishu.path("content").path("text").asText().contains("missed its promise"));

        // secrets are never shown again
        String listed = as("admin").get("/api/admin/notify/robots").then().statusCode(200).extract().asString();
        assertFalse(listed.contains("SECding") || listed.contains("fs-secret") || listed.contains(BASE), listed);
        as("agent1").get("/api/admin/notify/robots").then().statusCode(403);
    }

    @Test
    void fiftyNoticesInAMinuteBecomeAtMostTwentyMessagesWithNothingLost() throws Throwable {
        robot("wecom-burst", "warehouse", "wecom", "/wecom-burst", "unused");
        for (int i = 0; i < 50; i++) {
            notice("test:burst:" + i, "warehouse", "burst notice #" + i + ";");
        }
        sender.drain();
        int firstMinute = hits("/wecom-burst").size();
        assertTrue(firstMinute <= 20, "at most 20 messages a minute: " + firstMinute);
        // whatever did not fit this minute (other deliveries may share the batch) waits for the next one
        VertxContextSupport.subscribeAndAwait(() -> clock.advance(Duration.ofSeconds(61)));
        sender.drain();
        List<Hit> sent = hits("/wecom-burst");
        String all = String.join("\n", sent.stream().map(Hit::body).toList());
        for (int i = 0; i < 50; i++) {
            assertTrue(all.contains("burst notice #" + i + ";"), "notice " + i + " reached the robot");
        }
        var rows = Deliveries.where("channel = 'robot' and recipient = 'wecom-burst'");
        assertEquals(50, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.status().equals("sent")), rows.toString());
        System.out.printf("[robot-test] 50 notices -> %d messages in the first minute, %d in all%n", firstMinute,
                sent.size());
    }

    @Test
    void aRobotAnswering500IsRetriedWithBackoffThenDeadLettered() throws Throwable {
        robot("fail-a", "finance", "wecom", "/fail-a", "unused");
        notice("test:fail", "finance", "will fail");
        sender.drain();
        var row = Deliveries.where("recipient = 'fail-a'").get(0);
        assertEquals("retry", row.status());
        assertEquals(1, row.attempts());
        assertTrue(row.reason().contains("500"), row.reason());
        sender.drain();
        assertEquals(1, hits("/fail-a").size(), "not retried before its backoff");
        for (int i = 0; i < 10 && !Deliveries.where("recipient = 'fail-a'").get(0).status().equals("failed"); i++) {
            VertxContextSupport.subscribeAndAwait(() -> clock.advance(Duration.ofHours(2)));
            sender.drain();
        }
        row = Deliveries.where("recipient = 'fail-a'").get(0);
        assertEquals("failed", row.status());
        assertEquals(6, row.attempts());
        assertEquals(6, hits("/fail-a").size());

        long id = row.id();
        as("admin").post("/api/admin/deliveries/" + id + "/replay").then().statusCode(200);
        assertEquals("pending", Deliveries.where("id = ?1", id).get(0).status());
        as("agent1").post("/api/admin/deliveries/" + id + "/replay").then().statusCode(403);
        as("admin").get("/api/admin/deliveries?channel=robot&status=pending").then().statusCode(200);
    }

    @Test
    void aRulesWebhookRequestIsDeliveredSignedToItsEndpoint() throws Throwable {
        as("admin").body(Map.of("url", BASE + "/hook-a", "secret", "hook-secret", "events", List.of("CREATED")))
                .put("/api/admin/notify/endpoints/erp").then().statusCode(200);
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "CO-77",
                "refundAmount", 20, "reason", "other")));
        long ticketId = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select id from ticket where number = ?1", Long.class)
                        .setParameter(1, number).getSingleResult())));
        var details = Json.MAPPER.createObjectNode().put("endpoint", "erp").put("rule", "refund-to-erp");
        details.putObject("payload").put("order", "CO-77");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> commands.record(ticketId,
                "WEBHOOK_REQUESTED", null, null, Text.literal("webhook"), details, true)));
        VertxContextSupport.subscribeAndAwait(() -> stream.drain("notify"));
        sender.drain();

        List<Hit> got = hits("/hook-a").stream().filter(h -> h.body().contains(number)).toList();
        Hit requested = got.stream().filter(h -> h.body().contains("WEBHOOK_REQUESTED")).findFirst().orElseThrow();
        JsonNode body = Json.parse(requested.body());
        assertEquals("refund-to-erp", body.path("rule").asText());
        assertEquals("CO-77", body.path("data").path("order").asText());
        String signature = requested.headers().get("X-flowdesk-signature").get(0);
        assertEquals("sha256=" + HexFormat.of().formatHex(hmac("hook-secret".getBytes(StandardCharsets.UTF_8),
                requested.body().getBytes(StandardCharsets.UTF_8))), signature);
        assertEquals(body.path("id").asText(), requested.headers().get("X-flowdesk-delivery").get(0));
        assertTrue(got.stream().anyMatch(h -> h.body().contains("\"event\":\"CREATED\"")), "subscribed CREATED too");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            out.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
