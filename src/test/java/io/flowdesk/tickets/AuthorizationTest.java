package io.flowdesk.tickets;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.complete;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openTask;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Role and object checks: customers see only their tickets, staff only their departments' work. */
@QuarkusTest
class AuthorizationTest {

    static Map<String, Object> body() {
        return Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "PDD-1", "refundAmount", 30,
                "reason", "not-received"));
    }

    @Test
    void customerCannotReadAnotherCustomersTicket() {
        String mine = createTicket("customer1", body());
        as("customer1").get("/api/tickets/" + mine).then().statusCode(200)
                .body("customer.email", equalTo("customer1@example.com"))
                .body("channel", equalTo("api"));
        as("customer2").get("/api/tickets/" + mine).then().statusCode(404);
        as("customer2").get("/api/tickets/" + mine + "/timeline").then().statusCode(404);
        as("customer2").get("/api/tickets?size=200").then().statusCode(200)
                .body("items.number", not(hasItem(mine)));
        as("customer1").get("/api/tickets?size=200").then().statusCode(200).body("items.number", hasItem(mine));
        as("customer2").get("/api/tickets/FD-2000-999999").then().statusCode(404);
    }

    @Test
    void customersSeeOnlyPublicTimelineEntriesAndCannotWorkTasks() {
        String mine = createTicket("customer1", body());
        as("customer1").get("/api/tickets/" + mine + "/timeline").then().statusCode(200)
                .body("internal", everyItem(equalTo(false)))
                .body("kind", hasItem("CREATED"));
        String task = openTask(mine, "refund-review");
        complete("customer1", task, Map.of("accepted", true)).then().statusCode(404);
        as("customer1").post("/api/tasks/" + task + "/claim").then().statusCode(404);
    }

    @Test
    void internalCommentsNeverReachTheCustomer() {
        String mine = createTicket("customer1", body());
        as("customer1").body(Map.of("text", "请尽快处理", "internal", true)).post("/api/tickets/" + mine + "/comments")
                .then().statusCode(201).body("internal", equalTo(false));
        as("agent1").body(Map.of("text", "客户情绪激动，注意措辞", "internal", true))
                .post("/api/tickets/" + mine + "/comments").then().statusCode(201).body("internal", equalTo(true));
        as("agent1").body(Map.of("text", "已为您加急", "internal", false)).post("/api/tickets/" + mine + "/comments")
                .then().statusCode(201);
        as("customer1").get("/api/tickets/" + mine + "/timeline").then().statusCode(200)
                .body("summary", hasItem("请尽快处理")).body("summary", hasItem("已为您加急"))
                .body("summary", not(hasItem("客户情绪激动，注意措辞")));
        as("agent2").get("/api/tickets/" + mine + "/timeline").then().body("summary", hasItem("客户情绪激动，注意措辞"));
        as("customer2").body(Map.of("text", "hi")).post("/api/tickets/" + mine + "/comments").then().statusCode(404);
        as("customer1").body(Map.of("text", " ")).post("/api/tickets/" + mine + "/comments").then().statusCode(422)
                .body("errors.pointer", hasItem("/text"));
    }

    @Test
    void staffCannotWorkAnotherDepartmentsTask() {
        String number = createTicket("agent1", body());
        String review = openTask(number, "refund-review");
        complete("warehouse1", review, Map.of("accepted", true)).then().statusCode(404);
        as("finance1").post("/api/tasks/" + review + "/claim").then().statusCode(404);
        as("warehouse1").get("/api/tickets/" + number).then().statusCode(404);
        as("warehouse1").get("/api/tasks?scope=group").then().statusCode(200)
                .body("id", not(hasItem(review)));

        complete("agent1", review, Map.of("accepted", true)).then().statusCode(200);
        String intercept = openTask(number, "refund-intercept");
        as("warehouse1").get("/api/tickets/" + number).then().statusCode(200);
        as("warehouse1").get("/api/tasks?scope=group").then().statusCode(200).body("id", hasItem(intercept));
        complete("finance1", intercept, Map.of("intercepted", true)).then().statusCode(404);
    }

    @Test
    void claimedTaskBelongsToTheClaimer() {
        String number = createTicket("agent1", body());
        String review = openTask(number, "refund-review");
        as("agent1").post("/api/tasks/" + review + "/claim").then().statusCode(200)
                .body("assignee", equalTo("agent1"));
        as("agent1").get("/api/tasks?scope=mine").then().body("id", hasItem(review));
        as("agent2").get("/api/tasks?scope=group").then().body("id", not(hasItem(review)));
        as("agent2").post("/api/tasks/" + review + "/claim").then().statusCode(409);
        complete("agent2", review, Map.of("accepted", true)).then().statusCode(409);
        as("agent1").post("/api/tasks/" + review + "/unclaim").then().statusCode(200);
        complete("agent2", review, Map.of("accepted", true)).then().statusCode(200);
    }

    @Test
    void designersCannotListTicketsAndNobodyAnonymous() {
        as("designer").get("/api/tickets").then().statusCode(403);
        as("warehouse1").body(body()).post("/api/tickets").then().statusCode(403);
    }
}
