package io.flowdesk.portal;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.openTask;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.GreenMailResource;
import io.flowdesk.testing.Tickets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class PortalApiTest {

    @Inject
    RateLimiter limiter;

    @BeforeEach
    void clearLimits() {
        limiter.reset();
    }

    static String ticketFor(String email, String phone) {
        Map<String, Object> body = Tickets.body("it-incident", "P3", Map.of("summary", "邮箱收不到邮件",
                "category", "account"));
        body.put("customer", Map.of("name", "赵六", "email", email, "phone", phone));
        return as("agent1").body(body).post("/api/tickets").then().statusCode(201).extract().path("number");
    }

    static Response lookup(String number, String phone) {
        return given().contentType(ContentType.JSON).body(Map.of("number", number, "phone", phone))
                .post("/api/public/status/request");
    }

    @Test
    void statusLookupMailsACodeToTheContactAndShowsOnlyThePublicSide() throws Exception {
        String email = "lookup-" + System.nanoTime() + "@example.com";
        String number = ticketFor(email, "138 1234 5678");
        as("agent1").body(Map.of("text", "内部：疑似账号被锁", "internal", true)).post("/api/tickets/" + number
                + "/comments").then().statusCode(201);
        int before = GreenMailResource.to(GreenMailResource.mail(), email).size();
        lookup(number, "13812345678").then().statusCode(202).body("message", equalTo(PortalService.LOOKUP_SENT));
        String code = GreenMailResource.code(GreenMailResource.mail(), email, before);
        // no account has this e-mail, so its language is unknown: the mail is in both, from the catalogue
        var messages = GreenMailResource.to(GreenMailResource.mail(), email);
        assertEquals("FlowDesk 工单 " + number + " 查询验证码 / FlowDesk status code for ticket " + number,
                messages.get(messages.size() - 1).getSubject());
        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", "000000".equals(code) ? "111111"
                : "000000")).post("/api/public/status/verify").then().statusCode(422);
        given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN").body(Map.of("number", number, "code",
                code)).post("/api/public/status/verify").then().statusCode(200)
                .body("number", equalTo(number))
                .body("timeline.find { it.kind == 'CREATED' }.summary", equalTo("通过API创建工单"))
                .body("timeline.find { it.kind == 'CREATED' }.summaryKey", equalTo("timeline.text.created"))
                .body("status", equalTo("OPEN"))
                .body("timeline.summary", not(hasItem("内部：疑似账号被锁")))
                .body("timeline.actor", everyItem(equalTo(null)));
        // a code works once
        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", code))
                .post("/api/public/status/verify").then().statusCode(422);
    }

    @Test
    void wrongPhoneAndUnknownNumberAnswerAlike() {
        String email = "alike-" + System.nanoTime() + "@example.com";
        String number = ticketFor(email, "13900001111");
        long t0 = System.nanoTime();
        Response wrongPhone = lookup(number, "13900002222");
        long t1 = System.nanoTime();
        Response unknown = lookup("FD-1999-000001", "13900001111");
        long t2 = System.nanoTime();
        assertEquals(wrongPhone.statusCode(), unknown.statusCode());
        assertEquals(wrongPhone.asString(), unknown.asString());
        System.out.printf("[lookup] wrong phone %d ms, unknown number %d ms%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
        assertTrue(GreenMailResource.to(GreenMailResource.mail(), email).isEmpty(), "nothing mailed on a mismatch");
    }

    @Test
    void lookupsAreRateLimited() {
        int limited = 0;
        for (int i = 0; i < 7; i++) {
            int status = lookup("FD-1999-00000" + i, "13900001111").statusCode();
            if (status == 429) {
                limited++;
            } else {
                assertEquals(202, status);
            }
        }
        assertEquals(2, limited, "5 lookups per 10 minutes per client");
    }

    @Test
    void signUpCreatesACustomerWhoSeesOnlyTheirTickets() {
        String email = "new-" + System.nanoTime() + "@example.com";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "s3cret-pass", "name", "新客户",
                "phone", "13700001111")).post("/api/public/signup").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "s3cret-pass", "name", "x"))
                .post("/api/public/signup").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("email", "nope", "password", "123"))
                .post("/api/public/signup").then().statusCode(422)
                .body("errors.pointer", hasItem("/email")).body("errors.pointer", hasItem("/password"));
        Map<String, Object> body = Tickets.body("it-incident", "P3", Map.of("summary", "无法登录", "category",
                "account"));
        String number = given().auth().preemptive().basic(email, "s3cret-pass").contentType(ContentType.JSON)
                .body(body).post("/api/tickets").then().statusCode(201).body("customer.email", equalTo(email))
                .extract().path("number");
        given().auth().preemptive().basic(email, "s3cret-pass").get("/api/tickets").then().statusCode(200)
                .body("items.number", equalTo(java.util.List.of(number)));
    }

    @Test
    void csatOnlyAfterResolutionOnceAndOnlyByTheCustomer() {
        Map<String, Object> body = Tickets.body("it-incident", "P3", Map.of("summary", "显示器闪烁", "category",
                "hardware"));
        String number = as("customer1").body(body).post("/api/tickets").then().statusCode(201).extract()
                .path("number");
        as("customer1").body(Map.of("rating", 5)).post("/api/tickets/" + number + "/csat").then().statusCode(409);
        complete("agent2", openTask(number, "incident-diagnosis"), Map.of("diagnosis", "线缆老化")).then()
                .statusCode(200);
        complete("agent2", openTask(number, "incident-repair"), Map.of("actionTaken", "更换线缆")).then()
                .statusCode(200);
        complete("agent1", openTask(number, "incident-acceptance"), Map.of("fixed", true)).then().statusCode(200);
        as("customer2").body(Map.of("rating", 1)).post("/api/tickets/" + number + "/csat").then().statusCode(404);
        as("agent1").body(Map.of("rating", 5)).post("/api/tickets/" + number + "/csat").then().statusCode(403);
        as("customer1").body(Map.of("rating", 6)).post("/api/tickets/" + number + "/csat").then().statusCode(422);
        as("customer1").body(Map.of("rating", 5, "comment", "很快就修好了")).post("/api/tickets/" + number + "/csat")
                .then().statusCode(201).body("rating", equalTo(5));
        as("customer1").body(Map.of("rating", 4)).post("/api/tickets/" + number + "/csat").then().statusCode(409);
        as("agent1").get("/api/tickets/" + number + "/csat").then().statusCode(200).body("rating", equalTo(5));

        // not solved after all: reopen starts the flow again
        as("customer1").body(Map.of("reason", "又开始闪了")).post("/api/tickets/" + number + "/reopen").then()
                .statusCode(200).body("openTasks.formKey", hasItem("incident-diagnosis"));
        as("customer1").get("/api/tickets/" + number + "/timeline").then().body("kind", hasItem("REOPENED"));
    }

    @Test
    void partnerSeesOnlyTheirTaskAndMaskedPersonalData() {
        Map<String, Object> data = new HashMap<>(Map.of("orderNo", "PT-1", "refundAmount", 99, "reason", "damaged",
                "contactPhone", "13812345678"));
        Map<String, Object> body = Tickets.body("ecommerce-refund", "P3", data);
        body.put("customer", Map.of("name", "钱七", "email", "qian@example.com", "phone", "13812345678"));
        String number = as("agent1").body(body).post("/api/tickets").then().statusCode(201).extract().path("number");
        String other = as("agent1").body(Tickets.body("ecommerce-refund", "P3", data)).post("/api/tickets").then()
                .statusCode(201).extract().path("number");
        complete("agent1", openTask(number, "refund-review"), Map.of("accepted", true)).then().statusCode(200);
        String intercept = openTask(number, "refund-intercept");
        as("partner1").get("/api/tickets/" + number).then().statusCode(404);
        as("agent1").body(Map.of("user", "partner1", "reason", "由物流伙伴拦截")).post("/api/tasks/" + intercept
                + "/transfer").then().statusCode(200).body("assignee", equalTo("partner1"));
        as("partner1").get("/api/tasks?scope=mine").then().statusCode(200).body("id", hasItem(intercept));
        as("partner1").get("/api/tickets/" + number).then().statusCode(200)
                .body("customer.phone", equalTo("138****5678"))
                .body("customer.email", equalTo("q***@example.com"))
                .body("data.contactPhone", equalTo("138****5678"))
                .body("data.orderNo", equalTo("PT-1"));
        as("partner1").get("/api/tickets/" + other).then().statusCode(404);
        as("partner1").get("/api/tickets?size=200").then().body("items.number", equalTo(java.util.List.of(number)));
        as("agent1").get("/api/tickets/" + number).then().body("customer.phone", equalTo("13812345678"));
        complete("partner1", intercept, Map.of("intercepted", true)).then().statusCode(200);
        as("admin").get("/api/tickets/" + number + "/timeline").then().body("kind", hasItem("TRANSFERRED"));
    }
}
