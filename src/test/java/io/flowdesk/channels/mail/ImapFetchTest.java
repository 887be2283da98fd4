package io.flowdesk.channels.mail;

import static io.flowdesk.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.agroal.api.AgroalDataSource;
import io.flowdesk.testing.TestSlot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real IMAP server (GreenMail): mail delivered to the mailbox becomes tickets, each once even when the same
 * message is delivered three times, is marked read only after its import, and the watermark follows.
 */
@QuarkusTest
class ImapFetchTest {

    static final int IMAP = 18270 + TestSlot.offset();

    @Inject
    AgroalDataSource db;

    GreenMail server;
    GreenMailUser user;

    @BeforeEach
    void imap() {
        server = new GreenMail(new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        user = server.setUser("help@imap.test", "help", "secret");
    }

    @AfterEach
    void stop() {
        as("admin").body(Map.of("address", "imap-test@flowdesk.test", "host", "", "enabled", false))
                .put("/api/admin/mailboxes/imap-test");
        server.stop();
    }

    @Test
    void deliveredMailBecomesTicketsOnceAndIsMarkedReadAfterItsImport() throws Exception {
        String sender = Eml.sender();
        Eml first = Eml.from(sender).subject("IMAP one");
        for (int i = 0; i < 3; i++) {
            deliver(first.bytes()); // the same message three times (Office 365 style)
        }
        deliver(Eml.from(sender).subject("IMAP two").bytes());
        Map<String, Object> box = new HashMap<>(Map.of("address", "imap-test@flowdesk.test", "host", "127.0.0.1",
                "port", IMAP, "tls", false,
                "username", "help", "password", "secret", "pollSeconds", 5));
        as("admin").body(box).put("/api/admin/mailboxes/imap-test").then().statusCode(200)
                .body("passwordSet", org.hamcrest.Matchers.equalTo(true))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret")));

        waitFor(() -> watermark() >= 4, "the watermark to reach UID 4");
        assertEquals(2, count("select count(*) from ticket where customer_email = ?", sender));
        // the two repeats are known by Message-ID: not recorded again
        assertEquals(2, count("select count(*) from mail_message where mailbox = 'imap-test' and sender = ?",
                sender));
        assertTrue(allSeen(), "every fetched message is flagged \\Seen");

        // a new message after the first round is fetched too (IDLE or the next poll)
        deliver(Eml.from(sender).subject("IMAP three").bytes());
        waitFor(() -> watermark() >= 5, "the watermark to reach UID 5");
        assertEquals(3, count("select count(*) from ticket where customer_email = ?", sender));
    }

    private void deliver(byte[] raw) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    private boolean allSeen() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP, "help", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (var m : inbox.getMessages()) {
                if (!m.isSet(Flags.Flag.SEEN)) {
                    return false;
                }
            }
            return inbox.getMessageCount() > 0;
        } finally {
            store.close();
        }
    }

    private long watermark() throws Exception {
        return count("select coalesce(max(last_uid), 0) from mail_mailbox where key = ?", "imap-test");
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!check.ok()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited 2 minutes for " + what);
            }
            Thread.sleep(200);
        }
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
