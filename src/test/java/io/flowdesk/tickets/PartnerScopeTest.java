package io.flowdesk.tickets;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openTask;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A partner (another company) given a step by transfer sees the public conversation and what concerns their own
 * task: no internal note of staff, no internal entry of other steps, no internal file of others, no public reply
 * (the shipped templates do not allow it); staff see the partner's notes.
 */
@QuarkusTest
class PartnerScopeTest {

    private String partnerTicket() {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "PS-1",
                "refundAmount", 40, "reason", "damaged")));
        as("agent1").body(Map.of("text", "客户很难缠 STAFF-REMARK", "internal", true))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        as("agent1").body(Map.of("text", "已为您处理 PUBLIC-REPLY", "internal", false))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        complete("agent1", openTask(number, "refund-review"), Map.of("accepted", true, "reviewNote",
                "REVIEW-NOTE")).then().statusCode(200);
        String intercept = openTask(number, "refund-intercept");
        as("agent1").body(Map.of("user", "partner1", "reason", "由物流伙伴拦截 TRANSFER-REASON"))
                .post("/api/tasks/" + intercept + "/transfer").then().statusCode(200);
        return number;
    }

    @Test
    void partnerSeesNoInternalNoteOfStaffNorInternalEntriesOfOtherSteps() {
        String number = partnerTicket();
        String intercept = openTask(number, "refund-intercept");
        var timeline = as("partner1").get("/api/tickets/" + number + "/timeline").then().statusCode(200);
        timeline.body("summary", not(hasItem(containsString("STAFF-REMARK"))))
                .body("details.text", not(hasItem(containsString("STAFF-REMARK"))))
                .body("summary", hasItem(containsString("PUBLIC-REPLY")))
                .body("kind", hasItem("TRANSFERRED"))
                .body("findAll { it.internal }.taskId", everyItem(equalTo(intercept)));
        String body = as("partner1").get("/api/tickets/" + number + "/timeline").asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("REVIEW-NOTE"), body);
        as("agent2").get("/api/tickets/" + number + "/timeline").then()
                .body("summary", hasItem(containsString("STAFF-REMARK")));
    }

    @Test
    void partnerCannotReplyToTheCustomerButTheirNotesReachStaff() {
        String number = partnerTicket();
        given().auth().preemptive().basic("partner1", "demo").contentType("application/json")
                .header("Accept-Language", "zh-CN").body(Map.of("text", "您好，我们已拦截", "internal", false))
                .post("/api/tickets/" + number + "/comments").then().statusCode(403)
                .body("detail", containsString("合作伙伴不能回复客户"));
        as("partner1").header("Accept-Language", "en").body(Map.of("text", "您好，我们已拦截", "internal", false))
                .post("/api/tickets/" + number + "/comments").then().statusCode(403)
                .body("detail", containsString("Partners cannot reply to the customer"));
        as("partner1").body(Map.of("text", "包裹已拦截 PARTNER-NOTE", "internal", true))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201).body("internal", equalTo(true));
        as("agent1").get("/api/tickets/" + number + "/timeline").then()
                .body("summary", hasItem(containsString("PARTNER-NOTE")));
        as("partner1").get("/api/tickets/" + number + "/timeline").then()
                .body("summary", hasItem(containsString("PARTNER-NOTE")));
    }

    @Test
    void partnerGetsNoInternalFileOfOthers() {
        String number = partnerTicket();
        byte[] bytes = "internal invoice".getBytes();
        Integer internalId = given().auth().preemptive().basic("agent1", "demo").multiPart("file", "invoice.txt",
                bytes, "text/plain").multiPart("internal", "true").post("/api/tickets/" + number + "/attachments")
                .then().statusCode(201).extract().path("id");
        Integer publicId = given().auth().preemptive().basic("agent1", "demo").multiPart("file", "label.txt",
                bytes, "text/plain").multiPart("internal", "false").post("/api/tickets/" + number + "/attachments")
                .then().statusCode(201).extract().path("id");
        as("partner1").get("/api/tickets/" + number + "/attachments").then().statusCode(200)
                .body("id", not(hasItem(internalId))).body("id", hasItem(publicId));
        given().auth().preemptive().basic("partner1", "demo").get("/api/tickets/" + number + "/attachments/"
                + internalId).then().statusCode(404);
        Integer mine = given().auth().preemptive().basic("partner1", "demo").multiPart("file", "pod.txt", bytes,
                "text/plain").multiPart("internal", "true").post("/api/tickets/" + number + "/attachments").then()
                .statusCode(201).extract().path("id");
        as("partner1").get("/api/tickets/" + number + "/attachments").then().body("id", hasItem(mine));
        as("agent1").get("/api/tickets/" + number + "/attachments").then().body("id", hasItem(mine))
                .body("id", hasItem(internalId));
        List<String> open = as("partner1").get("/api/tickets/" + number).then().statusCode(200).extract()
                .path("openTasks.assignee");
        org.junit.jupiter.api.Assertions.assertEquals(List.of("partner1"), open);
    }

    @Test
    void allOpenTicketsShowWhoClaimedThem() {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "AS-1",
                "refundAmount", 10, "reason", "other")));
        as("agent2").post("/api/tasks/" + openTask(number, "refund-review") + "/claim").then().statusCode(200);
        as("supervisor").get("/api/inbox?view=OPEN&q=" + number).then().statusCode(200)
                .body("items.find { it.number == '" + number + "' }.assignee", equalTo("agent2"));
    }
}
