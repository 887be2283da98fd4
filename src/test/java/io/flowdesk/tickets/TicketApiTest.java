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
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TicketApiTest {

    static Map<String, Object> refund() {
        return new HashMap<>(Map.of("orderNo", "TB-778899", "refundAmount", 88.5, "reason", "wrong-item"));
    }

    @Test
    void createdTicketHasANumberTheTemplateVersionAndItsFirstTask() {
        as("agent1").body(Tickets.body("ecommerce-refund", "P2", refund())).post("/api/tickets").then()
                .statusCode(201)
                .header("Location", containsString("/api/tickets/FD-"))
                .contentType(ContentType.JSON)
                .body("number", matchesPattern("FD-\\d{4}-\\d{6}"))
                .body("type", equalTo("ecommerce-refund"))
                .body("ticketType", equalTo("refund"))
                .body("templateVersion", equalTo(1))
                .body("priority", equalTo("P2"))
                .body("channel", equalTo("api"))
                .body("customer.phone", equalTo("13812345678"))
                .body("data.orderNo", equalTo("TB-778899"))
                .body("openTasks.formKey", equalTo(List.of("refund-review")))
                .body("openTasks[0].formVersion", equalTo(1))
                .body("openTasks[0].department", equalTo("customer-service"));
    }

    @Test
    void invalidDataIs422WithOnePointerPerError() {
        Map<String, Object> data = refund();
        data.remove("orderNo");
        data.put("refundAmount", -5);
        data.put("reason", "bored");
        data.put("hacker", "x");
        as("agent1").body(Tickets.body("ecommerce-refund", "P2", data)).post("/api/tickets").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.pointer", hasItems("/data/orderNo", "/data/refundAmount", "/data/reason", "/data/hacker"))
                .body("errors.message", everyItem(not(containsString("Exception"))));
    }

    @Test
    void validationProblemsKeepPointerAndRuleAndSpeakTheRequestsLanguage() {
        Map<String, Object> data = refund();
        data.remove("orderNo");
        data.put("refundAmount", "abc");
        data.put("contactPhone", "call me");
        Map<String, Object> body = Tickets.body("ecommerce-refund", "P2", data);
        as("agent1").header("Accept-Language", "zh-CN").body(body).post("/api/tickets").then().statusCode(422)
                .body("errors.find { it.pointer == '/data/orderNo' }.rule", equalTo("required"))
                .body("errors.find { it.pointer == '/data/orderNo' }.message", equalTo("请填写订单号"))
                .body("errors.find { it.pointer == '/data/refundAmount' }.rule", equalTo("type"))
                .body("errors.find { it.pointer == '/data/refundAmount' }.message", equalTo("退款金额（元）必须是数字"))
                .body("errors.find { it.pointer == '/data/contactPhone' }.rule", equalTo("pattern"))
                .body("errors.find { it.pointer == '/data/contactPhone' }.message",
                        equalTo("联系电话只能包含数字、空格和连字符，可以 + 开头，至少 6 位"));
        as("agent1").header("Accept-Language", "en").body(body).post("/api/tickets").then().statusCode(422)
                .body("errors.find { it.pointer == '/data/orderNo' }.rule", equalTo("required"))
                .body("errors.find { it.pointer == '/data/orderNo' }.message", equalTo("Please fill in Order number."))
                .body("errors.find { it.pointer == '/data/refundAmount' }.message",
                        equalTo("Refund amount (CNY) must be a number."))
                .body("errors.find { it.pointer == '/data/contactPhone' }.message", equalTo("The phone number may"
                        + " contain only digits, spaces and hyphens, optionally starting with +, and has at least 6 digits."));
        data.put("refundAmount", 100001);
        data.put("orderNo", "TB 1/2");
        data.remove("contactPhone");
        as("agent1").header("Accept-Language", "zh-CN").body(Tickets.body("ecommerce-refund", "P2", data))
                .post("/api/tickets").then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/data/orderNo", "/data/refundAmount")))
                .body("errors.rule", equalTo(List.of("pattern", "maximum")))
                .body("errors.message", equalTo(List.of("订单号只能包含字母、数字和连字符", "退款金额（元）不能超过 100000")));
    }

    @Test
    void unknownTypeIs422OnType() {
        as("agent1").body(Tickets.body("no-such-template", "P2", refund())).post("/api/tickets").then()
                .statusCode(422).body("errors.pointer", equalTo(List.of("/type")));
    }

    @Test
    void missingTitleCustomerAndBadPriorityAreNamed() {
        Map<String, Object> body = Tickets.body("ecommerce-refund", "P9", refund());
        body.remove("title");
        body.put("customer", Map.of("name", "x", "email", "not-an-email"));
        as("agent1").body(body).post("/api/tickets").then().statusCode(422)
                .body("errors.pointer", hasItems("/title", "/priority", "/customer/email"));
        // agent1 reads Chinese; Accept-Language wins over the user's language
        as("agent1").body(body).post("/api/tickets").then().statusCode(422)
                .body("detail", equalTo("工单内容有误。"))
                .body("errors.find { it.pointer == '/title' }.message", equalTo("请填写标题（1 到 300 个字符）。"))
                .body("errors.find { it.pointer == '/priority' }.message", equalTo("优先级须为 P1, P2, P3, P4 之一。"));
        as("agent1").header("Accept-Language", "en").body(body).post("/api/tickets").then().statusCode(422)
                .body("detail", equalTo("The ticket is not valid."))
                .body("errors.find { it.pointer == '/title' }.message", equalTo("Enter a title (1 to 300 characters)."))
                .body("errors.find { it.pointer == '/customer/email' }.message",
                        equalTo("Customer e-mail is not a valid e-mail address."));
    }

    @Test
    void malformedJsonIs400ProblemWithoutInternals() {
        as("agent1").body("{\"type\": \"ecommerce-refund\", \"title\": ").post("/api/tickets").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("io.flowdesk")));
        as("agent1").body("{\"type\": [1,2]}").post("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void noCredentialsIs401AndWrongPasswordToo() {
        given().get("/api/tickets").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.containsStringIgnoringCase("basic"));
        given().auth().preemptive().basic("agent1", "wrong").get("/api/tickets").then().statusCode(401);
        given().auth().preemptive().basic("nobody", "demo").get("/api/tickets").then().statusCode(401);
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource db;

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheSameTicketAnotherBodyIs422() throws java.sql.SQLException {
        Map<String, Object> body = Tickets.body("ecommerce-refund", "P3", refund());
        String first = as("agent1").header("Idempotency-Key", "idem-1").body(body).post("/api/tickets").then()
                .statusCode(201).extract().path("number");
        String second = as("agent1").header("Idempotency-Key", "idem-1").body(body).post("/api/tickets").then()
                .statusCode(201).header("Idempotent-Replayed", "true").extract().path("number");
        assertEquals(first, second);
        // one row for the key (the newest-first list may start with other tests' tickets dated in the future)
        try (var c = db.getConnection(); var ps = c.prepareStatement("select count(*) from ticket where "
                + "idempotency_key = ? and created_by = 'agent1'")) {
            ps.setString(1, "idem-1");
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
        }
        Map<String, Object> other = new HashMap<>(body);
        other.put("priority", "P1");
        as("agent1").header("Idempotency-Key", "idem-1").body(other).post("/api/tickets").then().statusCode(422)
                .body("errors.pointer", hasItem("header:Idempotency-Key"));
        // keys belong to the caller: another user with the same key gets their own ticket
        String agent2s = as("agent2").header("Idempotency-Key", "idem-1").body(body).post("/api/tickets").then()
                .statusCode(201).extract().path("number");
        assertEquals(false, first.equals(agent2s));
    }

    @Test
    void taskDataIsValidatedAgainstThePinnedForm() {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", refund()));
        String task = openTask(number, "refund-review");
        complete("agent1", task, Map.of("accepted", "yes", "extra", 1)).then().statusCode(422)
                .body("errors.pointer", hasItems("/data/accepted", "/data/extra"));
        complete("agent1", task, Map.of()).then().statusCode(422).body("errors.pointer", hasItem("/data/accepted"));
        complete("agent1", task, Map.of("accepted", true)).then().statusCode(200)
                .body("openTasks.formKey", equalTo(List.of("refund-intercept")));
        complete("agent1", task, Map.of("accepted", true)).then().statusCode(409);
    }

    @Test
    void timelineRecordsWhoDidWhatAndWhatChanged() {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", refund()));
        complete("agent2", openTask(number, "refund-review"), Map.of("accepted", true, "reviewNote", "ok")).then()
                .statusCode(200);
        as("admin").get("/api/tickets/" + number + "/timeline").then().statusCode(200)
                .body("find { it.kind == 'CREATED' }.actor", equalTo("agent1"))
                .body("find { it.kind == 'TASK_COMPLETED' }.actor", equalTo("agent2"))
                .body("find { it.kind == 'TASK_COMPLETED' }.details.changes.field", hasItems("accepted", "reviewNote"))
                .body("find { it.kind == 'STATUS_CHANGED' }.details.to", equalTo("OPEN"));
    }

    @Test
    void listFiltersAndPages() {
        createTicket("agent1", Tickets.body("it-incident", "P4", Map.of("summary", "VPN 连不上", "category", "network")));
        as("agent1").get("/api/tickets?type=it-incident&priority=P4&size=5").then().statusCode(200)
                .body("items.type", everyItem(equalTo("it-incident")))
                .body("items.priority", everyItem(equalTo("P4")))
                .body("size", equalTo(5));
        as("agent1").get("/api/tickets?size=0").then().statusCode(422);
    }

    @Test
    void templatesAndFormsAreReadable() {
        as("customer1").get("/api/templates").then().statusCode(200)
                .body("key", hasItems("ecommerce-refund", "it-incident", "bug-escalation"));
        as("agent1").get("/api/templates/ecommerce-refund").then().statusCode(200)
                .body("startForm.key", equalTo("refund-request"))
                .body("name.'zh-CN'", equalTo("电商售后退款"));
        as("agent1").get("/api/forms/refund-request/1").then().statusCode(200)
                .body("schema.'x-ui'.fields.orderNo.label.en", equalTo("Order number"));
        as("agent1").get("/api/forms/refund-request/99").then().statusCode(404);
        as("agent1").get("/api/templates/nope").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200);
    }
}
