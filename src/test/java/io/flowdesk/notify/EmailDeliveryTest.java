package io.flowdesk.notify;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.notify.internal.DeliverySender;
import io.flowdesk.shared.Text;
import io.flowdesk.testing.GreenMailResource;
import io.flowdesk.testing.Tickets;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Notices become real SMTP mail (GreenMail): language, parts, headers, threading, injection, refused addresses. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class EmailDeliveryTest {

    @Inject
    DeliverySender sender;

    @Inject
    NotifyHub hub;

    static Map<String, Object> refund() {
        return Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "CO-31", "refundAmount", 20, "reason", "other"));
    }

    @Test
    void aMentionIsMailedOnceInTheReadersLanguageWithThreadingHeaders() throws Throwable {
        String number = createTicket("agent1", refund());
        as("agent1").body(Map.of("text", "@agent2 please check " + number, "internal", true))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        as("agent2").body(Map.of("text", "@agent1 看一下 " + number, "internal", true))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        sender.drain();
        sender.drain(); // a second pass sends nothing again

        MimeMessage en = only(number, "agent2@flowdesk.local");
        MimeMessage zh = only(number, "agent1@flowdesk.local");
        assertEquals("[" + number + "] You were mentioned", en.getSubject());
        assertEquals("[" + number + "] 有人提到了您", zh.getSubject());
        assertTrue(text(en, "text/plain").contains("Hello 客服 Agent 2,"), text(en, "text/plain"));
        assertTrue(text(en, "text/html").contains("please check " + number));
        assertTrue(text(zh, "text/plain").contains("您好"), text(zh, "text/plain"));
        assertTrue(text(zh, "text/html").contains("看一下 " + number));
        assertTrue(text(zh, "text/html").contains("lang=\"zh-CN\""));

        var row = Deliveries.where("channel = 'email' and recipient = 'agent2' and payload_json like ?1",
                "%" + number + "%").get(0);
        assertEquals("sent", row.status());
        // a mail about a ticket has the ticket's signed reply token as its Message-ID (ADR 0042), one per mail
        String id = en.getHeader("Message-ID", null);
        assertTrue(id.startsWith("<fd." + number + ".") && id.endsWith("@flowdesk.local>"), id);
        assertNotEquals(id, zh.getHeader("Message-ID", null));
        assertEquals(row.key(), en.getHeader("X-FlowDesk-Delivery", null));
        assertEquals("auto-generated", en.getHeader("Auto-Submitted", null));
        String thread = "<ticket." + number + "@flowdesk.local>";
        assertEquals(thread, en.getHeader("In-Reply-To", null));
        assertEquals(thread, zh.getHeader("References", null));
    }

    @Test
    void aNameWithLineBreaksAddsNoHeader() throws Throwable {
        String evil = "x\r\nBcc: a@b.c";
        String key = "test:injection:" + System.nanoTime();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> hub.mailAddress(key,
                "customer9@example.com", evil, "en", null, null, "RESOLVED", Text.literal("Refund " + evil),
                Text.literal("Dear " + evil), null)));
        sender.drain();
        List<MimeMessage> got = GreenMailResource.to(GreenMailResource.mail(), "customer9@example.com");
        assertEquals(1, got.size());
        MimeMessage mail = got.get(0);
        assertNull(mail.getHeader("Bcc"), "no Bcc header");
        assertEquals(1, mail.getAllRecipients().length);
        assertEquals("Refund x Bcc: a@b.c", mail.getSubject());
        assertTrue(GreenMailResource.to(GreenMailResource.mail(), "a@b.c").isEmpty(), "nothing went to a@b.c");
        assertTrue(text(mail, "text/plain").contains("Hello x Bcc: a@b.c,"), text(mail, "text/plain"));
    }

    @Test
    void noReplyAndMailerDaemonAddressesAreSuppressedWithTheReason() throws Throwable {
        for (String address : List.of("no-reply@shop.example", "MAILER-DAEMON@shop.example", "postmaster@shop.example",
                "a@b.c\r\nBcc: x@y.z")) {
            String key = "test:refused:" + address.hashCode();
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> hub.mailAddress(key, address,
                    "Shop", "en", null, null, "RESOLVED", Text.literal("s"), Text.literal("b"), null)));
            var row = Deliveries.where("delivery_key = ?1", key).get(0);
            assertEquals("suppressed", row.status(), address);
            assertNotNull(row.reason());
        }
        sender.drain();
        assertTrue(GreenMailResource.to(GreenMailResource.mail(), "shop.example").isEmpty());
    }

    private static MimeMessage only(String number, String address) throws Exception {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage m : GreenMailResource.to(GreenMailResource.mail(), address)) {
            if (m.getSubject() != null && m.getSubject().contains(number)) {
                matching.add(m);
            }
        }
        assertEquals(1, matching.size(), "exactly one mail to " + address + " about " + number);
        return matching.get(0);
    }

    /** The text of the part with that content type (the mail is multipart/alternative). */
    static String text(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        assertFalse(content instanceof String, "multipart");
        Multipart parts = (Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return parts.getBodyPart(i).getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
