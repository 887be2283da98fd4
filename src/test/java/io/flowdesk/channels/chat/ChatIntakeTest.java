package io.flowdesk.channels.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code POST /api/intake/chat} on real PostgreSQL (ADR 0043). */
@QuarkusTest
class ChatIntakeTest {

    @Inject
    AgroalDataSource db;

    static Map<String, Object> msg(String at, String from, String text) {
        return Map.of("at", at, "from", from, "author", from.equals("agent") ? "李客服" : "王五", "text", text);
    }

    static List<Map<String, Object>> transcript(int n) {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(msg("2026-12-04T09:00:00Z", "customer", "我的订单还没发货\n订单号 A-1"));
        all.add(msg("2026-12-04T09:01:00Z", "agent", "您好，我来查一下。"));
        all.add(msg("2026-12-04T09:02:00Z", "customer", "谢谢"));
        all.add(msg("2026-12-04T09:03:00Z", "agent", "已经催仓库了。"));
        return all.subList(0, n);
    }

    static Map<String, Object> body(String conversation, List<Map<String, Object>> messages) {
        return Map.of("conversationId", conversation, "customer", Map.of("name", "王五", "email",
                "wang-" + conversation + "@example.test"), "messages", messages);
    }

    static Response post(String user, Object body) {
        return given().auth().preemptive().basic(user, "demo").contentType("application/json")
                .header("Accept-Language", "en").body(body).post("/api/intake/chat");
    }

    static Map<String, Object> ok(Object body) {
        return post("admin", body).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void aNewConversationBecomesATicketWithTheTranscriptOnItsTimeline() throws Exception {
        String conversation = UUID.randomUUID().toString();
        Map<String, Object> r = ok(body(conversation, transcript(2)));
        assertEquals("created", r.get("outcome"));
        assertEquals(2, r.get("added"));
        String number = (String) r.get("ticketNumber");
        Api.ticket("admin", number).then().statusCode(200)
                .body("title", equalTo("我的订单还没发货"))
                .body("channel", equalTo("chat"))
                .body("customer.name", equalTo("王五"));
        assertEquals(2, replies(number));
        assertEquals(1, count("select count(*) from ticket t join ticket_event e on e.ticket_id = t.id where "
                + "t.number = ? and e.kind = 'REPLY' and not e.internal and e.details_json::jsonb ->> 'authorKind' "
                + "= 'staff' and e.details_json::jsonb ->> 'text' = '您好，我来查一下。'", number));
        assertEquals(1, count("select count(*) from ticket where number = ? and data_json like '%订单号 A-1%' "
                + "and template_key = 'general-inquiry' and customer_email like 'wang-%'", number));
    }

    @Test
    void aLongerTranscriptAddsOnlyItsNewMessagesAndTheSameOneAgainNothing() throws Exception {
        String conversation = UUID.randomUUID().toString();
        String number = (String) ok(body(conversation, transcript(2))).get("ticketNumber");
        Map<String, Object> again = ok(body(conversation, transcript(2)));
        assertEquals("unchanged", again.get("outcome"));
        assertEquals(number, again.get("ticketNumber"));
        assertEquals(2, replies(number));

        Map<String, Object> more = ok(body(conversation, transcript(4)));
        assertEquals("appended", more.get("outcome"));
        assertEquals(number, more.get("ticketNumber"));
        assertEquals(2, more.get("added"));
        assertEquals(4, replies(number));
        for (int i = 0; i < 2; i++) {
            assertEquals("unchanged", ok(body(conversation, transcript(4))).get("outcome"));
        }
        assertEquals(4, replies(number));
        assertEquals(1, count("select count(*) from ticket t join ticket_event e on e.ticket_id = t.id where "
                + "t.number = ? and e.kind = 'REPLY' and e.details_json::jsonb ->> 'text' = '谢谢'", number));
    }

    @Test
    void concurrentPostsOfOneConversationGiveOneTicketAndEachMessageOnce() throws Exception {
        String conversation = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Map<String, Object>>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = 2 + i % 3;
                Callable<Map<String, Object>> call = () -> ok(body(conversation, transcript(n)));
                futures.add(pool.submit(call));
            }
            Set<Object> numbers = new HashSet<>();
            for (Future<Map<String, Object>> f : futures) {
                numbers.add(f.get().get("ticketNumber"));
            }
            assertEquals(1, numbers.size());
            String number = (String) numbers.iterator().next();
            assertEquals(1, count("select count(*) from ticket where customer_email = ?",
                    "wang-" + conversation + "@example.test"));
            assertEquals(4, replies(number));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConversationWhoseTicketIsClosedGoesOnInANewLinkedTicket() throws Exception {
        String conversation = UUID.randomUUID().toString();
        String number = (String) ok(body(conversation, transcript(2))).get("ticketNumber");
        String task = Api.openTask(number, "general-inquiry-answer");
        Api.complete("admin", task, Map.of("answer", "Done", "category", "question")).then().statusCode(200);
        Api.ticket("admin", number).then().statusCode(200).body("status", equalTo("RESOLVED"));
        // the same transcript again still adds nothing
        assertEquals("unchanged", ok(body(conversation, transcript(2))).get("outcome"));

        Map<String, Object> later = ok(body(conversation, transcript(4)));
        assertEquals("follow-up", later.get("outcome"));
        assertEquals(number, later.get("previousTicket"));
        String fresh = (String) later.get("ticketNumber");
        assertNotEquals(number, fresh);
        assertEquals(2, replies(fresh));
        assertEquals(2, replies(number));
        Api.ticket("admin", fresh).then().statusCode(200).body("title", equalTo("谢谢"))
                .body("channel", equalTo("chat"));
        assertEquals("appended", ok(body(conversation, List.of(transcript(4).get(0), transcript(4).get(1),
                transcript(4).get(2), transcript(4).get(3), msg("2026-12-04T09:10:00Z", "customer", "好的"))))
                .get("outcome"));
        assertEquals(3, replies(fresh));
    }

    @Test
    void badInputIs422NamingTheFieldByItsLabel() {
        post("admin", Map.of("customer", Map.of("name", "x"), "messages", transcript(1))).then().statusCode(422)
                .body("errors.pointer", hasItem("/conversationId"))
                .body("errors.message", hasItem(containsString("Conversation id")));
        post("admin", Map.of("conversationId", "c1", "customer", Map.of("email", "not-an-address"),
                "messages", List.of(Map.of("at", "yesterday", "from", "bot", "text", "hi")))).then().statusCode(422)
                .body("errors.pointer", hasItem("/customer/name"))
                .body("errors.pointer", hasItem("/customer/email"))
                .body("errors.pointer", hasItem("/messages/0/at"))
                .body("errors.pointer", hasItem("/messages/0/from"))
                .body("errors.message", hasItem(containsString("Message 1, from")));
        post("admin", Map.of("conversationId", "c1", "customer", Map.of("name", "x"), "messages", List.of()))
                .then().statusCode(422).body("errors.pointer", hasItem("/messages"));
        given().auth().preemptive().basic("admin", "demo").contentType("application/json")
                .header("Accept-Language", "zh-CN").body(Map.of("conversationId", "c1", "customer",
                        Map.of("name", "x"), "messages", List.of(Map.of("at", "2026-12-04T09:00:00Z",
                                "from", "customer", "text", " ")))).post("/api/intake/chat")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/messages/0/text"))
                .body("errors[0].message", containsString("第 1 条消息，内容"));
        post("admin", "[1, 2]").then().statusCode(422);
        // an unknown template: the ticket service's own 422, and nothing of the conversation is kept
        String conversation = UUID.randomUUID().toString();
        Map<String, Object> bad = new java.util.HashMap<>(body(conversation, transcript(1)));
        bad.put("template", "no-such-template");
        post("admin", bad).then().statusCode(422);
        assertEquals("created", ok(body(conversation, transcript(1))).get("outcome"));
    }

    @Test
    void onlyAdminsMayPostTranscripts() {
        post("agent1", body(UUID.randomUUID().toString(), transcript(1))).then().statusCode(403);
        given().contentType("application/json").body(body("x", transcript(1))).post("/api/intake/chat").then()
                .statusCode(401);
    }

    private long replies(String number) throws Exception {
        return count("select count(*) from ticket t join ticket_event e on e.ticket_id = t.id where t.number = ? "
                + "and e.kind = 'REPLY' and not e.internal and e.details_json::jsonb ->> 'channel' = 'chat'", number);
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
}
