package io.flowdesk.routing;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.templates.ImportResult;
import io.flowdesk.templates.TemplateImporter;
import io.flowdesk.testing.Api;
import io.flowdesk.testing.Tickets;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real database and engine: a template copy whose first step ("客服受理", customer-service) is
 * routed automatically; the stream is drained by hand (the background poller is off in this profile) so the test
 * sees the state between "started" and "decided".
 */
@QuarkusTest
@TestProfile(RoutingFlowTest.ManualStream.class)
class RoutingFlowTest {

    public static class ManualStream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("flowdesk.events.enabled", "false", "flowdesk.routing.announce-p1", "true");
        }
    }

    static final List<String> TEAM = List.of("supervisor", "agent1", "agent2");

    @Inject
    TicketEventStream stream;

    @Inject
    TemplateImporter importer;

    @Inject
    io.flowdesk.routing.RoutingService routing;

    static boolean imported;

    @BeforeEach
    void template() throws Throwable {
        if (!imported) {
            for (String[] t : List.of(new String[] {"routing-rr", "round-robin", ""},
                    new String[] {"routing-skill", "best-skill", " flowdesk:skills=\"refund:3\""})) {
                Path root = Files.createTempDirectory("routing-tpl");
                Path dir = Files.createDirectories(root.resolve(t[0]).resolve("forms"));
                Path source = Path.of("process-templates/ecommerce-refund");
                try (Stream<Path> forms = Files.list(source.resolve("forms"))) {
                    for (Path form : forms.toList()) {
                        Files.copy(form, dir.resolve(form.getFileName()));
                    }
                }
                Files.writeString(root.resolve(t[0]).resolve("template.json"), Files.readString(source.resolve(
                        "template.json")).replace("ecommerce-refund", t[0]));
                Files.writeString(root.resolve(t[0]).resolve("process.bpmn"), Files.readString(source.resolve(
                        "process.bpmn")).replace("ecommerce-refund", t[0])
                        // the shipped template routes already: this copy says how, for its first step only
                        .replaceAll(" flowdesk:(assignment|skills)=\"[^\"]*\"", "").replace(
                                "flowable:candidateGroups=\"customer-service\" flowdesk:ticketStatus=\"OPEN\"",
                                "flowable:candidateGroups=\"customer-service\" flowdesk:ticketStatus=\"OPEN\""
                                        + " flowdesk:assignment=\"" + t[1] + "\"" + t[2]));
                List<ImportResult> results = await(() -> importer.importDirectory(root));
                assertEquals(ImportResult.PUBLISHED, results.get(0).outcome(), results.toString());
            }
            imported = true;
        }
        drain(); // whatever earlier tests left
    }

    static void availability(String user, String status) {
        as(user).body(Map.of("status", status)).put("/api/me/availability").then().statusCode(200);
    }

    static Map<String, Object> refund(String type, String priority) {
        return Tickets.body(type, priority, Map.of("orderNo", "RT-1", "refundAmount", 20, "reason", "other"));
    }

    @Test
    void aStartedTaskGoesToAnOnlineAgentWithTheReasonOnItsTimelineAndThePreviewSaidSoBefore() throws Throwable {
        availability("supervisor", "away");
        availability("agent1", "online");
        availability("agent2", "online");
        String number = createTicket("agent1", refund("routing-rr", "P3"));
        String taskId = Api.openTask(number, "refund-review");

        Map<String, Object> preview = as("agent1").header("Accept-Language", "en")
                .get("/api/tasks/" + taskId + "/assignment-preview").then().statusCode(200).extract().as(Map.class);
        assertEquals("round-robin", preview.get("strategy"));
        String chosen = (String) preview.get("chosen");
        assertTrue(List.of("agent1", "agent2").contains(chosen), preview.toString());
        assertTrue(((String) preview.get("why")).contains("supervisor (away)"), preview.toString());
        assertNull(assignee(number), "a preview writes nothing");

        drain();
        assertEquals(chosen, assignee(number), "the decision is the preview's");
        List<Map<String, Object>> timeline = as("agent1").header("Accept-Language", "en")
                .get("/api/tickets/" + number + "/timeline").then().statusCode(200).extract().path("$");
        Map<String, Object> auto = timeline.stream().filter(e -> "TASK_ASSIGNED_AUTO".equals(e.get("kind")))
                .findFirst().orElseThrow(() -> new AssertionError("no automatic assignment on " + timeline));
        String summary = (String) auto.get("summary");
        assertTrue(summary.startsWith("Assigned to " + chosen + " by round robin"), summary);
        assertTrue(summary.contains("(load "), summary);
        assertTrue(summary.contains("Left out: supervisor (away)"), summary);
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) auto.get("details");
        assertEquals(preview.get("candidates"), details.get("candidates"), "the same candidates with the same load");
        assertEquals(taskId, auto.get("taskId"));
        String zh = as("agent1").header("Accept-Language", "zh-CN").get("/api/tickets/" + number + "/timeline")
                .then().statusCode(200).extract().path("find { it.kind == 'TASK_ASSIGNED_AUTO' }.summary");
        assertTrue(zh.startsWith("按轮询自动分配给 " + chosen), zh);
        assertTrue(zh.contains("supervisor（离开）"), zh);

        // the next one goes to the other agent: round robin
        String second = createTicket("agent1", refund("routing-rr", "P3"));
        drain();
        String other = chosen.equals("agent1") ? "agent2" : "agent1";
        assertEquals(other, assignee(second));
        assertEquals(1L, (long) await(() -> count("select count(*) from routing_decision d join ticket t on "
                + "t.id = d.ticket_id where t.number = '" + number + "'")), "decided once, logged once");
        assertEquals(1L, (long) await(() -> count("select count(*) from notification where username = '" + chosen
                + "' and kind = 'TASK_ASSIGNED_AUTO' and ticket_number = '" + number + "'")));
    }

    @Test
    void bestSkillNeedsTheSkillAndSaysWhoLacksIt() throws Throwable {
        TEAM.forEach(u -> availability(u, "online"));
        // demo skills: supervisor refund 4, agent1 refund 3, agent2 refund 2 (below the step's minimum 3)
        as("admin").body(Map.of("skills", List.of(Map.of("key", "refund", "level", 3))))
                .put("/api/users/agent1/skills").then().statusCode(200);
        as("admin").body(Map.of("skills", List.of(Map.of("key", "refund", "level", 2))))
                .put("/api/users/agent2/skills").then().statusCode(200);
        as("admin").body(Map.of("skills", List.of(Map.of("key", "refund", "level", 4), Map.of("key", "vip",
                "level", 5)))).put("/api/users/supervisor/skills").then().statusCode(200);
        String number = createTicket("agent1", refund("routing-skill", "P2"));
        drain();
        assertEquals("supervisor", assignee(number), "refund 4 beats 3");
        String summary = as("agent1").header("Accept-Language", "en").get("/api/tickets/" + number + "/timeline")
                .then().extract().path("find { it.kind == 'TASK_ASSIGNED_AUTO' }.summary");
        assertTrue(summary.contains("agent2 (lacks skill refund:3)"), summary);
        assertTrue(summary.contains("supervisor (skill score 4, load "), summary);
    }

    @Test
    void anEmptyPoolLeavesTheTaskFlaggedInTheQueueTellsTheSupervisorAndComingOnlineHandsItOut() throws Throwable {
        TEAM.forEach(u -> availability(u, "offline"));
        String number = createTicket("agent1", refund("routing-rr", "P1"));
        drain();
        assertNull(assignee(number), "never falls back to everyone");
        long waiting = await(() -> count("select count(*) from routing_waiting w join ticket t on t.id = w.ticket_id "
                + "where t.number = '" + number + "'"));
        assertEquals(1L, waiting, "flagged");
        String summary = as("agent1").header("Accept-Language", "en").get("/api/tickets/" + number + "/timeline")
                .then().extract().path("find { it.kind == 'ROUTING_WAITING' }.summary");
        assertNotNull(summary);
        assertTrue(summary.contains("agent1 (offline)") && summary.contains("agent2 (offline)"), summary);
        assertEquals(1L, (long) await(() -> count("select count(*) from notification where username = 'supervisor' "
                + "and kind = 'ROUTING_WAITING' and ticket_number = '" + number + "'")), "the supervisor is told");
        assertEquals(1L, (long) await(() -> count("select count(*) from notification where username = 'agent1' "
                + "and kind = 'ROUTING_URGENT' and ticket_number = '" + number + "'")), "P1: the department hears");
        String taskId = Api.openTask(number, "refund-review");
        as("agent1").get("/api/tasks/" + taskId + "/assignment-preview").then().statusCode(200)
                .body("emptyPool", org.hamcrest.Matchers.is(true)).body("waiting", org.hamcrest.Matchers.is(true));

        availability("agent2", "online");
        assertEquals("agent2", assignee(number), "handed out when an agent comes online");
        assertEquals(0L, (long) await(() -> count("select count(*) from routing_waiting where task_id = '" + taskId
                + "'")));
        drain();
        assertEquals("agent2", assignee(number));
    }

    @Test
    void aTaskWaitsForCapacityAndIsHandedOutWhenTheAgentFinishesOne() throws Throwable {
        availability("supervisor", "offline");
        availability("agent1", "offline");
        availability("agent2", "online");
        as("admin").body(Map.of("capacity", 0)).put("/api/users/agent2/capacity").then().statusCode(200);
        String number = createTicket("agent1", refund("routing-rr", "P3"));
        drain();
        assertNull(assignee(number));
        String summary = as("agent1").header("Accept-Language", "en").get("/api/tickets/" + number + "/timeline")
                .then().extract().path("find { it.kind == 'ROUTING_WAITING' }.summary");
        assertTrue(summary.contains("agent2 (at capacity "), summary);
        as("admin").body(Map.of("capacity", 20)).put("/api/users/agent2/capacity").then().statusCode(200);
        assertEquals("agent2", assignee(number), "raising the cap hands out the waiting task");

        // at capacity again: a new task waits until agent2 completes one
        int load = as("supervisor").queryParam("department", "customer-service").get("/api/routing/board").then()
                .statusCode(200).extract().path("find { it.username == 'agent2' }.load");
        as("admin").body(Map.of("capacity", load)).put("/api/users/agent2/capacity").then().statusCode(200);
        String next = createTicket("agent1", refund("routing-rr", "P4"));
        drain();
        assertNull(assignee(next));
        String taskId = Api.openTask(number, "refund-review");
        Api.complete("agent2", taskId, Map.of("accepted", false)).then().statusCode(200);
        drain();
        assertEquals("agent2", assignee(next), "completing a task freed capacity");
        as("admin").body(Map.of("capacity", 10)).put("/api/users/agent2/capacity").then().statusCode(200);
    }

    @Test
    void errorsNameTheFieldByItsLabelInBothLanguagesAndRolesAreChecked() {
        as("agent1").header("Accept-Language", "en").body(Map.of("status", "busy")).put("/api/me/availability")
                .then().statusCode(422).body(containsString("Availability must be online, away or offline"));
        as("agent1").header("Accept-Language", "zh-CN").body(Map.of("status", "busy")).put("/api/me/availability")
                .then().statusCode(422).body(containsString("在线状态必须是在线、离开或离线"));
        as("supervisor").header("Accept-Language", "zh-CN").body(Map.of("user", "agent1"))
                .post("/api/tasks/nope/reassign").then().statusCode(422).body(containsString("请填写原因"))
                .body(containsString("/reason"));
        as("supervisor").header("Accept-Language", "en").body(Map.of("user", "agent1", "reason", " "))
                .post("/api/tasks/nope/reassign").then().statusCode(422).body(containsString("Enter the Reason"));
        as("agent1").body(Map.of("user", "agent2", "reason", "x")).post("/api/tasks/nope/reassign").then()
                .statusCode(403);
        as("admin").header("Accept-Language", "en").body(Map.of("skills", List.of(Map.of("key", "juggling",
                "level", 3), Map.of("key", "refund", "level", 9)))).put("/api/users/agent1/skills").then()
                .statusCode(422).body(containsString("Skill: there is no skill \\\"juggling\\\""))
                .body(containsString("Skill level must be between 1 and 5")).body(containsString("/skills/1/level"));
        as("agent1").body(Map.of("skills", List.of())).put("/api/users/agent1/skills").then().statusCode(403);
        as("admin").header("Accept-Language", "zh-CN").body(Map.of("capacity", -1))
                .put("/api/users/agent1/capacity").then().statusCode(422).body(containsString("容量必须在 0 到 1000 之间"));
        as("admin").header("Accept-Language", "en").body(Map.of("capacity", 5, "calendar", "no-such-calendar"))
                .put("/api/users/agent1/capacity").then().statusCode(422)
                .body(containsString("Shift calendar: there is no calendar \\\"no-such-calendar\\\""));
        as("agent1").get("/api/routing/board").then().statusCode(403);
        as("supervisor").queryParam("department", "customer-service").get("/api/routing/board").then()
                .statusCode(200).body("username", org.hamcrest.Matchers.hasItems("agent1", "agent2", "supervisor"))
                .body("find { it.username == 'agent1' }.capacity", org.hamcrest.Matchers.greaterThan(-1));
        as("customer1").get("/api/tasks/whatever/assignment-preview").then().statusCode(404);
    }

    @Test
    void anAgentOffShiftByTheirOwnCalendarGetsNoWork() throws Throwable {
        TEAM.forEach(u -> availability(u, "online"));
        as("admin").body(Map.of("capacity", 10, "calendar", "cn-standard")).put("/api/users/agent1/capacity").then()
                .statusCode(200);
        // Sunday 6 December 2026, 12:00 in Shanghai: cn-standard does not work
        as("admin").body(Map.of("set", "2026-12-06T04:00:00Z")).post("/api/clock").then().statusCode(200);
        try {
            String number = createTicket("agent1", refund("routing-rr", "P3"));
            String taskId = Api.openTask(number, "refund-review");
            List<Map<String, Object>> excluded = as("agent1").get("/api/tasks/" + taskId + "/assignment-preview")
                    .then().statusCode(200).extract().path("excluded");
            assertTrue(excluded.stream().anyMatch(e -> "agent1".equals(e.get("username"))
                    && "offShift".equals(e.get("reason"))), excluded.toString());
            drain();
            String chosen = assignee(number);
            assertTrue(List.of("agent2", "supervisor").contains(chosen), "not agent1: " + chosen);
            String summary = as("agent1").header("Accept-Language", "en").get("/api/tickets/" + number
                    + "/timeline").then().extract().path("find { it.kind == 'TASK_ASSIGNED_AUTO' }.summary");
            assertTrue(summary.contains("agent1 (off shift)"), summary);
        } finally {
            as("admin").body(Map.of("set", java.time.Instant.now().toString())).post("/api/clock").then()
                    .statusCode(200);
            as("admin").body(Map.of("capacity", 10)).put("/api/users/agent1/capacity").then().statusCode(200);
        }
    }

    @Test
    void aSupervisorReassignsWithAReason() throws Throwable {
        TEAM.forEach(u -> availability(u, "offline"));
        String number = createTicket("agent1", refund("routing-rr", "P3"));
        drain();
        String taskId = Api.openTask(number, "refund-review");
        as("supervisor").body(Map.of("user", "agent1", "reason", "knows this customer"))
                .post("/api/tasks/" + taskId + "/reassign").then().statusCode(200).body("assignee",
                        org.hamcrest.Matchers.is("agent1"));
        assertEquals("agent1", assignee(number));
        String summary = as("agent1").header("Accept-Language", "en").get("/api/tickets/" + number + "/timeline")
                .then().extract().path("find { it.kind == 'TASK_REASSIGNED' }.summary");
        assertEquals("Reassigned to agent1 by supervisor: knows this customer", summary);
        assertEquals(0L, (long) await(() -> count("select count(*) from routing_waiting where task_id = '" + taskId
                + "'")), "no longer waiting");
    }

    /**
     * A rule moves a new ticket's first step to finance while round robin is deciding the same step for customer
     * service (the routing consumer read the task before the move committed): the late decision is dropped — the
     * task stays in finance, unassigned, with no automatic assignment on its timeline. Both writers lock the task
     * row, so the decision sees the move.
     */
    @Test
    void anAssignmentDecidedForADepartmentTheTaskHasLeftIsDropped() throws Throwable {
        TEAM.forEach(u -> availability(u, "online"));
        String token = "RACE" + System.nanoTime() % 1_000_000;
        String rule = "race-" + token.toLowerCase();
        as("admin").body(Map.of("key", rule, "nameZh", "竞争 " + token, "nameEn", "Race " + token, "enabled", true,
                "trigger", Map.of("type", "TICKET_CREATED"), "conditions", Map.of("all", List.of(Map.of("field",
                        "title", "op", "contains", "value", token))), "actions", List.of(Map.of("type", "route",
                                "department", "finance")))).post("/api/automation/rules").then().statusCode(201);
        try {
            await(() -> stream.drain("automation"));
            Map<String, Object> body = refund("routing-rr", "P3");
            body.put("title", token + " 退款");
            String number = createTicket("agent1", body);
            await(() -> stream.drain("automation")); // the rule moved the step; routing has not looked yet
            List<Map<String, Object>> tasks = as("admin").get("/api/tickets/" + number).then().statusCode(200)
                    .extract().path("openTasks");
            assertEquals("finance", tasks.get(0).get("department"));
            String taskId = (String) tasks.get(0).get("id");
            long ticketId = await(() -> count("select id from ticket where number = '" + number + "'"));
            // what the routing consumer decided from the row it read before the move
            io.flowdesk.routing.RoutingTask stale = new io.flowdesk.routing.RoutingTask(taskId, ticketId,
                    "customer-service", io.flowdesk.routing.Strategy.ROUND_ROBIN, Map.of(), "P3", null);
            io.flowdesk.routing.Decision decision = await(() -> Panache.withTransaction(() -> routing.lock()
                    .chain(() -> routing.route(stale))));
            assertNotNull(decision.chosen(), "round robin chose someone");
            tasks = as("admin").get("/api/tickets/" + number).then().statusCode(200).extract().path("openTasks");
            assertEquals("finance", tasks.get(0).get("department"), tasks.toString());
            assertNull(tasks.get(0).get("assignee"), "not given to a customer-service agent: " + tasks);
            List<String> kinds = as("admin").get("/api/tickets/" + number + "/timeline").then().statusCode(200)
                    .extract().path("kind");
            assertTrue(kinds.contains("AUTOMATION_FIRED") && !kinds.contains("TASK_ASSIGNED_AUTO"), kinds.toString());
        } finally {
            as("admin").delete("/api/automation/rules/" + rule).then().statusCode(204);
            TEAM.forEach(u -> availability(u, "offline"));
        }
    }

    private void drain() throws Throwable {
        await(() -> stream.drain("routing"));
    }

    private static String assignee(String number) {
        List<Map<String, Object>> tasks = as("admin").get("/api/tickets/" + number).then().statusCode(200).extract()
                .path("openTasks");
        return tasks.stream().filter(t -> "refund-review".equals(t.get("formKey"))).findFirst().map(t -> (String) t.get("assignee"))
                .orElse(null);
    }

    private static Uni<Long> count(String sql) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql, Long.class)
                .getSingleResult()));
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
