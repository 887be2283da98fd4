package io.flowdesk.automation;

import static io.flowdesk.automation.Rules.act;
import static io.flowdesk.automation.Rules.await;
import static io.flowdesk.automation.Rules.incident;
import static io.flowdesk.automation.Rules.rule;
import static io.flowdesk.automation.Rules.summaries;
import static io.flowdesk.automation.Rules.trigger;
import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.Test;

/**
 * Time rules counted back from an SLA deadline ({@code trigger.before}): the rule's deadline follows the target's,
 * fires once at the minute, and goes when the target stops before it.
 */
@QuarkusTest
class BeforeDeadlineRuleTest {

    @Inject
    TicketEventStream stream;

    @Inject
    Deadlines deadlines;

    static void clockAt(String instant) {
        as("admin").body(Map.of("set", instant)).post("/api/clock").then().statusCode(200);
    }

    void settle() throws Throwable {
        for (String consumer : List.of("sla", "automation")) {
            long end = System.nanoTime() + 30_000_000_000L;
            while (true) {
                await(() -> stream.drain(consumer));
                long max = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select coalesce(max(id), 0) from ticket_event", Long.class).getSingleResult())));
                if (await(() -> stream.position(consumer)) >= max) {
                    break;
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError(consumer + " did not catch up");
                }
                Thread.sleep(100);
            }
        }
    }

    static Instant firstResponseDue(String number) {
        List<Map<String, Object>> targets = as("admin").get("/api/tickets/" + number + "/sla").then().statusCode(200)
                .extract().path("");
        return targets.stream().filter(t -> "FIRST_RESPONSE".equals(t.get("target"))).map(t -> (String) t.get("dueAt"))
                .map(Instant::parse).findFirst().orElseThrow();
    }

    static Instant ruleDeadline(String rule, long ticketId) throws Throwable {
        List<OffsetDateTime> due = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select due_at from deadline where key like ?1 and ticket_id = ?2 and fired_at is null",
                        OffsetDateTime.class).setParameter(1, "automation:" + rule + ":" + ticketId + ":before:%")
                .setParameter(2, ticketId).getResultList())));
        assertTrue(due.size() <= 1, due.toString());
        return due.isEmpty() ? null : due.get(0).toInstant();
    }

    static List<String> tags(String number) {
        return as("admin").get("/api/tickets/" + number + "/tags").then().statusCode(200).extract().path("");
    }

    @Test
    void tenWorkingMinutesBeforeTheFirstResponseDeadlineTheRuleFiresOnceAndAnAnswerCancelsIt() throws Throwable {
        String key = "before-fr-" + System.nanoTime() % 1_000_000;
        clockAt("2026-03-09T02:00:00Z"); // Monday 10:00 in Shanghai (cn-standard)
        Map<String, Object> r = rule(key, trigger("TIME", "before", "FIRST_RESPONSE", "minutes", "10", "working",
                "true", "calendar", "cn-standard"), List.of(), List.of(), List.of(act("addTag", "value", "fr-soon")));
        as("admin").body(r).post("/api/automation/rules").then().statusCode(201);
        try {
            String silent = createTicket("agent1", incident("快到期 " + System.nanoTime(), "P1"));
            String answered = createTicket("agent1", incident("已答复 " + System.nanoTime(), "P1"));
            settle();
            long silentId = Rules.ticketId(silent);
            long answeredId = Rules.ticketId(answered);
            Instant due = firstResponseDue(silent);
            Instant at = ruleDeadline(key, silentId);
            assertEquals(due.minusSeconds(600), at, "10 working minutes before " + due + " (no break in between)");
            assertTrue(ruleDeadline(key, answeredId) != null, "scheduled for the second ticket too");

            as("agent1").body(Map.of("text", "我们正在处理", "internal", false))
                    .post("/api/tickets/" + answered + "/comments").then().statusCode(201);
            settle();
            assertNull(ruleDeadline(key, answeredId), "the first response stopped the clock: nothing left to fire");

            clockAt(at.minusSeconds(30).toString());
            await(() -> deadlines.drainDue());
            settle();
            assertFalse(tags(silent).contains("fr-soon"), "half a minute early: nothing yet");
            clockAt(at.plusSeconds(1).toString());
            await(() -> deadlines.drainDue());
            settle();
            assertTrue(tags(silent).contains("fr-soon"), tags(silent).toString());
            assertFalse(tags(answered).contains("fr-soon"));
            assertEquals(1, summaries(silent, "AUTOMATION_FIRED", "en").size());
            assertTrue(summaries(silent, "AUTOMATION_FIRED", "en").get(0).contains("Rule " + key), 
                    summaries(silent, "AUTOMATION_FIRED", "en").toString());

            // a later recompute (priority change) moves nothing that fired: once per target and cycle
            as("supervisor").body(Map.of("priority", "P2", "reason", "降级"))
                    .post("/api/tickets/" + silent + "/priority").then().statusCode(200);
            settle();
            clockAt(due.plusSeconds(3600).toString());
            await(() -> deadlines.drainDue());
            settle();
            assertEquals(1, summaries(silent, "AUTOMATION_FIRED", "en").size(), "fired once, not again");
        } finally {
            as("admin").delete("/api/automation/rules/" + key).then().statusCode(204);
        }
    }

    @Test
    void countingFromAnEventAndBackFromADeadlineAtOnceIsRefusedByLabel() {
        Map<String, Object> r = rule("both-" + System.nanoTime() % 100000, trigger("TIME", "before", "RESOLUTION",
                "since", "CREATED", "minutes", "10"), List.of(), List.of(), List.of(act("addTag", "value", "x")));
        List<String> zh = as("admin").header("Accept-Language", "zh-CN").body(r).post("/api/automation/rules").then()
                .statusCode(422).extract().path("errors.message");
        assertTrue(zh.contains("倒数的截止时间：只能从某个事件起算或从截止时间倒数，不能同时设置"), zh.toString());
        Map<String, Object> bad = rule("bad-" + System.nanoTime() % 100000, trigger("TIME", "before", "LUNCH",
                "minutes", "10"), List.of(), List.of(), List.of(act("addTag", "value", "x")));
        List<String> en = as("admin").header("Accept-Language", "en").body(bad).post("/api/automation/rules").then()
                .statusCode(422).extract().path("errors.message");
        assertEquals(List.of("Choose a valid Deadline to count back from"), en);
    }
}
