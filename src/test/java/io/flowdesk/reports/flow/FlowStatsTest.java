package io.flowdesk.reports.flow;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.reports.flow.internal.StepConsumer;
import io.flowdesk.testing.Streams;
import io.flowdesk.testing.Tickets;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Per-step statistics of it-incident over tickets walked with known times on the adjustable clock (ADR 0032). The
 * tickets live on a day of their own (random per run), so other tickets in the database do not count. Durations are
 * compared to the second with a few seconds' slack: the shared clock keeps ticking while a request runs.
 */
@QuarkusTest
class FlowStatsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final long SLACK_SECONDS = 5;

    LocalDate day;
    Instant t0;

    void at(long minutes) {
        as("admin").body(Map.of("set", t0.plusSeconds(minutes * 60).toString())).post("/api/clock").then()
                .statusCode(200);
    }

    /** Waits until the relay has applied every engine event of the ticket (task rows, claims) at the current time. */
    static void settled(String number) throws Throwable {
        long end = System.nanoTime() + 20_000_000_000L;
        while (await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select count(*) from engine_event e join ticket t on t.id = e.ticket_id where t.number = ?1",
                Long.class).setParameter(1, number).getSingleResult()))) > 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the relay did not apply the events of " + number);
            }
            Thread.sleep(50);
        }
    }

    String ticket(long atMinute) throws Throwable {
        at(atMinute);
        String number = createTicket("agent1", Tickets.body("it-incident", "P3", Map.of("summary", "打印机无法打印",
                "category", "hardware", "location", "3F-301")));
        settled(number);
        return number;
    }

    /** Claims the open step with the given form at {@code claimAt} and completes it at {@code doneAt}. */
    void step(String number, String form, long claimAt, long doneAt, Map<String, Object> data) throws Throwable {
        String task = openTask(number, form);
        at(claimAt);
        as("agent2").post("/api/tasks/" + task + "/claim").then().statusCode(200);
        settled(number);
        at(doneAt);
        complete("agent2", task, data).then().statusCode(200);
        settled(number);
    }

    static final Map<String, Object> DIAGNOSIS = Map.of("diagnosis", "网线松动");
    static final Map<String, Object> REPAIR = Map.of("actionTaken", "重新插好网线");
    static final Map<String, Object> FIXED = Map.of("fixed", true, "acceptanceNote", "好了");
    static final Map<String, Object> NOT_FIXED = Map.of("fixed", false, "acceptanceNote", "仍然卡纸");

    @Inject
    TicketEventStream stream;

    @Test
    void stepTimesReworkAndFlowCountsMatchTheHandComputedValues() throws Throwable {
        day = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        t0 = day.atTime(9, 0).atZone(SHANGHAI).toInstant();

        // A: diagnosis 10 waiting + 30 working; repair 20 + 60; acceptance 10 + 20, not fixed; repair 5 + 20;
        // acceptance 5 + 5, fixed
        String a = ticket(0);
        step(a, "incident-diagnosis", 10, 40, DIAGNOSIS);
        step(a, "incident-repair", 60, 120, REPAIR);
        step(a, "incident-acceptance", 130, 150, NOT_FIXED);
        step(a, "incident-repair", 155, 175, REPAIR);
        step(a, "incident-acceptance", 180, 185, FIXED);
        // B: diagnosis 20 + 10; repair 40 + 120; acceptance 25 + 35
        String b = ticket(200);
        step(b, "incident-diagnosis", 220, 230, DIAGNOSIS);
        step(b, "incident-repair", 270, 390, REPAIR);
        step(b, "incident-acceptance", 415, 450, FIXED);
        // C: diagnosis 30 + 50; repair 60 + 30; acceptance 15 + 10
        String c = ticket(460);
        step(c, "incident-diagnosis", 490, 540, DIAGNOSIS);
        step(c, "incident-repair", 600, 630, REPAIR);
        step(c, "incident-acceptance", 645, 655, FIXED);
        // a test ticket with very long steps: left out everywhere
        String test = ticket(660);
        await(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "update ticket set is_test = true where number = ?1").setParameter(1, test).executeUpdate())));
        step(test, "incident-diagnosis", 1000, 1300, DIAGNOSIS);
        Streams.drain(stream, StepConsumer.NAME);

        Map<String, Object> report = as("supervisor").header("Accept-Language", "en")
                .get("/api/reports/flow/it-incident?from=" + day + "&to=" + day).then().statusCode(200).extract()
                .path("");
        assertEquals(3, ((Number) report.get("tickets")).intValue(), "A, B and C; not the test ticket");

        Map<String, Object> diagnosis = step(report, "taskDiagnosis");
        assertEquals("Diagnosis", diagnosis.get("name"));
        counts(diagnosis, 3, 3, 0, 3);
        // waiting 10, 20, 30 min; working 10, 30, 50; totals 30, 40, 80
        seconds(diagnosis, "waitMedianSeconds", 20 * 60);
        seconds(diagnosis, "waitP90Seconds", 28 * 60); // 20 + 0.8 × (30 − 20)
        seconds(diagnosis, "workMedianSeconds", 30 * 60);
        seconds(diagnosis, "workP90Seconds", 46 * 60); // 30 + 0.8 × (50 − 30)
        seconds(diagnosis, "totalMedianSeconds", 40 * 60);

        Map<String, Object> repair = step(report, "taskRepair");
        counts(repair, 4, 3, 1, 4); // A entered it twice
        // waiting 5, 20, 40, 60; working 20, 30, 60, 120; totals 25, 80, 90, 160
        seconds(repair, "waitMedianSeconds", 30 * 60);
        seconds(repair, "waitP90Seconds", 54 * 60); // 40 + 0.7 × (60 − 40)
        seconds(repair, "workMedianSeconds", 45 * 60);
        seconds(repair, "workP90Seconds", 102 * 60); // 60 + 0.7 × (120 − 60)
        seconds(repair, "totalMedianSeconds", 85 * 60);

        Map<String, Object> acceptance = step(report, "taskAcceptance");
        counts(acceptance, 4, 3, 1, 4);
        // waiting 5, 10, 15, 25; working 5, 10, 20, 35; totals 10, 25, 30, 60
        seconds(acceptance, "waitMedianSeconds", 750);
        seconds(acceptance, "waitP90Seconds", 22 * 60); // 15 + 0.7 × (25 − 15)
        seconds(acceptance, "workMedianSeconds", 15 * 60);
        seconds(acceptance, "workP90Seconds", 1830); // 20 + 0.7 × (35 − 20) = 30.5 min
        seconds(acceptance, "totalMedianSeconds", 1650);

        assertNull(step(report, "taskOncallDiagnosis"), "no P1 ticket went through on-call");
        assertEquals("taskRepair", report.get("slowestStep"));
        assertEquals("The slowest step is “Repair”: median 1 h 25 min", report.get("slowestText"));

        Map<String, Integer> taken = Map.of("flowStart", 3, "flowToDiagnosis", 3, "flowDiagnosisToRepair", 3,
                "flowToAcceptance", 4, "flowToGwAccepted", 4, "flowNotFixed", 1, "flowFixed", 3);
        List<Map<String, Object>> flows = (List<Map<String, Object>>) report.get("flows");
        assertEquals(taken.keySet(), flows.stream().map(f -> (String) f.get("flowId"))
                .collect(java.util.stream.Collectors.toSet()), flows.toString());
        for (Map<String, Object> flow : flows) {
            assertEquals(taken.get(flow.get("flowId")), ((Number) flow.get("taken")).intValue(), flow.toString());
        }
        assertEquals(3, ((Number) flows.stream().filter(f -> "flowToAcceptance".equals(f.get("flowId"))).findFirst()
                .orElseThrow().get("tickets")).intValue(), "4 times, by 3 tickets");
        assertTrue(((String) report.get("bpmnXml")).contains("taskRepair"));

        Map<String, Object> zh = as("admin").header("Accept-Language", "zh-CN")
                .get("/api/reports/flow/it-incident?from=" + day + "&to=" + day).then().statusCode(200).extract()
                .path("");
        assertEquals("最慢的步骤是「维修」：中位 1 小时 25 分钟", zh.get("slowestText"));
        assertEquals("诊断", step(zh, "taskDiagnosis").get("name"));

        // another day holds none of them
        Map<String, Object> before = as("supervisor").get("/api/reports/flow/it-incident?from=" + day.minusDays(1)
                + "&to=" + day.minusDays(1)).then().statusCode(200).extract().path("");
        assertEquals(0, ((Number) before.get("tickets")).intValue());
        assertEquals(List.of(), before.get("steps"));
        // the version filter: every ticket ran on the one deployed version
        Integer version = ((List<Integer>) report.get("versions")).get(((List<Integer>) report.get("versions")).size() - 1);
        Map<String, Object> pinned = as("supervisor").get("/api/reports/flow/it-incident?from=" + day + "&to=" + day
                + "&version=" + version).then().statusCode(200).extract().path("");
        assertEquals(3, ((Number) pinned.get("tickets")).intValue());

        // the drill-down: the tickets behind a step, the slowest first, never the test ticket
        List<Map<String, Object>> repairs = as("supervisor").get("/api/reports/flow/it-incident/steps/taskRepair/"
                + "tickets?from=" + day + "&to=" + day).then().statusCode(200).extract().path("");
        assertEquals(List.of(b, a, c), repairs.stream().map(r -> r.get("number")).toList(), repairs.toString());
        assertEquals(2, ((Number) repairs.get(1).get("entries")).intValue(), "A was repaired twice");
        assertEquals(105 * 60, ((Number) repairs.get(1).get("totalSeconds")).doubleValue(), SLACK_SECONDS * 2,
                "A: 20 + 60 and 5 + 20 minutes");
        List<Map<String, Object>> diagnoses = as("supervisor").get("/api/reports/flow/it-incident/steps/"
                + "taskDiagnosis/tickets?from=" + day + "&to=" + day).then().statusCode(200).extract().path("");
        assertEquals(List.of(c, a, b), diagnoses.stream().map(r -> r.get("number")).toList(), diagnoses.toString());
        as("agent1").get("/api/reports/flow/it-incident/steps/taskRepair/tickets").then().statusCode(403);

        // the rollups equal a recomputation from the whole history
        await(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "delete from report_step").executeUpdate().chain(() -> s.createNativeQuery("delete from report_flow")
                .executeUpdate()).chain(() -> s.createNativeQuery("update event_cursor set position = 0 where "
                + "consumer = ?1").setParameter(1, StepConsumer.NAME).executeUpdate()))));
        Streams.drain(stream, StepConsumer.NAME);
        Map<String, Object> rebuilt = as("supervisor").header("Accept-Language", "en")
                .get("/api/reports/flow/it-incident?from=" + day + "&to=" + day).then().statusCode(200).extract()
                .path("");
        assertEquals(report, rebuilt);
    }

    @Test
    void onlySupervisorsAndAdminsReadItAndBadInputIsNamed() {
        as("agent1").get("/api/reports/flow/it-incident").then().statusCode(403);
        as("customer1").get("/api/reports/flow/it-incident").then().statusCode(403);
        as("supervisor").header("Accept-Language", "zh-CN").get("/api/reports/flow/no-such-template").then()
                .statusCode(404).body("detail", org.hamcrest.Matchers.containsString("没有模板「no-such-template」"));
        as("supervisor").header("Accept-Language", "en").get("/api/reports/flow/no-such-template").then()
                .statusCode(404).body("detail", org.hamcrest.Matchers.containsString("There is no template"));
        as("supervisor").header("Accept-Language", "en").get("/api/reports/flow/it-incident?from=yesterday").then()
                .statusCode(422).body("detail", org.hamcrest.Matchers.containsString("From must be a date"));
        as("supervisor").header("Accept-Language", "zh-CN").get("/api/reports/flow/it-incident?version=x").then()
                .statusCode(422).body("detail", org.hamcrest.Matchers.containsString("版本必须是整数"));
        as("supervisor").get("/api/reports/flow/it-incident?from=2030-01-02&to=2030-01-01").then().statusCode(422);
        as("admin").get("/api/reports/flow/it-incident?version=999").then().statusCode(404);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> step(Map<String, Object> report, String id) {
        return ((List<Map<String, Object>>) report.get("steps")).stream().filter(s -> id.equals(s.get("id")))
                .findFirst().orElse(null);
    }

    static void counts(Map<String, Object> step, int count, int tickets, int rework, int completed) {
        assertEquals(count, ((Number) step.get("count")).intValue(), "entered: " + step);
        assertEquals(tickets, ((Number) step.get("tickets")).intValue(), "tickets: " + step);
        assertEquals(rework, ((Number) step.get("rework")).intValue(), "rework: " + step);
        assertEquals(completed, ((Number) step.get("completed")).intValue(), "completed: " + step);
    }

    static void seconds(Map<String, Object> step, String field, long expected) {
        long actual = ((Number) step.get(field)).longValue();
        assertTrue(Math.abs(actual - expected) <= SLACK_SECONDS, field + " of " + step.get("id") + ": expected "
                + expected + " s, was " + actual + " s");
    }

    static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
