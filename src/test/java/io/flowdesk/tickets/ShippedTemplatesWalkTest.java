package io.flowdesk.tickets;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openForms;
import static io.flowdesk.testing.Api.openTask;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.Tickets;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.Test;

/** Every shipped template walked end to end through the REST API, every gateway branch taken. */
@QuarkusTest
class ShippedTemplatesWalkTest {

    @Inject
    WorkflowEngine engine;

    static Map<String, Object> refund(double amount) {
        return Map.of("orderNo", "JD-20261123-01", "refundAmount", amount, "reason", "damaged",
                "description", "外包装破损", "contactPhone", "13812345678");
    }

    static String status(String number) {
        return as("admin").get("/api/tickets/" + number).then().statusCode(200).extract().path("status");
    }

    static void done(String user, String number, String form, Map<String, Object> data) {
        complete(user, openTask(number, form), data).then().statusCode(200);
    }

    // ---- ecommerce-refund ----

    @Test
    void refundOf500OrLessGoesStraightToTheWarehouseAndClosesWhenConfirmed() {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", refund(199)));
        assertEquals("OPEN", status(number));
        assertEquals(List.of("refund-review"), openForms(number));
        done("agent1", number, "refund-review", Map.of("accepted", true, "reviewNote", "符合退款条件"));
        assertEquals(List.of("refund-intercept"), openForms(number), "no approval at or below 500");
        assertEquals("IN_PROGRESS", status(number));
        done("warehouse1", number, "refund-intercept", Map.of("intercepted", true, "returnTrackingNo", "SF123"));
        done("finance1", number, "refund-payment", Map.of("refundedAmount", 199, "paymentReference", "PAY-1"));
        assertEquals("RESOLVED", status(number), "awaiting the customer's confirmation counts as resolved");
        done("agent2", number, "refund-confirmation", Map.of("customerConfirmed", true));
        as("admin").get("/api/tickets/" + number).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CLOSED"))
                .body("openTasks.size()", org.hamcrest.Matchers.equalTo(0))
                .body("resolvedAt", notNullValue())
                .body("data.paymentReference", org.hamcrest.Matchers.equalTo("PAY-1"));
        as("admin").get("/api/tickets/" + number + "/timeline").then().statusCode(200)
                .body("kind", hasItems("CREATED", "TASK_STARTED", "TASK_COMPLETED", "STATUS_CHANGED", "ENDED"));
    }

    @Test
    void refundOver500NeedsTheSupervisorAndContinuesWhenApproved() {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P2", refund(800)));
        done("agent1", number, "refund-review", Map.of("accepted", true));
        assertEquals(List.of("refund-approval"), openForms(number));
        done("supervisor", number, "refund-approval", Map.of("approved", true, "approvalNote", "同意"));
        assertEquals(List.of("refund-intercept"), openForms(number));
    }

    @Test
    void refundOver500RejectedBySupervisorEndsRejected() {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P2", refund(5000)));
        done("agent1", number, "refund-review", Map.of("accepted", true));
        done("supervisor", number, "refund-approval", Map.of("approved", false, "approvalNote", "证据不足"));
        assertEquals("REJECTED", status(number));
        assertEquals(List.of(), openForms(number));
    }

    @Test
    void refundNotAcceptedByTheAgentEndsRejected() {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P4", refund(50)));
        done("agent1", number, "refund-review", Map.of("accepted", false, "reviewNote", "超过退款期限"));
        assertEquals("REJECTED", status(number));
    }

    @Test
    void refundConfirmationTimesOutAfterSevenDaysAndCloses() throws Exception {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", refund(120)));
        done("agent1", number, "refund-review", Map.of("accepted", true));
        done("warehouse1", number, "refund-intercept", Map.of("intercepted", true));
        done("finance1", number, "refund-payment", Map.of("refundedAmount", 120, "paymentReference", "PAY-2"));
        String confirmTask = openTask(number, "refund-confirmation");
        // the 7-day timer, fired now instead of in a week
        ManagementService management = engine.processEngine().getManagementService();
        String processInstanceId = engine.processEngine().getTaskService().createTaskQuery().taskId(confirmTask)
                .singleResult().getProcessInstanceId();
        Job timer = management.createTimerJobQuery().processInstanceId(processInstanceId).singleResult();
        assertTrue(timer != null, "the P7D timer is scheduled");
        // make it due now; the engine's async executor runs it like any due timer, and the relay job brings
        // the result to the ticket within seconds
        management.moveTimerToExecutableJob(timer.getId());
        long deadline = System.currentTimeMillis() + 20_000;
        while (!"CLOSED".equals(status(number)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals("CLOSED", status(number));
        as("admin").get("/api/tickets/" + number + "/timeline").then().body("kind", hasItems("TASK_CANCELLED"));
    }

    // ---- it-incident ----

    static Map<String, Object> incident() {
        return Map.of("summary", "打印机无法打印", "category", "hardware", "location", "3F-301");
    }

    @Test
    void p1IncidentSkipsTheQueueToOnCallAndFailedAcceptanceGoesBackToRepair() {
        String number = createTicket("agent1", Tickets.body("it-incident", "P1", incident()));
        List<Map<String, Object>> tasks = as("admin").get("/api/tickets/" + number).then().extract().path("openTasks");
        assertEquals(1, tasks.size());
        assertEquals("it-oncall", tasks.get(0).get("department"), "P1 goes to on-call");
        assertEquals("IN_PROGRESS", status(number));
        done("oncall1", number, "incident-diagnosis", Map.of("diagnosis", "硒鼓损坏", "rootCause", "hardware-fault"));
        done("engineer1", number, "incident-repair", Map.of("actionTaken", "更换硒鼓"));
        assertEquals("WAITING_CUSTOMER", status(number));
        done("agent1", number, "incident-acceptance", Map.of("fixed", false, "acceptanceNote", "仍然卡纸"));
        assertEquals(List.of("incident-repair"), openForms(number), "back to repair");
        done("engineer1", number, "incident-repair", Map.of("actionTaken", "清理进纸器", "partsReplaced", "搓纸轮"));
        done("agent1", number, "incident-acceptance", Map.of("fixed", true));
        assertEquals("RESOLVED", status(number));
    }

    @Test
    void normalIncidentIsDiagnosedByItSupport() {
        String number = createTicket("agent1", Tickets.body("it-incident", "P3", incident()));
        List<Map<String, Object>> tasks = as("admin").get("/api/tickets/" + number).then().extract().path("openTasks");
        assertEquals("it-support", tasks.get(0).get("department"));
        assertEquals("OPEN", status(number));
        done("agent2", number, "incident-diagnosis", Map.of("diagnosis", "网线松动", "needsOnsite", true));
        done("agent2", number, "incident-repair", Map.of("actionTaken", "重新插好网线"));
        done("agent1", number, "incident-acceptance", Map.of("fixed", true));
        assertEquals("RESOLVED", status(number));
    }

    // ---- bug-escalation ----

    @Test
    void bugRunsFixAndVerificationInParallelWithTheCustomerUpdate() {
        String number = createTicket("agent1", Tickets.body("bug-escalation", "P2", Map.of("product", "web-app",
                "version", "3.2.1", "stepsToReproduce", "1. 登录 2. 点击导出", "customerImpact", "high")));
        done("agent1", number, "bug-triage", Map.of("reproducible", true));
        assertEquals(List.of("bug-customer-update", "bug-fix"), openForms(number), "two branches at once");
        done("engineer1", number, "bug-fix", Map.of("fixDescription", "修复导出空指针", "fixVersion", "3.2.2"));
        done("tester1", number, "bug-verification", Map.of("passed", false, "testNote", "大文件仍失败"));
        assertEquals(List.of("bug-customer-update", "bug-fix"), openForms(number), "failed verification → fix");
        done("engineer1", number, "bug-fix", Map.of("fixDescription", "分片导出", "fixVersion", "3.2.3"));
        done("tester1", number, "bug-verification", Map.of("passed", true));
        assertEquals(List.of("bug-customer-update"), openForms(number), "the join waits for the other branch");
        done("agent2", number, "bug-customer-update", Map.of("updateMessage", "修复版本 3.2.3 已发布",
                "customerNotified", true));
        assertEquals(List.of("bug-follow-up"), openForms(number));
        assertEquals("RESOLVED", status(number));
        done("agent1", number, "bug-follow-up", Map.of("customerSatisfied", true));
        assertEquals("RESOLVED", status(number));
        assertEquals(List.of(), openForms(number));
    }
}
