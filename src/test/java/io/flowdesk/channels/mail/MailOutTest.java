package io.flowdesk.channels.mail;

import static io.flowdesk.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.notify.internal.DeliverySender;
import io.flowdesk.testing.GreenMailResource;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mail out (ADR 0051) read back from a real SMTP server (GreenMail): the headers Gmail, Outlook and Foxmail thread
 * by, the reply address that threads without headers, CC'd watchers, and two helpdesks that cannot loop.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class MailOutTest {

    @Inject
    DeliverySender sender;

    @Inject
    TicketEventStream stream;

    @BeforeEach
    void mailbox() {
        as("admin").body(Map.of("address", "support@flowdesk.test")).put("/api/admin/mailboxes/support")
                .then().statusCode(200);
    }

    /** What an agent's public reply makes: the mail-out consumer's deliveries, then the sends. */
    void deliver() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> stream.drain("mail-out"));
        sender.drain();
    }

    static void reply(String number, String text, boolean internal) {
        as("admin").body(Map.of("text", text, "internal", internal)).post("/api/tickets/" + number + "/comments")
                .then().statusCode(201);
    }

    static List<MimeMessage> inbox(String address) {
        return GreenMailResource.to(GreenMailResource.mail(), address);
    }

    static String h(MimeMessage m, String name) throws Exception {
        return m.getHeader(name, " ");
    }

    @Test
    void repliesCarryTheNumberTheTokenAndTheConversationSoEveryClientThreadsThem() throws Throwable {
        String customer = Eml.sender();
        Eml first = Eml.from("王五 <" + customer + ">").subject("发票抬头写错了");
        String number = (String) MailImportTest.imported(first.bytes()).get("ticketNumber");
        reply(number, "您好，我们已经在处理。", false);
        deliver();
        reply(number, "内部：财务在查", true); // never mailed
        deliver();
        reply(number, "发票已重开，请查收。", false);
        deliver();

        List<MimeMessage> mails = new ArrayList<>(inbox(customer));
        assertEquals(2, mails.size(), "two public replies, the internal note not");
        mails.sort(Comparator.comparingInt(m -> {
            try {
                return h(m, "Thread-Index").length();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        MimeMessage one = mails.get(0);
        MimeMessage two = mails.get(1);
        String thread = "<ticket." + number + "@flowdesk.local>";
        for (MimeMessage m : mails) {
            assertTrue(m.getSubject().contains("[" + number + "]"), m.getSubject());
            assertTrue(h(m, "Message-ID").startsWith("<fd." + number + "."), h(m, "Message-ID"));
            assertEquals("auto-generated", h(m, "Auto-Submitted"));
            assertEquals("flowdesk@flowdesk.local", h(m, "X-Loop"));
            assertEquals("发票抬头写错了", MimeUtility.decodeText(MimeUtility.unfold(h(m, "Thread-Topic"))));
            String replyTo = ((InternetAddress) m.getReplyTo()[0]).getAddress();
            assertTrue(replyTo.matches("support\\+" + number.toLowerCase() + "\\.[0-9a-f]{12}@flowdesk\\.test"),
                    replyTo);
            assertTrue(h(m, "References").startsWith(thread), h(m, "References"));
        }
        assertEquals(((InternetAddress) one.getReplyTo()[0]).getAddress(),
                ((InternetAddress) two.getReplyTo()[0]).getAddress(), "one reply address per ticket");
        // the first answers the customer's mail, the second the first
        assertEquals(first.messageId(), h(one, "In-Reply-To"));
        assertTrue(h(one, "References").contains(first.messageId()));
        assertEquals(h(one, "Message-ID"), h(two, "In-Reply-To"));
        assertTrue(h(two, "References").contains(first.messageId()) && h(two, "References")
                .contains(h(one, "Message-ID")), h(two, "References"));
        assertNotEquals(h(one, "Message-ID"), h(two, "Message-ID"));
        // Thread-Index: a 22-byte header block (reserved 0x01, time, GUID), then one 5-byte block per earlier
        // message, and each mail's index is the one before plus a block (Outlook: parent and child)
        byte[] a = Base64.getDecoder().decode(h(one, "Thread-Index"));
        byte[] b = Base64.getDecoder().decode(h(two, "Thread-Index"));
        assertEquals(1, a[0]);
        assertEquals(0, (a.length - 22) % 5);
        assertEquals(22 + 5, a.length, "the customer's mail came before the first reply");
        assertEquals(a.length + 5, b.length);
        assertArrayEquals(a, Arrays.copyOf(b, a.length));

        // the customer answers the Reply-To address through a system that strips every threading header
        String to = ((InternetAddress) two.getReplyTo()[0]).getAddress();
        Map<String, Object> answer = MailImportTest.imported(Eml.from(customer).header("To", to)
                .subject("收到了，谢谢").body("谢谢").bytes());
        assertEquals("replied", answer.get("outcome"));
        assertEquals(number, answer.get("ticketNumber"));
        // a mail system that upper-cases addresses changes nothing
        Map<String, Object> upper = MailImportTest.imported(Eml.from(customer).header("To", to.toUpperCase())
                .subject("再补充一句").bytes());
        assertEquals(number, upper.get("ticketNumber"));
        // a forged reply address (another existing ticket's number, this ticket's signature) threads nothing: the
        // mail becomes a new ticket (whose number may well be the next one, so that is not what is compared)
        String other = (String) MailImportTest.imported(Eml.from(Eml.sender()).subject("另一个问题").bytes())
                .get("ticketNumber");
        Map<String, Object> forged = MailImportTest.imported(Eml.from(Eml.sender()).header("To",
                to.replace(number.toLowerCase(), other.toLowerCase())).subject("hello").bytes());
        assertEquals("created", forged.get("outcome"), forged.toString());
        assertNotEquals(number, forged.get("ticketNumber"));
        assertNotEquals(other, forged.get("ticketNumber"));
    }

    @Test
    void ccRecipientsWatchTheTicketGetItsPublicRepliesAndWriteAsParticipants() throws Throwable {
        String customer = Eml.sender();
        String colleague = Eml.sender();
        String stranger = Eml.sender();
        Eml first = Eml.from(customer).header("Cc", "李四 <" + colleague + ">, support+x@flowdesk.test");
        Map<String, Object> created = MailImportTest.imported(first.bytes());
        String number = (String) created.get("ticketNumber");
        reply(number, "we are on it " + number, false);
        deliver();
        List<MimeMessage> cc = inbox(colleague);
        assertEquals(1, cc.size(), "the CC'd colleague gets the public reply");
        assertTrue(com.icegreen.greenmail.util.GreenMailUtil.getBody(cc.get(0)).contains("we are on it"));
        assertEquals(1, inbox(customer).size());
        assertTrue(inbox("support+x@flowdesk.test").isEmpty(), "FlowDesk's own address is no watcher");

        Map<String, Object> fromColleague = MailImportTest.imported(Eml.from(colleague)
                .header("To", ((InternetAddress) cc.get(0).getReplyTo()[0]).getAddress())
                .subject("Re: [" + number + "] one more detail").body("the printer is on floor 3").bytes());
        assertEquals("replied", fromColleague.get("outcome"));
        assertEquals(false, fromColleague.get("review"));
        Map<String, Object> fromStranger = MailImportTest.imported(Eml.from(stranger)
                .subject("Re: [" + number + "] me too").bytes());
        assertEquals("review", fromStranger.get("outcome"));
        io.flowdesk.testing.Api.ticket("admin", number).then().statusCode(200);
        // the colleague's reply is a participant's public reply on the timeline
        String timeline = as("admin").get("/api/tickets/" + number + "/timeline").then().statusCode(200).extract()
                .asString();
        assertTrue(timeline.contains("the printer is on floor 3"), timeline);
    }

    @Test
    void anotherHelpdeskThatAnswersEverythingGetsOneMailAndItsAnswersAreRecordedNeverAnswered() throws Throwable {
        // helpdesk B answers every mail it gets: once as a well-behaved system (Auto-Submitted), once as a naive one
        // that sets no header at all; each conversation ends after FlowDesk's mail and B's answer
        for (boolean wellBehaved : new boolean[] {true, false}) {
            String b = "helpdesk-" + (wellBehaved ? "ok" : "naive") + "-" + Eml.sender();
            String number = (String) MailImportTest.imported(Eml.from(b).subject("Order 77 问题").bytes())
                    .get("ticketNumber");
            reply(number, "Please send the order number.", false);
            int exchanged = 0;
            List<String> answered = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                deliver();
                List<MimeMessage> got = inbox(b);
                boolean quiet = true;
                for (MimeMessage m : got) {
                    String id = h(m, "Message-ID");
                    if (answered.contains(id)) {
                        continue;
                    }
                    answered.add(id);
                    quiet = false;
                    exchanged++; // FlowDesk → B
                    Eml answer = Eml.from(b).header("To", ((InternetAddress) m.getReplyTo()[0]).getAddress())
                            .subject("Re: " + m.getSubject()).inReplyTo(id).body("We received your message.");
                    if (wellBehaved) {
                        answer.header("Auto-Submitted", "auto-replied").header("X-Loop", "helpdesk@other.test");
                    }
                    Map<String, Object> in = MailImportTest.imported(answer.bytes());
                    exchanged++; // B → FlowDesk
                    assertEquals(wellBehaved ? "auto" : "replied", in.get("outcome"));
                    assertEquals(number, in.get("ticketNumber"));
                }
                if (quiet) {
                    break;
                }
            }
            assertEquals(2, exchanged, "the exchange stops after FlowDesk's mail and B's answer");
            assertEquals(1, inbox(b).size());
            if (wellBehaved) {
                String timeline = as("admin").get("/api/tickets/" + number + "/timeline").then().statusCode(200)
                        .extract().asString();
                assertTrue(timeline.contains("auto-replied") || timeline.contains("自动邮件"), timeline);
            }
        }
    }

    @Test
    void threadIndexHasOutlooksLayout() {
        java.time.Instant start = java.time.Instant.parse("2026-12-01T08:00:00Z");
        String none = ThreadIndex.of("FD-2026-000001", start, List.of());
        byte[] head = Base64.getDecoder().decode(none);
        assertEquals(22, head.length);
        long filetime = (start.getEpochSecond() + 11_644_473_600L) * 10_000_000L;
        for (int i = 0; i < 6; i++) {
            assertEquals((byte) (filetime >>> (56 - 8 * i)), head[i]);
        }
        byte[] child = Base64.getDecoder().decode(ThreadIndex.of("FD-2026-000001", start,
                List.of(new ThreadIndex.Child("x@y", start.plusSeconds(3600)))));
        assertEquals(27, child.length);
        assertArrayEquals(head, Arrays.copyOf(child, 22));
        long delta = ((child[22] & 0xffL) << 24) | ((child[23] & 0xffL) << 16) | ((child[24] & 0xffL) << 8)
                | (child[25] & 0xffL);
        assertEquals(0, delta & 0x8000_0000L, "an hour fits without the delta-code bit");
        assertEquals((3600L * 10_000_000L + (filetime & 0xFFFF)) >>> 18, delta);
        assertFalse(none.equals(ThreadIndex.of("FD-2026-000002", start, List.of())), "a GUID per ticket");
        assertNotNull(none);
    }
}
