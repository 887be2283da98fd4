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
        lookup(number, "13812345678").then().statusCode(202).body("message", equalTo("If the number and phone match a ticket, a code was sent to its contact."));
        String code = GreenMailResource.code(GreenMailResource.mail(), email, before);
        // the mail is written in the language of the lookup (English here), from the catalogue
        var messages = GreenMailResource.to(GreenMailResource.mail(), email);
        assertEquals("Your FlowDesk code for ticket " + number, messages.get(messages.size() - 1).getSubject());
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

    static Response lookupIn(String language, Map<String, Object> body, String path) {
        return given().contentType(ContentType.JSON).header("Accept-Language", language).body(body)
                .post("/api/public/status/" + path);
    }

    @Test
    void anEmptyLookupNamesEachMissingFieldByItsLabelInTheRequestsLanguage() {
        lookupIn("zh-CN", Map.of(), "request").then().statusCode(422)
                .body("errors.find { it.pointer == '/number' }.message", equalTo("请填写工单号，例如 FD-2026-000123。"))
                .body("errors.find { it.pointer == '/phone' }.message", equalTo("请填写工单上登记的电话。"))
                .body("errors.rule", everyItem(equalTo("required")));
        lookupIn("en", Map.of("number", "  ", "phone", ""), "request").then().statusCode(422)
                .body("errors.find { it.pointer == '/number' }.message",
                        equalTo("Enter the ticket number, e.g. FD-2026-000123."))
                .body("errors.find { it.pointer == '/phone' }.message", equalTo("Enter the phone number on the ticket."));
        lookupIn("zh-CN", Map.of("number", "FD-2026-000001"), "verify").then().statusCode(422)
                .body("errors.pointer", equalTo(java.util.List.of("/code")))
                .body("errors[0].message", equalTo("请填写收到的验证码。"));
        lookupIn("en", Map.of("code", "123456"), "verify").then().statusCode(422)
                .body("errors.pointer", equalTo(java.util.List.of("/number")))
                .body("errors[0].message", equalTo("Enter the ticket number, e.g. FD-2026-000123."));
        // empty input is not a lookup: it does not use up the client's allowance
        for (int i = 0; i < 5; i++) {
            lookupIn("en", Map.of("number", "FD-1999-00010" + i, "phone", "13900001111"), "request").then()
                    .statusCode(202);
        }
    }

    @Test
    void theLookupAnswerAndItsRateLimitSpeakTheRequestsLanguage() {
        lookupIn("zh-CN", Map.of("number", "FD-1999-000201", "phone", "13900001111"), "request").then()
                .statusCode(202).body("message", equalTo("如果工单号与电话匹配，验证码已发送至工单联系人。"));
        for (int i = 0; i < 4; i++) {
            lookupIn("en", Map.of("number", "FD-1999-00021" + i, "phone", "13900001111"), "request").then()
                    .statusCode(202);
        }
        lookupIn("zh-CN", Map.of("number", "FD-1999-000220", "phone", "13900001111"), "request").then()
                .statusCode(429).body("detail", equalTo("查询次数过多，请 10 分钟后再试。"))
                .body("title", not(equalTo("Too many requests")));
        lookupIn("en", Map.of("number", "FD-1999-000221", "phone", "13900001111"), "request").then()
                .statusCode(429).body("detail", equalTo("Too many lookups; try again in 10 minutes."));
    }

    @Test
    void theCodeMailIsWrittenInTheLanguageOfTheLookup() throws Exception {
        String email = "zh-mail-" + System.nanoTime() + "@example.com";
        String number = ticketFor(email, "137 0000 2222");
        int before = GreenMailResource.to(GreenMailResource.mail(), email).size();
        lookupIn("zh-CN", Map.of("number", number, "phone", "13700002222"), "request").then().statusCode(202);
        GreenMailResource.code(GreenMailResource.mail(), email, before);
        var mails = GreenMailResource.to(GreenMailResource.mail(), email);
        var mail = mails.get(mails.size() - 1);
        assertEquals("工单 " + number + " 的 FlowDesk 查询验证码", mail.getSubject());
        assertTrue(String.valueOf(mail.getContent()).contains("10 分钟内有效"), String.valueOf(mail.getContent()));
    }

    @Test
    void customersSignInWithTheirUserNameOrTheirEmail() {
        given().auth().preemptive().basic("customer1", "demo").get("/api/tickets").then().statusCode(200);
        given().auth().preemptive().basic("customer1@example.com", "demo").get("/api/tickets").then().statusCode(200);
        given().auth().preemptive().basic("Customer1@Example.com", "demo").get("/api/tickets").then().statusCode(200);
        given().auth().preemptive().basic("customer1@example.com", "wrong").get("/api/tickets").then()
                .statusCode(401);
        given().auth().preemptive().basic("nobody@example.com", "demo").get("/api/tickets").then().statusCode(401);
    }
}
