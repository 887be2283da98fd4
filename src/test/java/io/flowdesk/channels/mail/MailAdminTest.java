package io.flowdesk.channels.mail;

import static io.flowdesk.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admins' mail views' REST side (ADR 0051): mailbox validation and the unparsed list. */
@QuarkusTest
class MailAdminTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void mailbox() {
        as("admin").body(Map.of("address", "support@flowdesk.test")).put("/api/admin/mailboxes/support")
                .then().statusCode(200);
    }

    @Test
    void anEmptyMailboxIsRefusedNamingTheAddressByItsLabel() {
        String zh = as("admin").header("Accept-Language", "zh-CN").body("{}").put("/api/admin/mailboxes/empty-box")
                .then().statusCode(422).extract().asString();
        assertTrue(zh.contains("/address") && zh.contains("邮箱地址"), zh);
        String en = as("admin").header("Accept-Language", "en").body(Map.of("address", "not an address", "host",
                "imap.example.com")).put("/api/admin/mailboxes/empty-box").then().statusCode(422).extract().asString();
        assertTrue(en.contains("/address") && en.contains("/port") && en.contains("/username"), en);
        as("admin").get("/api/admin/mailboxes").then().statusCode(200)
                .body("key", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("empty-box")));
    }

    @Test
    void anUnparsedMessageIsListedDownloadedAsItCameRetriedAndDismissed() throws Exception {
        String token = UUID.randomUUID().toString();
        byte[] raw = ("Subject: no sender " + token + "\r\n\r\nwho wrote this?\r\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("unparsed", MailImportTest.imported(raw).get("outcome"));
        long id = unparsedId(token);
        List<Map<String, Object>> list = as("admin").get("/api/admin/mail/unparsed").then().statusCode(200).extract()
                .jsonPath().getList("");
        Map<String, Object> entry = list.stream().filter(e -> ((Number) e.get("id")).longValue() == id).findFirst()
                .orElseThrow();
        assertTrue(String.valueOf(entry.get("error")).contains("From"), entry.toString());
        byte[] download = as("admin").get("/api/admin/mail/unparsed/" + id + "/raw").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".eml")).extract().asByteArray();
        assertArrayEquals(raw, download);
        // still unreadable: it stays as it was
        as("admin").post("/api/admin/mail/unparsed/" + id + "/retry").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("unparsed"));
        assertEquals(id, unparsedId(token));
        as("admin").post("/api/admin/mail/unparsed/" + id + "/dismiss").then().statusCode(204);
        assertFalse(as("admin").get("/api/admin/mail/unparsed").then().statusCode(200).extract().jsonPath()
                .getList("id").stream().anyMatch(x -> ((Number) x).longValue() == id));
        as("admin").post("/api/admin/mail/unparsed/999999999/dismiss").then().statusCode(404);
        as("agent1").get("/api/admin/mail/unparsed").then().statusCode(403);
    }

    @Test
    void aMessageAnOlderParserCouldNotReadBecomesATicketOnRetry() throws Exception {
        String sender = Eml.sender();
        String token = UUID.randomUUID().toString();
        byte[] raw = Eml.from(sender).subject("retry " + token).body("readable now").bytes();
        long id;
        try (Connection c = db.getConnection()) {
            // what an earlier FlowDesk left: the message recorded as unparsed with its raw bytes
            PreparedStatement m = c.prepareStatement("insert into mail_message (mailbox, content_hash, outcome, "
                    + "received_at) values ('support', ?, 'unparsed', now()) returning id");
            m.setString(1, "old-parser-" + token.replace("-", "").substring(0, 20) + "0".repeat(31));
            ResultSet rs = m.executeQuery();
            rs.next();
            id = rs.getLong(1);
            PreparedStatement u = c.prepareStatement("insert into mail_unparsed (mail_id, raw, error) values (?, ?, "
                    + "'old parser')");
            u.setLong(1, id);
            u.setBytes(2, raw);
            u.executeUpdate();
        }
        Map<String, Object> again = as("admin").post("/api/admin/mail/unparsed/" + id + "/retry").then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertEquals("created", again.get("outcome"));
        assertNotNull(again.get("ticketNumber"));
        as("admin").get("/api/admin/mail/unparsed/" + id + "/raw").then().statusCode(404);
        io.flowdesk.testing.Api.ticket("admin", (String) again.get("ticketNumber")).then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo("retry " + token));
    }

    long unparsedId(String token) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select mail_id from "
                + "mail_unparsed where position(? in convert_from(raw, 'UTF8')) > 0")) {
            s.setString(1, token);
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next(), "unparsed entry for " + token);
            return rs.getLong(1);
        }
    }
}
