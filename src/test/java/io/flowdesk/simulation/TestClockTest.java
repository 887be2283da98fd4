package io.flowdesk.simulation;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * "Try it" with a virtual clock (ADR 0048), end to end through REST: a test ticket's step warning, breach and
 * escalation and the flow's boundary timer fire at their simulated instants, once each however often the clock moves
 * or the deadlines are drained; a real ticket of the same template beside it keeps its rows and its timer untouched.
 */
@QuarkusTest
class TestClockTest {

    static String key;
    static List<Map<String, Object>> policiesBefore;

    @Inject
    Deadlines deadlines;

    @Inject
    TicketEventStream stream;

    /** The flow and its policy (first in the list); {@link #restorePolicies} puts the list back. */
    void templateAndPolicy() throws Throwable {
        key = SimFlow.newKey();
        as("designer").contentType("application/zip").body(SimFlow.zip(key)).post("/api/design/templates/import")
                .then().statusCode(201);
        as("admin").post("/api/design/templates/" + key + "/publish").then().statusCode(200);
        policiesBefore = as("admin").get("/api/sla/policies").then().statusCode(200).extract().path("");
        List<Map<String, Object>> mine = new ArrayList<>();
        mine.add(SimFlow.policy(key));
        mine.addAll(policiesBefore);
        as("admin").body(mine).put("/api/sla/policies").then().statusCode(200);
        awaitRecompute();
    }

    void restorePolicies() throws Throwable {
        as("admin").body(policiesBefore).put("/api/sla/policies").then().statusCode(200);
        awaitRecompute();
    }

    /**
     * A policy edit recomputes the open tickets through a deadline row (ADR 0022); the scanner does not run by itself
     * in tests, so it is drained here until the recompute is over.
     */
    void awaitRecompute() throws Throwable {
        for (int i = 0; i < 600; i++) {
            await(() -> deadlines.drainDue());
            Boolean running = as("admin").get("/api/sla/policies/recompute").then().statusCode(200).extract()
                    .path("recomputing");
            if (!Boolean.TRUE.equals(running)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void aTestTicketRunsOnItsOwnClockAndARealOneRefuses() throws Throwable {
        templateAndPolicy();
        try {
            warningBreachEscalationAndTimerFireOnceAtSimulatedTimesAndNoRealTicketMoves();
            aRealTicketRefusesInTheReadersLanguageAndBadInputNamesTheField();
        } finally {
            restorePolicies();
        }
    }

    void warningBreachEscalationAndTimerFireOnceAtSimulatedTimesAndNoRealTicketMoves() throws Throwable {
        String real = io.flowdesk.testing.Api.createTicket("agent1", Map.of("type", key, "title", "real beside",
                "priority", "P3", "customer", Map.of("name", "Real", "email", "real@example.com"),
                "data", Map.of("amount", 10, "ok", true)));
        String test = as("designer").body(Map.of("title", "vclock try", "data", Map.of("amount", 10, "ok", true)))
                .post("/api/design/templates/" + key + "/try").then().statusCode(200).extract().path("number");
        long realId = longOf("select id from ticket where number = '" + real + "'");
        long testId = longOf("select id from ticket where number = '" + test + "'");
        await(() -> stream.drain("sla"));
        await(() -> stream.drain("sla"));
        assertEquals(3, longOf("select count(*) from deadline where ticket_id = " + testId + " and key like 'sla:"
                + testId + ":STEP:%'"), "the step ladder of the test ticket: warning, breach, +30");
        List<String> realRows = rows("select key || '|' || due_at || '|' || coalesce(fired_at::text, '-') from "
                + "deadline where ticket_id = " + realId + " order by key");
        List<String> realTimers = rows("select j.id_ || '|' || j.duedate_ from act_ru_timer_job j join ticket t on "
                + "t.process_instance_id = j.process_instance_id_ where t.id = " + realId + " order by j.id_");
        assertEquals(3, realRows.size(), "the real ticket has the same ladder: " + realRows);
        assertEquals(1, realTimers.size(), "and the same boundary timer: " + realTimers);
        Instant stepStart = instantOf("select started_at from sla_clock where ticket_id = " + testId
                + " and target = 'STEP'");

        // what falls due next: the warning, 45 minutes after the step started
        as("designer").header("Accept-Language", "en").get("/api/tickets/" + test + "/test-clock").then()
                .statusCode(200).body("nextKind", equalTo("sla")).body("nextLabel", containsString("warning"))
                .body("offsetMinutes", equalTo(0));

        as("designer").body(Map.of("to", "next-deadline")).post("/api/tickets/" + test + "/test-clock/advance")
                .then().statusCode(200);
        assertEquals(1, count(testId, "SLA_WARNING"));
        assertEquals(0, count(testId, "SLA_BREACHED"));
        assertAt(testId, "SLA_WARNING", stepStart.plus(Duration.ofMinutes(45)));

        // four working hours (24x7 calendar): breach at 60, escalation at 90, the boundary timer at 180
        as("designer").header("Accept-Language", "zh-CN").body(Map.of("workingHours", 4))
                .post("/api/tickets/" + test + "/test-clock/advance").then().statusCode(200)
                .body("offsetMinutes", org.hamcrest.Matchers.greaterThanOrEqualTo(4 * 60 + 40));
        assertAt(testId, "SLA_BREACHED", stepStart.plus(Duration.ofMinutes(60)));
        assertAt(testId, "SLA_ESCALATED", stepStart.plus(Duration.ofMinutes(90)));
        Instant followUp = instantOf("select at from ticket_event where ticket_id = " + testId + " and kind = "
                + "'TASK_STARTED' and details_json like '%Follow up%'");
        assertTrue(!followUp.isBefore(stepStart.plus(Duration.ofMinutes(180)))
                && followUp.isBefore(stepStart.plus(Duration.ofMinutes(185))), "the timer fired at its simulated "
                        + "instant (step start + 3 h): " + followUp + " vs " + stepStart);
        assertEquals("P2", stringOf("select priority from ticket where id = " + testId), "the escalation raised it");

        // again, and drained again: nothing fires twice
        as("designer").body(Map.of("days", 3)).post("/api/tickets/" + test + "/test-clock/advance").then()
                .statusCode(200).body("offsetMinutes", org.hamcrest.Matchers.greaterThanOrEqualTo(3 * 1440));
        await(() -> deadlines.drainDue());
        await(() -> stream.drain("sla"));
        await(() -> deadlines.drainDue());
        for (String kind : List.of("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED")) {
            assertEquals(1, count(testId, kind), kind + " once");
        }
        assertEquals(3, longOf("select count(*) from sla_firing where ticket_id = " + testId));
        assertEquals(1, longOf("select count(*) from ticket_event where ticket_id = " + testId + " and kind = "
                + "'TASK_STARTED' and details_json like '%Follow up%'"), "the timer ran once");
        assertEquals(3, count(testId, "TEST_CLOCK_ADVANCED"));
        assertEquals(0, longOf("select count(*) from notification where ticket_id = " + testId),
                "a test ticket tells no real person");

        // the real ticket: rows, timer and timeline as they were
        assertEquals(realRows, rows("select key || '|' || due_at || '|' || coalesce(fired_at::text, '-') from "
                + "deadline where ticket_id = " + realId + " order by key"));
        assertEquals(realTimers, rows("select j.id_ || '|' || j.duedate_ from act_ru_timer_job j join ticket t on "
                + "t.process_instance_id = j.process_instance_id_ where t.id = " + realId + " order by j.id_"));
        assertEquals(0, longOf("select count(*) from ticket_event where ticket_id = " + realId + " and kind like "
                + "'SLA_%'"));
        assertEquals(0, longOf("select count(*) from test_clock where ticket_id = " + realId));
    }

    void aRealTicketRefusesInTheReadersLanguageAndBadInputNamesTheField() {
        String real = io.flowdesk.testing.Api.createTicket("agent1", Map.of("type", key, "title", "real refuses",
                "priority", "P3", "customer", Map.of("name", "Real", "email", "real@example.com"),
                "data", Map.of("amount", 10, "ok", true)));
        as("admin").header("Accept-Language", "zh-CN").body(Map.of("days", 3))
                .post("/api/tickets/" + real + "/test-clock/advance").then().statusCode(409)
                .body("detail", containsString("真实工单"));
        as("admin").header("Accept-Language", "en").body(Map.of("days", 3))
                .post("/api/tickets/" + real + "/test-clock/advance").then().statusCode(409)
                .body("detail", containsString("real ticket"));
        as("admin").get("/api/tickets/" + real + "/test-clock").then().statusCode(409);
        as("agent1").body(Map.of("days", 3)).post("/api/tickets/" + real + "/test-clock/advance").then()
                .statusCode(403);

        String test = as("designer").body(Map.of("title", "vclock bad input", "data", Map.of("amount", 1,
                "ok", true))).post("/api/design/templates/" + key + "/try").then().statusCode(200).extract()
                .path("number");
        as("designer").header("Accept-Language", "en").body(Map.of("days", 0))
                .post("/api/tickets/" + test + "/test-clock/advance").then().statusCode(422)
                .body("errors.pointer", hasItem("/days")).body("errors[0].message", containsString("Days"));
        as("designer").header("Accept-Language", "zh-CN").body(Map.of("workingHours", 4, "days", 1))
                .post("/api/tickets/" + test + "/test-clock/advance").then().statusCode(422)
                .body("detail", containsString("只给出一项"));
        as("designer").body(Map.of("to", "yesterday")).post("/api/tickets/" + test + "/test-clock/advance").then()
                .statusCode(422).body("errors.pointer", hasItem("/to"));
        as("agent1").get("/api/tickets/" + test + "/test-clock").then().statusCode(403);
    }

    private static void assertAt(long ticketId, String kind, Instant due) throws Throwable {
        Instant at = instantOf("select at from ticket_event where ticket_id = " + ticketId + " and kind = '" + kind
                + "'");
        assertNotNull(at, kind);
        assertTrue(!at.isBefore(due) && at.isBefore(due.plus(Duration.ofMinutes(2))), kind + " at its simulated "
                + "instant " + due + ", stamped " + at);
    }

    private static long count(long ticketId, String kind) throws Throwable {
        return longOf("select count(*) from ticket_event where ticket_id = " + ticketId + " and kind = '" + kind
                + "'");
    }

    static long longOf(String sql) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql,
                Object.class).getSingleResult().map(v -> ((Number) v).longValue()))));
    }

    static String stringOf(String sql) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql,
                Object.class).getSingleResult().map(String::valueOf))));
    }

    static Instant instantOf(String sql) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql,
                Object.class).getSingleResult().map(io.flowdesk.shared.SqlTime::instant))));
    }

    static List<String> rows(String sql) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql,
                Object.class).getResultList().map(list -> list.stream().map(String::valueOf).toList()))));
    }

    static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
