package io.flowdesk.channels.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.TestSlot;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The packaged app fetching a real IMAP mailbox (GreenMail) is killed with SIGKILL right after an import committed
 * and before the message was flagged or the watermark moved; after the restart every message is a ticket exactly
 * once. Then {@code bin/flowdesk mail-pipe} hands a message over like a Postfix pipe would, twice: one ticket.
 */
class MailCrashIT {

    private static final int IMAP = 18273 + TestSlot.offset();
    private static final int MESSAGES = 30;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aKillAfterTheImportCommitLosesAndDoublesNothing() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        try (AppProcess app = new AppProcess("flowdesk_it_mailin", 18272)) {
            GreenMailUser user = server.setUser("help@imap.test", "help", "secret");
            for (int i = 0; i < MESSAGES; i++) {
                byte[] raw = Eml.from("crash" + i + "@customer.test").subject("Crash " + i).bytes();
                user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
            }
            app.env("FLOWDESK_SECRETS_KEY", "Zmxvd2Rlc2stZGV2LW9ubHkta2V5LTMyLWJ5dGVzISE=")
                    .env("FLOWDESK_MAIL_IMAP_TICK", "PT0.5S").env("FLOWDESK_MAIL_PAUSE_AFTER_IMPORT", "PT120S");
            app.start(true);
            put(app, "/api/admin/mailboxes/crash", "{\"address\":\"crash@flowdesk.test\",\"host\":\"127.0.0.1\",\"port\":" + IMAP + ",\"tls\":false,"
                    + "\"username\":\"help\",\"password\":\"secret\",\"pollSeconds\":5}");
            try (Connection db = app.jdbc()) {
                waitFor(db, "select count(*) from mail_message where mailbox = 'crash'", 1);
                assertEquals(0, count(db, "select last_uid from mail_mailbox where key = 'crash'"),
                        "killed before the watermark moved");
            }
            assertEquals(0, seen(), "killed before the message was flagged");
            app.kill();

            app.env("FLOWDESK_MAIL_PAUSE_AFTER_IMPORT", "PT0S");
            app.start(false);
            try (Connection db = app.jdbc()) {
                waitFor(db, "select last_uid from mail_mailbox where key = 'crash'", MESSAGES);
                assertEquals(MESSAGES, count(db, "select count(*) from ticket where channel = 'email' and "
                        + "customer_email like 'crash%@customer.test'"), "every message one ticket, none twice");
                assertEquals(MESSAGES, count(db, "select count(*) from mail_message where mailbox = 'crash'"));
                assertEquals(MESSAGES, count(db, "select count(distinct customer_email) from ticket where "
                        + "customer_email like 'crash%@customer.test'"));
            }
            assertEquals(MESSAGES, seen(), "every message flagged after its import");

            put(app, "/api/admin/mailboxes/pipe", "{\"address\":\"pipe@flowdesk.test\"}");
            Path eml = Files.createTempFile("pipe", ".eml");
            Files.write(eml, Eml.from("piped@customer.test").subject("Piped").bytes());
            String first = pipe(app, eml);
            String second = pipe(app, eml);
            assertTrue(first.contains("\"outcome\":\"created\""), first);
            assertTrue(second.contains("\"duplicate\":true"), second);
            try (Connection db = app.jdbc()) {
                assertEquals(1, count(db, "select count(*) from ticket where customer_email = 'piped@customer.test'"));
            }
            System.out.printf("[mail-crash-it] killed after an import commit; %d messages, %d tickets%n", MESSAGES,
                    MESSAGES);
        } finally {
            server.stop();
        }
    }

    private static String pipe(AppProcess app, Path eml) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bin/flowdesk", "mail-pipe", "pipe").redirectInput(eml.toFile())
                .redirectErrorStream(true);
        b.environment().put("FLOWDESK_URL", app.baseUrl());
        b.environment().put("FLOWDESK_USER", "admin");
        b.environment().put("FLOWDESK_PASSWORD", "demo");
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static int seen() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP, "help", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int n = 0;
            for (var m : inbox.getMessages()) {
                n += m.isSet(Flags.Flag.SEEN) ? 1 : 0;
            }
            return n;
        } finally {
            store.close();
        }
    }

    private static void put(AppProcess app, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic("admin")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private static void waitFor(Connection db, String sql, long atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (count(db, sql) < atLeast) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited 3 minutes for " + sql + " >= " + atLeast);
            }
            Thread.sleep(200);
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}
