package io.flowdesk.channels.mail;

import static io.flowdesk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import service through {@code POST /api/intake/mail} on real PostgreSQL (ADR 0042). */
@QuarkusTest
class MailImportTest {

    static final String KEY = "Zmxvd2Rlc2stZGV2LW9ubHkta2V5LTMyLWJ5dGVzISE="; // %test.flowdesk.secrets.key

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void mailbox() {
        as("admin").body(Map.of("address", "support@flowdesk.test")).put("/api/admin/mailboxes/support")
                .then().statusCode(200);
    }

    static Response post(byte[] raw) {
        return given().auth().preemptive().basic("admin", "demo").contentType("message/rfc822").body(raw)
                .post("/api/intake/mail?mailbox=support");
    }

    static Map<String, Object> imported(byte[] raw) {
        return post(raw).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void aNewMailBecomesOneTicketAndTheSameMailAgainNothingMore() throws Exception {
        String sender = Eml.sender();
        Eml mail = Eml.from("张三 <" + sender + ">").subject("打印机坏了").body("办公室的打印机不能用了。");
        Map<String, Object> first = imported(mail.bytes());
        assertEquals("created", first.get("outcome"));
        String number = (String) first.get("ticketNumber");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> again = imported(mail.bytes());
            assertEquals(true, again.get("duplicate"));
            assertEquals(number, again.get("ticketNumber"));
        }
        // the same bytes with other line ends (a relay) are the same message too
        byte[] lf = new String(mail.bytes(), StandardCharsets.UTF_8).replace("\r\n", "\n")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(number, imported(lf).get("ticketNumber"));
        assertEquals(1, count("select count(*) from ticket where customer_email = ?", sender));
        Api.ticket("admin", number).then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo("打印机坏了"))
                .body("channel", org.hamcrest.Matchers.equalTo("email"))
                .body("customer.name", org.hamcrest.Matchers.equalTo("张三"));
        assertEquals(1, count("select count(*) from app_user where username = ? and roles = 'customer'", sender));
    }

    @Test
    void theSameMailImportedConcurrentlyGivesOneTicket() throws Exception {
        String sender = Eml.sender();
        byte[] raw = Eml.from(sender).bytes();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, Object>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit((Callable<Map<String, Object>>) () -> imported(raw)));
            }
            String number = null;
            int fresh = 0;
            for (Future<Map<String, Object>> f : results) {
                Map<String, Object> r = f.get();
                number = number == null ? (String) r.get("ticketNumber") : number;
                assertEquals(number, r.get("ticketNumber"));
                fresh += Boolean.TRUE.equals(r.get("duplicate")) ? 0 : 1;
            }
            assertEquals(1, fresh);
            assertEquals(1, count("select count(*) from ticket where customer_email = ?", sender));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReplyThreadsByInReplyToByReferencesBySubjectNumberAndByToken() throws Exception {
        String sender = Eml.sender();
        Eml first = Eml.from(sender);
        String number = (String) imported(first.bytes()).get("ticketNumber");

        Map<String, Object> byHeader = imported(Eml.from(sender).subject("other words").inReplyTo(first.messageId())
                .body("more details").bytes());
        assertEquals("replied", byHeader.get("outcome"));
        assertEquals(number, byHeader.get("ticketNumber"));

        Map<String, Object> byReferences = imported(Eml.from(sender).subject("again")
                .header("References", "<unknown@x.test> " + first.messageId() + " <other@y.test>").bytes());
        assertEquals(number, byReferences.get("ticketNumber"));

        String encoded = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(("回复：[" + number + "] 还没修好")
                .getBytes(StandardCharsets.UTF_8)) + "?=";
        Map<String, Object> bySubject = imported(Eml.from(sender).subject(encoded).bytes());
        assertEquals("replied", bySubject.get("outcome"));
        assertEquals(number, bySubject.get("ticketNumber"));

        String token = new ReplyToken(Base64.getDecoder().decode(KEY)).messageId(number, "flowdesk.local");
        Map<String, Object> byToken = imported(Eml.from(sender).subject("no number here")
                .inReplyTo("<" + token + ">").bytes());
        assertEquals(number, byToken.get("ticketNumber"));

        List<Map<String, Object>> timeline = as("admin").get("/api/tickets/" + number + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertEquals(4, timeline.stream().filter(e -> "REPLY".equals(e.get("kind"))).count());
    }

    @Test
    void aForgedTokenDoesNotThread() throws Exception {
        String sender = Eml.sender();
        String number = (String) imported(Eml.from(sender).bytes()).get("ticketNumber");
        String forged = new ReplyToken("another-key-with-32-bytes-000000".getBytes(StandardCharsets.US_ASCII))
                .messageId(number, "flowdesk.local");
        Map<String, Object> r = imported(Eml.from(sender).subject("hello").inReplyTo("<" + forged + ">").bytes());
        assertEquals("created", r.get("outcome"));
        assertNotEquals(number, r.get("ticketNumber"));
    }

    @Test
    void aSenderWhoIsNotOnTheTicketBecomesAnInternalNoteForReview() throws Exception {
        String number = (String) imported(Eml.from(Eml.sender()).bytes()).get("ticketNumber");
        Map<String, Object> r = imported(Eml.from(Eml.sender()).subject("Re: [" + number + "] me too").bytes());
        assertEquals("review", r.get("outcome"));
        assertEquals(true, r.get("review"));
        assertEquals(number, r.get("ticketNumber"));
        List<Map<String, Object>> timeline = as("admin").get("/api/tickets/" + number + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertTrue(timeline.stream().anyMatch(e -> "NOTE".equals(e.get("kind"))
                && Boolean.TRUE.equals(e.get("internal"))));
        assertFalse(timeline.stream().anyMatch(e -> "REPLY".equals(e.get("kind"))));
    }

    @Test
    void autoRepliesAndBouncesAreRecordedButMakeNoTicket() throws Exception {
        String sender = Eml.sender();
        Map<String, Object> auto = imported(Eml.from(sender).header("Auto-Submitted", "auto-replied")
                .subject("Out of office").bytes());
        assertEquals("auto", auto.get("outcome"));
        assertNull(auto.get("ticketNumber"));
        Map<String, Object> bulk = imported(Eml.from(Eml.sender()).header("Precedence", "bulk").bytes());
        assertEquals("auto", bulk.get("outcome"));
        String gone = Eml.sender();
        String report = "From: MAILER-DAEMON@mx.test\r\nTo: support@flowdesk.test\r\nSubject: Undelivered\r\n"
                + "Message-ID: <" + java.util.UUID.randomUUID() + "@mx.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nDelivery failed.\r\n--b\r\nContent-Type: message/delivery-status\r\n"
                + "\r\nReporting-MTA: dns; mx.test\r\n\r\nFinal-Recipient: rfc822; " + gone + "\r\nAction: failed\r\n"
                + "Status: 5.1.1\r\n--b--\r\n";
        Map<String, Object> bounce = imported(report.getBytes(StandardCharsets.US_ASCII));
        assertEquals("bounce", bounce.get("outcome"));
        assertEquals(1, count("select count(*) from mail_undeliverable where address = ?", gone));
        assertEquals(0, count("select count(*) from ticket where customer_email = ?", sender));
    }

    @Test
    void ourOwnNoticeComingBackIsDropped() throws Exception {
        String number = (String) imported(Eml.from(Eml.sender()).bytes()).get("ticketNumber");
        String token = new ReplyToken(Base64.getDecoder().decode(KEY)).messageId(number, "flowdesk.local");
        Map<String, Object> r = imported(Eml.from("noreply@flowdesk.local").header("Message-ID", "<" + token + ">")
                .bytes());
        assertEquals("own", r.get("outcome"));
    }

    @Test
    void aSenderOpeningTooManyTicketsIsThrottled() throws Exception {
        String sender = Eml.sender();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            outcomes.add((String) imported(Eml.from(sender).bytes()).get("outcome"));
        }
        assertEquals(10, outcomes.stream().filter("created"::equals).count());
        assertEquals("throttled", outcomes.get(10));
    }

    @Test
    void aReplyToAClosedTicketReopensItWithinTheWindowAndOpensALinkedOneAfter() throws Exception {
        String sender = Eml.sender();
        Eml first = Eml.from(sender);
        String number = (String) imported(first.bytes()).get("ticketNumber");
        resolve(number);
        Map<String, Object> reopened = imported(Eml.from(sender).inReplyTo(first.messageId()).body("still broken")
                .bytes());
        assertEquals("reopened", reopened.get("outcome"));
        Api.ticket("admin", number).then().statusCode(200).body("openTasks.size()", org.hamcrest.Matchers.equalTo(1));

        resolve(number);
        // 30 days before FlowDesk's clock (which other tests move), not the database's
        update("update ticket set resolved_at = ?::timestamptz - interval '30 days' where number = ?",
                io.flowdesk.shared.FlowClock.instant().toString(), number);
        Map<String, Object> later = imported(Eml.from(sender).inReplyTo(first.messageId()).bytes());
        assertEquals("follow-up", later.get("outcome"));
        String fresh = (String) later.get("ticketNumber");
        assertNotNull(fresh);
        assertNotEquals(number, fresh);
        assertEquals(number, later.get("detail"));
    }

    @Inject
    io.flowdesk.notify.internal.MailComposer composer;

    @Test
    void noticesToTheCustomerCarryASignedReplyTokenAndTheTicketsThread() throws Exception {
        String sender = Eml.sender();
        String number = (String) imported(Eml.from(sender).bytes()).get("ticketNumber");
        var payload = io.flowdesk.shared.Json.MAPPER.createObjectNode().put("to", sender).put("ticketNumber", number)
                .put("locale", "en");
        var mail = composer.compose(new io.flowdesk.notify.internal.Outgoing(1, "test:" + number, "email", sender,
                null, "REPLY", payload, 0, List.of()));
        String id = mail.getHeaders().get("Message-ID").get(0);
        assertEquals(java.util.Optional.of(number), new ReplyToken(Base64.getDecoder().decode(KEY))
                .ticketOf(List.of(id)));
        assertTrue(mail.getHeaders().get("References").get(0).contains(number));
        // the customer's answer to it threads by the token alone
        Map<String, Object> r = imported(Eml.from(sender).subject("thanks").inReplyTo(id).bytes());
        assertEquals(number, r.get("ticketNumber"));
    }

    @Test
    void badHandOversAreRefusedWithTheFieldNamed() {
        given().auth().preemptive().basic("admin", "demo").contentType("message/rfc822").body(Eml.from("a@b.test")
                .bytes()).post("/api/intake/mail?mailbox=nope").then().statusCode(422)
                .body(org.hamcrest.Matchers.containsString("nope"));
        given().auth().preemptive().basic("admin", "demo").contentType("message/rfc822").body(new byte[0])
                .post("/api/intake/mail?mailbox=support").then().statusCode(422);
        given().auth().preemptive().basic("agent1", "demo").contentType("message/rfc822").body(Eml.from("a@b.test")
                .bytes()).post("/api/intake/mail?mailbox=support").then().statusCode(403);
        Map<String, Object> garbage = imported("this is not a mail at all".getBytes(StandardCharsets.US_ASCII));
        assertEquals("unparsed", garbage.get("outcome"));
    }

    private void resolve(String number) {
        String task = Api.openTask(number, "general-inquiry-answer");
        Api.complete("admin", task, Map.of("answer", "Done", "category", "question")).then().statusCode(200);
        Api.ticket("admin", number).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("RESOLVED"));
    }

    private long count(String sql, String param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void update(String sql, String... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
