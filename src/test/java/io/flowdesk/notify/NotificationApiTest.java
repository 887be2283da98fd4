package io.flowdesk.notify;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotificationApiTest {

    @Inject
    Notifications notifications;

    static Map<String, Object> refund() {
        return Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "CO-9", "refundAmount", 20, "reason", "other"));
    }

    @Test
    void aMentionLinksToItsTicketAndOnlyItsOwnerMarksItRead() throws Throwable {
        String number = createTicket("agent1", refund());
        as("agent1").body(Map.of("text", "@agent2 mark-one-read " + number, "internal", true))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        as("agent1").body(Map.of("text", "@agent2 second " + number, "internal", true))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        var recent = VertxContextSupport.subscribeAndAwait(() -> notifications.recent("agent2", 2));
        var second = recent.get(0);
        var first = recent.get(1);
        assertEquals(number, first.ticketNumber());
        assertFalse(first.read());
        long unread = VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("agent2"));

        as("agent2").get("/api/notifications?limit=2").then().statusCode(200)
                .body("[0].id", equalTo((int) second.id())).body("[0].ticketNumber", equalTo(number))
                .body("[0].read", equalTo(false));

        // another user cannot mark it read, nor learn that it exists
        as("agent1").post("/api/notifications/" + first.id() + "/read").then().statusCode(404);
        as("supervisor").post("/api/notifications/" + first.id() + "/read").then().statusCode(404);
        as("agent2").post("/api/notifications/99999999/read").then().statusCode(404);
        assertEquals(unread, VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("agent2")));

        as("agent2").post("/api/notifications/" + first.id() + "/read").then().statusCode(200)
                .body("id", equalTo((int) first.id())).body("read", equalTo(true))
                .body("ticketNumber", equalTo(number));
        assertEquals(unread - 1, VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("agent2")));
        // only that one: the second stays unread; marking again is harmless
        var after = VertxContextSupport.subscribeAndAwait(() -> notifications.recent("agent2", 2));
        assertFalse(after.get(0).read());
        as("agent2").post("/api/notifications/" + first.id() + "/read").then().statusCode(200);
        assertEquals(unread - 1, VertxContextSupport.subscribeAndAwait(() -> notifications.unreadCount("agent2")));
        // without credentials: refused
        io.restassured.RestAssured.given().post("/api/notifications/" + first.id() + "/read").then().statusCode(401);
    }
}
