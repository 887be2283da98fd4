package io.flowdesk.sla;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.Tickets;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** SLA clocks end to end: REST, the event stream, the adjustable clock, cn-standard (Mon-Fri 09:00-18:00 Shanghai). */
@QuarkusTest
class SlaApiTest {

    @Inject
    TicketEventStream stream;

    static Map<String, Object> incident(String priority, String customerEmail) {
        Map<String, Object> body = Tickets.body("it-incident", priority, Map.of("summary", "打印机无法打印",
                "category", "hardware", "location", "3F-301"));
        body.put("customer", Map.of("name", "客户", "email", customerEmail));
        return body;
    }

    static void clockAt(String instant) {
        as("admin").body(Map.of("set", instant)).post("/api/clock").then().statusCode(200);
    }

    /** Lets the sla consumer catch up with the whole stream (the background poller may hold it for a moment). */
    void settle() throws Throwable {
        long end = System.nanoTime() + 20_000_000_000L;
        while (true) {
            await(() -> stream.drain("sla"));
            long max = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                    .createNativeQuery("select coalesce(max(id), 0) from ticket_event", Long.class).getSingleResult())));
            if (await(() -> stream.position("sla")) >= max) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the sla consumer did not catch up");
            }
            Thread.sleep(100);
        }
    }

    static List<Map<String, Object>> sla(String user, String number, String language) {
        return as(user).header("Accept-Language", language).get("/api/tickets/" + number + "/sla").then()
                .statusCode(200).extract().path("");
    }

    static Map<String, Object> target(List<Map<String, Object>> targets, String target) {
        List<Map<String, Object>> found = targets.stream().filter(t -> target.equals(t.get("target"))).toList();
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    static Instant due(Map<String, Object> target) {
        return target.get("dueAt") == null ? null : Instant.parse((String) target.get("dueAt"));
    }

    static long ticketId(String number) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select id from ticket where number = ?1", Long.class).setParameter(1, number)
                .getSingleResult())));
    }

    static Map<String, Instant> deadlines(long ticketId) throws Throwable {
        List<Object[]> rows = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select key, due_at from deadline where ticket_id = ?1 and owner = 'sla' order by "
                        + "key", Object[].class).setParameter(1, ticketId).getResultList())));
        Map<String, Instant> keys = new LinkedHashMap<>();
        rows.forEach(r -> keys.put((String) r[0], ((OffsetDateTime) r[1]).toInstant()));
        return keys;
    }

    static Map<String, Object[]> outcomes(long ticketId) throws Throwable {
        List<Object[]> rows = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select target || ':' || cycle, met, used_minutes, target_minutes from sla_outcome "
                        + "where ticket_id = ?1", Object[].class).setParameter(1, ticketId).getResultList())));
        Map<String, Object[]> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put((String) r[0], r));
        return byKey;
    }

    @Test
    void aP1TicketOfAVipCustomerGetsExactDeadlinesInCnStandard() throws Throwable {
        clockAt("2026-03-02T00:00:00Z"); // Monday 08:00 in Shanghai: the clocks start at 09:00
        String number = createTicket("agent1", incident("P1", "customer1@example.com")); // customer1 is a VIP
        settle();
        List<Map<String, Object>> targets = sla("admin", number, "en");
        Map<String, Object> first = target(targets, "FIRST_RESPONSE");
        assertEquals(Instant.parse("2026-03-02T01:15:00Z"), due(first), "vip-p1: 15 working minutes from 09:00");
        assertEquals("First response", first.get("label"));
        assertEquals(15, ((Number) first.get("targetMinutes")).intValue());
        assertEquals(Instant.parse("2026-03-02T05:00:00Z"), due(target(targets, "RESOLUTION")), "240 from 09:00");
        assertNull(target(targets, "NEXT_RESPONSE"), "no customer message waits");

        long id = ticketId(number);
        Map<String, Instant> keys = deadlines(id);
        assertEquals(Instant.parse("2026-03-02T01:12:00Z"), keys.get("sla:" + id + ":FIRST_RESPONSE:1:warning:3"));
        assertEquals(Instant.parse("2026-03-02T01:15:00Z"), keys.get("sla:" + id + ":FIRST_RESPONSE:1:breach"));
        assertEquals(Instant.parse("2026-03-02T04:00:00Z"), keys.get("sla:" + id + ":RESOLUTION:1:warning:60"));
        assertEquals(Instant.parse("2026-03-02T05:00:00Z"), keys.get("sla:" + id + ":RESOLUTION:1:breach"));
        assertEquals(Instant.parse("2026-03-02T06:00:00Z"), keys.get("sla:" + id + ":RESOLUTION:1:after:60"));

        Map<String, Object> summary = as("admin").get("/api/tickets/" + number).then().statusCode(200).extract()
                .path("");
        List<Map<String, Object>> mine = sla("customer1", number, "zh-CN");
        assertEquals(List.of("FIRST_RESPONSE"), mine.stream().map(t -> t.get("target")).toList(),
                "customers see when to expect an answer, nothing else");
        assertEquals("首次响应", mine.get(0).get("label"));
        assertNull(mine.get(0).get("targetMinutes"));
        assertFalse(summary.isEmpty());
        as("customer2").get("/api/tickets/" + number + "/sla").then().statusCode(404);
    }

    @Test
    void firstResponseStopsAtAPublicStaffReplyButNotAtANote() throws Throwable {
        clockAt("2026-03-02T02:00:00Z"); // Monday 10:00 Shanghai
        String number = createTicket("agent1", incident("P3", "someone@example.com")); // standard: 240 min
        as("agent1").body(Map.of("text", "内部备注", "internal", true)).post("/api/tickets/" + number + "/comments")
                .then().statusCode(201);
        settle();
        Map<String, Object> first = target(sla("admin", number, "en"), "FIRST_RESPONSE");
        assertEquals("ON_TRACK", first.get("state"), "a note is no response");
        assertEquals(Instant.parse("2026-03-02T06:01:00Z"), due(first), "10:00:0x → 10:01 + 240 working minutes");

        as("admin").body(Map.of("advanceMinutes", 10)).post("/api/clock").then().statusCode(200);
        as("agent1").body(Map.of("text", "您好，我们正在处理", "internal", false))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        settle();
        List<Map<String, Object>> targets = sla("admin", number, "en");
        first = target(targets, "FIRST_RESPONSE");
        assertEquals("MET", first.get("state"));
        assertNull(first.get("remainingWorkingMinutes"));
        long id = ticketId(number);
        Object[] outcome = outcomes(id).get("FIRST_RESPONSE:1");
        assertEquals(Boolean.TRUE, outcome[1]);
        long used = ((Number) outcome[2]).longValue();
        assertTrue(used >= 9 && used <= 10, "about ten working minutes, was " + used);
        assertTrue(deadlines(id).keySet().stream().noneMatch(k -> k.contains(":FIRST_RESPONSE:")),
                "a stopped target has no deadline left");

        as("customer1").header("Accept-Language", "en").get("/api/tickets/" + number + "/sla").then().statusCode(404);
    }

    @Test
    void aPolicyChangeWhilePausedKeepsThePausedTimeAndReopeningStartsANewCycle() throws Throwable {
        clockAt("2026-03-02T00:59:30Z"); // Monday 08:59:30 Shanghai: the clocks start at 09:00
        String number = createTicket("agent1", incident("P3", "paused@example.com"));
        long id = ticketId(number);
        clockAt("2026-03-02T02:00:00Z"); // 10:00: 60 working minutes used, then waiting on the customer
        complete("agent2", openTask(number, "incident-diagnosis"), Map.of("diagnosis", "网线松动")).then()
                .statusCode(200);
        complete("agent2", openTask(number, "incident-repair"), Map.of("actionTaken", "重新插好网线")).then()
                .statusCode(200);
        settle(); // WAITING_CUSTOMER: paused
        Map<String, Object> resolution = target(sla("admin", number, "en"), "RESOLUTION");
        assertEquals("PAUSED", resolution.get("state"));
        assertNull(resolution.get("dueAt"));
        assertEquals(2400, ((Number) resolution.get("targetMinutes")).intValue(), "standard P3");

        clockAt("2026-03-02T04:59:30Z"); // 12:59:30: three hours paused
        as("supervisor").body(Map.of("priority", "P1", "reason", "生产线停工"))
                .post("/api/tickets/" + number + "/priority").then().statusCode(200);
        settle();
        resolution = target(sla("admin", number, "en"), "RESOLUTION");
        assertEquals("PAUSED", resolution.get("state"), "still waiting on the customer");
        assertEquals(240, ((Number) resolution.get("targetMinutes")).intValue(), "p1-p2 policy now");
        assertEquals(180, ((Number) resolution.get("remainingWorkingMinutes")).intValue(), "the pause cost nothing");
        List<String> en = as("admin").header("Accept-Language", "en").get("/api/tickets/" + number + "/timeline")
                .then().statusCode(200).extract().path("findAll { it.kind == 'SLA_RECOMPUTED' }.summary");
        assertEquals(2, en.size(), "first response and resolution moved: " + en);
        assertTrue(en.stream().anyMatch(e -> e.contains("Resolution target now 240 working minutes, was 2400")
                && e.contains("priority P3→P1")), en.toString());
        List<String> zh = as("admin").header("Accept-Language", "zh-CN").get("/api/tickets/" + number + "/timeline")
                .then().statusCode(200).extract().path("findAll { it.kind == 'SLA_RECOMPUTED' }.summary");
        assertTrue(zh.stream().anyMatch(e -> e.contains("SLA 已重新计算：解决目标现为 240 个工作分钟")
                && e.contains("优先级 P3→P1")), zh.toString());

        as("agent1").body(Map.of("text", "客户已确认可以打印", "internal", false))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        complete("agent1", openTask(number, "incident-acceptance"), Map.of("fixed", false, "acceptanceNote", "仍然卡纸"))
                .then().statusCode(200); // back to repair: IN_PROGRESS, the clock resumes at 12:59:3x → 13:00
        settle();
        resolution = target(sla("admin", number, "en"), "RESOLUTION");
        assertEquals(Instant.parse("2026-03-02T08:00:00Z"), due(resolution),
                "60 used before the pause + 180 from 13:00 = 16:00 Shanghai");
        assertEquals("ON_TRACK", resolution.get("state"));
        assertEquals(Instant.parse("2026-03-02T08:00:00Z"), deadlines(id).get("sla:" + id + ":RESOLUTION:1:breach"));

        complete("engineer1", openTask(number, "incident-repair"), Map.of("actionTaken", "清理进纸器")).then()
                .statusCode(200);
        complete("agent1", openTask(number, "incident-acceptance"), Map.of("fixed", true)).then().statusCode(200);
        settle();
        Map<String, Object[]> outcomes = outcomes(id);
        assertEquals(Boolean.TRUE, outcomes.get("RESOLUTION:1")[1], "resolved within 240 working minutes");
        assertEquals(Boolean.FALSE, outcomes.get("FIRST_RESPONSE:1")[1], "P1: 30 minutes, answered after 4 hours");
        assertTrue(deadlines(id).keySet().stream().noneMatch(k -> k.contains(":RESOLUTION:1:warning")),
                "no unfired rung is left behind");

        clockAt("2026-03-03T01:59:30Z"); // Tuesday 09:59:30
        as("agent1").body(Map.of("reason", "又卡纸了")).post("/api/tickets/" + number + "/reopen").then()
                .statusCode(200);
        settle();
        List<Map<String, Object>> targets = sla("admin", number, "en");
        Map<String, Object> second = target(targets, "RESOLUTION");
        assertEquals(Instant.parse("2026-03-03T06:00:00Z"), due(second), "cycle 2: a fresh 240 from 10:00");
        assertEquals(Instant.parse("2026-03-03T03:00:00Z"), due(target(targets, "NEXT_RESPONSE")),
                "the reopening waits for an answer: 60 working minutes");
        assertTrue(deadlines(id).containsKey("sla:" + id + ":RESOLUTION:2:breach"));
        assertEquals(2, targets.stream().filter(t -> "RESOLUTION".equals(t.get("target"))).count());
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
