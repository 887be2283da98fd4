package io.flowdesk.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.flowdesk.channels.mail.Eml;
import io.flowdesk.channels.mail.MailParser;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.TestSlot;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Properties;

/**
 * Mails per second one node imports (ADR 0042): new tickets and threaded replies handed over through
 * {@code POST /api/intake/mail} by 4 clients, and a mailbox of N messages fetched over IMAP (GreenMail) from the
 * first connect to the last watermark move; the baseline is parsing alone (MailParser in this JVM).
 */
final class MailBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final boolean smoke;
    private final Results results;

    MailBench(boolean smoke, Results results) {
        this.smoke = smoke;
        this.results = results;
    }

    void run() throws Exception {
        int imapPort = 18275 + TestSlot.offset();
        GreenMail server = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        try (AppProcess app = new AppProcess("flowdesk_bench_mail", 18274)) {
            app.env("FLOWDESK_SECRETS_KEY", "Zmxvd2Rlc2stZGV2LW9ubHkta2V5LTMyLWJ5dGVzISE=")
                    .env("FLOWDESK_MAIL_IMAP_TICK", "PT0.2S").env("FLOWDESK_MAIL_THROTTLE_COUNT", "1000000");
            app.start(true);
            put(app, "/api/admin/mailboxes/bench", "{\"address\":\"bench@flowdesk.test\"}");
            double seconds = smoke ? 5 : 20;
            Load.Outcome parse = Load.run(1, 1, seconds / 2, (c, i) -> MailParser.parse(Eml.from(Eml.sender())
                    .bytes()) != null);
            Load.Outcome created = Load.run(4, 2, seconds, (c, i) -> handOver(app, Eml.from(Eml.sender()).bytes()));
            String sender = Eml.sender();
            Eml first = Eml.from(sender);
            handOver(app, first.bytes());
            Load.Outcome replies = Load.run(4, 2, seconds, (c, i) -> handOver(app, Eml.from(sender)
                    .inReplyTo(first.messageId()).bytes()));
            results.add(new Results.Row("mail in: new tickets (POST /api/intake/mail, 4 clients)", "mails/s",
                    created.perSecond(), "parsing alone (MailParser, 1 thread)", parse.perSecond(), created.p50(),
                    created.p95(), created.p99(), created.failed() + " failed"));
            results.add(new Results.Row("mail in: threaded replies (In-Reply-To, 4 clients)", "mails/s",
                    replies.perSecond(), "parsing alone (MailParser, 1 thread)", parse.perSecond(), replies.p50(),
                    replies.p95(), replies.p99(), replies.failed() + " failed"));

            int n = smoke ? 100 : 1000;
            GreenMailUser user = server.setUser("bench@imap.test", "bench", "secret");
            for (int i = 0; i < n; i++) {
                user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                        Eml.from(Eml.sender()).bytes())));
            }
            long t0 = System.nanoTime();
            put(app, "/api/admin/mailboxes/bench-imap", "{\"address\":\"bench-imap@flowdesk.test\",\"host\":\"127.0.0.1\",\"port\":" + imapPort + ",\"tls\":"
                    + "false,\"username\":\"bench\",\"password\":\"secret\",\"pollSeconds\":5}");
            try (Connection db = app.jdbc()) {
                while (Db.scalar(db, "select last_uid from mail_mailbox where key = 'bench-imap'") < n) {
                    Thread.sleep(100);
                }
            }
            double imapSeconds = (System.nanoTime() - t0) / 1e9;
            results.add(new Results.Row("mail in: IMAP fetch of " + n + " new-ticket messages (1 mailbox)", "mails/s",
                    n / imapSeconds, "parsing alone (MailParser, 1 thread)", parse.perSecond(), null, null, null,
                    String.format("%.1f s from configuring the mailbox to the last watermark", imapSeconds)));
        } finally {
            server.stop();
        }
    }

    private static boolean handOver(AppProcess app, byte[] raw) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                + "/api/intake/mail?mailbox=bench")).header("Authorization", AppProcess.basic("admin"))
                .header("Content-Type", "message/rfc822").POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && !r.body().contains("\"duplicate\":true");
    }

    private static void put(AppProcess app, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic("admin")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
    }
}
