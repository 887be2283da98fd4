package io.flowdesk.tickets;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.ImportResult;
import io.flowdesk.templates.TemplatePackage;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.testing.Tickets;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's second end: a flow the engine refuses answers 422 in the caller's language, never 500, and leaves no
 * half-made ticket. Templates whose conditions the sandbox refuses can no longer be published, so these tests put one
 * behind a published version by hand (deployed straight to the engine), as an older FlowDesk would have let through.
 */
@QuarkusTest
class StuckTicketsTest {

    private static final String GOOD_START = "${ticketPriority == 'P1'}";
    private static final String GOOD_STEP = "${approved == true}";

    @Inject
    TemplateService templates;

    @Inject
    WorkflowEngine engine;

    @Inject
    Reconciler reconciler;

    @Inject
    AgroalDataSource db;

    @Test
    void aFlowRefusedAtCreateIsFailedWithItsReasonListedRetriedAfterTheFixOrCancelled() throws Throwable {
        String key = "stuck-create-" + System.nanoTime() % 1_000_000;
        assertEquals(ImportResult.PUBLISHED, publish(key, GOOD_START, GOOD_STEP).outcome());
        // the gate now rejects the condition found from outside, naming the flow ...
        String evil = "${ticketPriority.bytes != null}";
        List<FieldError> errors = VertxContextSupport.subscribeAndAwait(() -> templates.check(pkg(key, evil,
                GOOD_STEP)));
        assertTrue(errors.stream().anyMatch(e -> e.pointer().equals("fUrgent") && e.rule().equals("condition-grammar")),
                errors.toString());
        // ... so it is put behind version 1 by hand
        behindVersion(key, 1, evil, GOOD_STEP);

        Map<String, Object> body = Tickets.body(key, "P2", Map.of("note", "打印机坏了"));
        Response refused = as("agent1").header("Accept-Language", "zh-CN").header("Idempotency-Key", key + "-1")
                .body(body).post("/api/tickets");
        refused.then().statusCode(422).body("title", equalTo("流程无法继续"))
                .body("detail", containsString("读取了值的“bytes”")).body("detail", containsString("卡住的工单"));
        long id = ticketId((String) body.get("title"));
        String number = row(id, "number");
        assertTrue(refused.path("detail").toString().contains(number), refused.asString());
        assertEquals("FAILED", row(id, "engine_state"));
        assertEquals("1", row(id, "engine_attempts"));
        assertTrue(row(id, "engine_error").contains("workflow.failed.property"), row(id, "engine_error"));
        assertTrue(engine.findTicketProcess(id).isEmpty(), "no half-made process");

        // a replay of the same request answers the same, without a second ticket
        as("agent1").header("Accept-Language", "en").header("Idempotency-Key", key + "-1").body(body)
                .post("/api/tickets").then().statusCode(422)
                .body("detail", containsString(number)).body("detail", containsString("'bytes'"));
        assertEquals(1, count("select count(*) from ticket where template_key = '" + key + "'"));

        // the reconciler leaves a permanent failure alone
        reconciler.reconcile(Duration.ZERO);
        reconciler.reconcile(Duration.ZERO);
        assertEquals("FAILED", row(id, "engine_state"));
        assertEquals("1", row(id, "engine_attempts"));

        // admins see it with the reason in their language; nobody else does
        as("admin").header("Accept-Language", "en").get("/api/admin/stuck-tickets").then().statusCode(200)
                .body("find { it.number == '" + number + "' }.engineState", equalTo("FAILED"))
                .body("find { it.number == '" + number + "' }.reason", containsString("reads 'bytes' of a value"))
                .body("find { it.number == '" + number + "' }.reasonKey", equalTo("workflow.failed.property"));
        as("agent1").get("/api/admin/stuck-tickets").then().statusCode(403);
        as("supervisor").post("/api/admin/stuck-tickets/" + number + "/retry").then().statusCode(403);

        // a second one, to be cancelled
        Map<String, Object> other = Tickets.body(key, "P3", Map.of("note", "second"));
        as("agent1").body(other).post("/api/tickets").then().statusCode(422);
        long otherId = ticketId((String) other.get("title"));
        String otherNumber = row(otherId, "number");

        // retrying before the fix fails the same way, and says so
        as("admin").header("Accept-Language", "en").post("/api/admin/stuck-tickets/" + number + "/retry").then()
                .statusCode(422).body("detail", containsString("'bytes'"));
        assertEquals("FAILED", row(id, "engine_state"));

        // the fix: a corrected version; retry moves the ticket onto it and its flow runs
        assertEquals(ImportResult.PUBLISHED, publish(key, "${ticketPriority == 'P2'}", GOOD_STEP).outcome());
        as("admin").post("/api/admin/stuck-tickets/" + number + "/retry").then().statusCode(200)
                .body("engineState", equalTo("ACTIVE"));
        as("admin").get("/api/tickets/" + number).then().statusCode(200).body("templateVersion", equalTo(2))
                .body("openTasks.size()", equalTo(1)).body("openTasks[0].formKey", equalTo(key + "-step"));
        assertTrue(engine.findTicketProcess(id).isPresent());

        // cancel the other one: closed as cancelled, off the list, not twice
        as("admin").post("/api/admin/stuck-tickets/" + otherNumber + "/cancel").then().statusCode(200)
                .body("engineState", equalTo("CANCELLED")).body("status", equalTo("CANCELLED"));
        as("admin").post("/api/admin/stuck-tickets/" + otherNumber + "/cancel").then().statusCode(409);
        as("admin").post("/api/admin/stuck-tickets/" + number + "/retry").then().statusCode(409);
        String list = as("admin").get("/api/admin/stuck-tickets").then().statusCode(200).extract().asString();
        assertFalse(list.contains(number) || list.contains(otherNumber), list);
        reconciler.reconcile(Duration.ZERO);
        assertEquals("CANCELLED", row(otherId, "engine_state"));
        assertTrue(engine.findTicketProcess(otherId).isEmpty());
    }

    @Test
    void aFlowRefusedAtCompleteAnswers422AndTheTaskStaysOpen() throws Throwable {
        String key = "stuck-complete-" + System.nanoTime() % 1_000_000;
        assertEquals(ImportResult.PUBLISHED, publish(key, GOOD_START, GOOD_STEP).outcome());
        behindVersion(key, 1, GOOD_START, "${approved.bytes != null}");
        String number = as("agent1").body(Tickets.body(key, "P2", Map.of("note", "x"))).post("/api/tickets").then()
                .statusCode(201).extract().path("number");
        String task = as("admin").get("/api/tickets/" + number).then().extract().path("openTasks[0].id");

        as("agent1").header("Accept-Language", "en").body(Map.of("data", Map.of("approved", true)))
                .post("/api/tasks/" + task + "/complete").then().statusCode(422)
                .body("title", equalTo("The flow could not continue"))
                .body("detail", containsString("the condition ${approved.bytes != null} reads 'bytes' of a value"));
        as("admin").get("/api/tickets/" + number).then().statusCode(200).body("openTasks.size()", equalTo(1))
                .body("openTasks[0].id", equalTo(task)).body("openTasks[0].assignee", equalTo(null));
        assertEquals(1L, engine.processEngine().getTaskService().createTaskQuery().taskId(task).count(),
                "the engine rolled the step back: the task is still open");
    }

    private ImportResult publish(String key, String startCondition, String stepCondition) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> templates.publish(pkg(key, startCondition,
                stepCondition)));
    }

    /** Deploys the flow with these conditions straight to the engine and points the published version at it. */
    private void behindVersion(String key, int version, String startCondition, String stepCondition)
            throws Exception {
        String definition = engine.deploy(key + "-bypass", key, bpmn(key, startCondition, stepCondition))
                .processDefinitionId();
        try (Connection c = db.getConnection(); PreparedStatement update = c.prepareStatement(
                "update template_version set process_definition_id = ? where template_key = ? and version = ?")) {
            update.setString(1, definition);
            update.setString(2, key);
            update.setInt(3, version);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static TemplatePackage pkg(String key, String startCondition, String stepCondition) {
        String start = """
                {"type":"object","properties":{"note":{"type":"string","maxLength":200}},
                 "x-ui":{"fields":{"note":{"widget":"text","label":{"zh-CN":"说明","en":"Note"}}}}}""";
        String step = """
                {"type":"object","properties":{"approved":{"type":"boolean"}},
                 "x-ui":{"fields":{"approved":{"widget":"checkbox","label":{"zh-CN":"批准","en":"Approved"}}}}}""";
        return new TemplatePackage(key, Json.parse("""
                {"key":"%s","name":{"zh-CN":"卡住测试","en":"Stuck test"},"ticketType":"test","startForm":"%s-start"}"""
                .formatted(key, key)), bpmn(key, startCondition, stepCondition),
                Map.of(key + "-start", Json.parse(start), key + "-step", Json.parse(step)));
    }

    private static String bpmn(String key, String startCondition, String stepCondition) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xmlns:flowable="http://flowable.org/bpmn" xmlns:flowdesk="https://flowdesk.io/schema/bpmn"
                  targetNamespace="https://flowdesk.io/test" id="defs">
                  <process id="%1$s" name="卡住测试" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f0" sourceRef="start" targetRef="gw1"/>
                    <exclusiveGateway id="gw1" default="fNormal"/>
                    <sequenceFlow id="fUrgent" name="紧急" flowdesk:nameEn="Urgent" sourceRef="gw1" targetRef="review">
                      <conditionExpression xsi:type="tFormalExpression"><![CDATA[%2$s]]></conditionExpression>
                    </sequenceFlow>
                    <sequenceFlow id="fNormal" sourceRef="gw1" targetRef="review"/>
                    <userTask id="review" name="审核" flowdesk:nameEn="Review" flowable:formKey="%1$s-step"
                              flowable:candidateGroups="customer-service" flowdesk:ticketStatus="OPEN"/>
                    <sequenceFlow id="f1" sourceRef="review" targetRef="gw2"/>
                    <exclusiveGateway id="gw2" default="fDone"/>
                    <sequenceFlow id="fApproved" sourceRef="gw2" targetRef="end">
                      <conditionExpression xsi:type="tFormalExpression"><![CDATA[%3$s]]></conditionExpression>
                    </sequenceFlow>
                    <sequenceFlow id="fDone" sourceRef="gw2" targetRef="end"/>
                    <endEvent id="end" flowdesk:ticketStatus="RESOLVED"/>
                  </process>
                </definitions>
                """.formatted(key, startCondition, stepCondition);
    }

    private long ticketId(String title) throws Exception {
        return count("select id from ticket where title = '" + title.replace("'", "''") + "'");
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private String row(long id, String column) throws Exception {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("select " + column
                + " from ticket where id = " + id)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
