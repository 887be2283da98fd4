package io.flowdesk.notify;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static io.flowdesk.testing.Api.openTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.shared.Text;
import io.flowdesk.testing.Tickets;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hub's consumer {@code notify}: new in my queue, customer replied, resolved, once each; preferences apply. */
@QuarkusTest
class NotifyConsumerTest {

    @Inject
    TicketEventStream stream;

    @Inject
    TicketCommands commands;

    static Map<String, Object> refund() {
        return Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "CO-55", "refundAmount", 20, "reason", "other"));
    }

    long notices(String user, long ticketId, String... kinds) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select count(*) from notification where username = ?1 and ticket_id = ?2 and "
                        + "kind in (?3)", Long.class).setParameter(1, user).setParameter(2, ticketId)
                .setParameter(3, List.of(kinds)).getSingleResult())));
    }

    long ticketId(String number) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select id from ticket where number = ?1", Long.class)
                        .setParameter(1, number).getSingleResult())));
    }

    void drain() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> stream.drain("notify"));
    }

    @Test
    void aNewQueueTaskNotifiesTheDepartmentOnceAndMailsByPreference() throws Throwable {
        // agent2 turns e-mail off for queue notices; the default stays on for the others
        as("agent2").body(List.of(Map.of("event", "queue", "channel", "email", "enabled", false)))
                .put("/api/me/notification-preferences").then().statusCode(200);
        as("agent1").body(List.of(Map.of("event", "queue", "channel", "email", "enabled", false)))
                .put("/api/me/notification-preferences?user=*").then().statusCode(403);
        String number = createTicket("agent1", refund());
        long id = ticketId(number);
        drain();
        drain();
        assertEquals(1, notices("agent2", id, "QUEUE_NEW"));
        assertEquals(1, notices("supervisor", id, "QUEUE_NEW"));
        var agent2 = Deliveries.where("channel = 'email' and recipient = 'agent2' and ticket_id = ?1 and kind = "
                + "'QUEUE_NEW'", id);
        assertEquals(1, agent2.size());
        assertEquals("suppressed", agent2.get(0).status());
        assertTrue(agent2.get(0).reason().contains("preferences"), agent2.get(0).reason());
        var supervisor = Deliveries.where("channel = 'email' and recipient = 'supervisor' and ticket_id = ?1 and "
                + "kind = 'QUEUE_NEW'", id);
        assertEquals("pending", supervisor.get(0).status());
        as("agent2").get("/api/me/notification-preferences").then().statusCode(200);
    }

    @Test
    void aCustomerReplyReachesTheAssigneeOnceAndResolutionMailsTheCustomer() throws Throwable {
        String number = createTicket("customer1", refund());
        long id = ticketId(number);
        String review = openTask(number, "refund-review");
        as("agent1").post("/api/tasks/" + review + "/claim").then().statusCode(200);
        as("customer1").body(Map.of("text", "any news about my refund?", "internal", false))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        drain();
        drain();
        assertEquals(1, notices("agent1", id, "CUSTOMER_REPLY", "REPLY"), "one notice, not two");

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> commands.record(id, "ENDED", null,
                null, Text.literal("ended"), io.flowdesk.shared.Json.MAPPER.createObjectNode(), false)));
        drain();
        drain();
        var mails = Deliveries.where("channel = 'email' and ticket_id = ?1 and kind = 'RESOLVED'", id);
        assertEquals(1, mails.size());
        assertEquals("customer1@example.com", mails.get(0).recipient());
        assertTrue(mails.get(0).payload().contains("\"locale\":\"zh-CN\""), mails.get(0).payload());
        assertTrue(mails.get(0).payload().contains("/portal/tickets/" + number), mails.get(0).payload());
    }
}
