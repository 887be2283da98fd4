package io.flowdesk.automation;

import static io.flowdesk.automation.Rules.await;
import static io.flowdesk.automation.Rules.drain;
import static io.flowdesk.automation.Rules.incident;
import static io.flowdesk.automation.Rules.refund;
import static io.flowdesk.automation.Rules.summaries;
import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two shipped sample rules end to end: switched off as shipped, then on. */
@QuarkusTest
class AutomationSeedsTest {

    @Inject
    TicketEventStream stream;

    @Inject
    Deadlines deadlines;

    @BeforeEach
    void caughtUp() throws Throwable {
        drain(stream); // what other tests wrote meets no enabled rule of ours
    }

    static void clockAt(String instant) {
        as("admin").body(Map.of("set", instant)).post("/api/clock").then().statusCode(200);
    }

    static String priority(String number) {
        return as("admin").get("/api/tickets/" + number).then().statusCode(200).extract().path("priority");
    }

    static String department(String number) {
        List<Map<String, Object>> tasks = as("admin").get("/api/tickets/" + number).then().statusCode(200)
                .extract().path("openTasks");
        return (String) tasks.get(0).get("department");
    }

    @Test
    void bothSamplesShipSwitchedOff() {
        List<Map<String, Object>> rules = as("admin").get("/api/automation/rules").then().statusCode(200).extract()
                .path("");
        Map<String, Object> refund = rules.stream().filter(r -> "refund-to-finance".equals(r.get("key"))).findFirst()
                .orElseThrow();
        Map<String, Object> late = rules.stream().filter(r -> "no-first-response-4h".equals(r.get("key")))
                .findFirst().orElseThrow();
        assertEquals(List.of(false, false), List.of(refund.get("enabled"), late.get("enabled")));
        assertEquals("TICKET_CREATED", ((Map<?, ?>) refund.get("trigger")).get("type"));
        assertEquals("TIME", ((Map<?, ?>) late.get("trigger")).get("type"));
        as("agent1").get("/api/automation/rules").then().statusCode(403);
    }

    @Test
    void aTitleWithRefundGoesToFinanceWithTheRuleNamedOnTheTimeline() throws Throwable {
        as("admin").post("/api/automation/rules/refund-to-finance/enable").then().statusCode(200);
        try {
            String chinese = createTicket("agent1", refund("申请退款", 199));
            String english = createTicket("agent1", incident("Please ＲＥＦＵＮＤ my order", "P3"));
            String other = createTicket("agent1", incident("打印机坏了", "P3"));
            drain(stream);
            assertEquals("finance", department(chinese));
            assertEquals("finance", department(english), "case-insensitive after NFKC: full-width letters too");
            assertEquals("it-support", department(other));
            assertEquals(List.of("Rule “Refund tickets go to finance” fired: routed to department finance"),
                    summaries(chinese, "AUTOMATION_FIRED", "en"));
            assertEquals(List.of("规则“退款工单转财务”已执行：已转到部门 finance"),
                    summaries(chinese, "AUTOMATION_FIRED", "zh-CN"));
            List<Map<String, Object>> trace = as("admin").get("/api/tickets/" + other + "/automation-trace").then()
                    .statusCode(200).extract().path("");
            assertTrue(trace.stream().anyMatch(t -> "refund-to-finance".equals(t.get("rule"))
                    && "NOT_MATCHED".equals(t.get("outcome")) && ((String) t.get("failed")).contains("title")),
                    trace.toString());
            drain(stream);
            assertEquals(1, summaries(chinese, "AUTOMATION_FIRED", "en").size(), "once per ticket and event");
        } finally {
            Rules.disable("refund-to-finance");
        }
    }

    @Test
    void noFirstResponseInFourWorkingHoursRaisesThePriorityOnceAtTheMinute() throws Throwable {
        clockAt("2026-03-02T02:00:00Z"); // Monday 10:00 in Shanghai (cn-standard)
        as("admin").post("/api/automation/rules/no-first-response-4h/enable").then().statusCode(200);
        try {
            String silent = createTicket("agent1", incident("无人回复 " + System.nanoTime(), "P3"));
            String answered = createTicket("agent1", incident("已回复 " + System.nanoTime(), "P3"));
            drain(stream);
            as("agent1").body(Map.of("text", "我们正在处理", "internal", false))
                    .post("/api/tickets/" + answered + "/comments").then().statusCode(201);
            drain(stream);
            Instant due = due(silent);
            String created = as("admin").get("/api/tickets/" + silent).then().extract().path("createdAt");
            String expected = as("admin").queryParam("start", OffsetDateTime.parse(created).toInstant().toString())
                    .queryParam("minutes", 240).get("/api/calendars/cn-standard/due").then().statusCode(200)
                    .extract().path("due");
            assertEquals(Instant.parse(expected), due, "240 working minutes of cn-standard");
            assertTrue(due.isAfter(Instant.parse("2026-03-02T06:00:00Z")), "the lunch break does not count");

            clockAt(due.minusSeconds(60).toString());
            await(() -> deadlines.drainDue());
            assertEquals("P3", priority(silent), "a minute early: nothing yet");
            clockAt(due.plusSeconds(1).toString());
            await(() -> deadlines.drainDue());
            assertEquals("P2", priority(silent), "one step up");
            assertEquals("P3", priority(answered), "answered in time: the condition fails at fire time");
            assertEquals(1, summaries(silent, "AUTOMATION_FIRED", "en").size());
            assertTrue(summaries(silent, "AUTOMATION_FIRED", "zh-CN").get(0).contains("4 个工作小时未首次响应升优先级"));
            List<Map<String, Object>> trace = as("admin").get("/api/tickets/" + answered + "/automation-trace")
                    .then().statusCode(200).extract().path("");
            assertTrue(trace.stream().anyMatch(t -> "NOT_MATCHED".equals(t.get("outcome"))
                    && "firstResponse empty".equals(t.get("failed"))), trace.toString());
            clockAt(due.plusSeconds(3600).toString());
            await(() -> deadlines.drainDue());
            drain(stream);
            assertEquals("P2", priority(silent), "fired once, not again an hour later");
        } finally {
            Rules.disable("no-first-response-4h");
        }
    }

    Instant due(String number) throws Throwable {
        long id = Rules.ticketId(number);
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select due_at from deadline where key like 'automation:no-first-response-4h:%' and ticket_id = ?1", OffsetDateTime.class)
                .setParameter(1, id).getSingleResult()))).toInstant();
    }
}
