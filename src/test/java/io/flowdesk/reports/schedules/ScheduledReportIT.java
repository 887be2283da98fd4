package io.flowdesk.reports.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.GreenMailResource;
import io.flowdesk.testing.TestSlot;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The packaged app with its own schedule runner and a real SMTP server: the clock moved over two periods gives two
 * mails of a daily schedule; after a kill -9 and a restart the runner works again (a second schedule's next period is
 * mailed) and the first schedule's period is not mailed a second time.
 */
class ScheduledReportIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoPeriodsTwoMailsAndARestartSendsNothingAgain() throws Exception {
        int smtpPort = 18222 + TestSlot.offset();
        GreenMail smtp = GreenMailResource.start(smtpPort);
        try (AppProcess app = new AppProcess("flowdesk_it_board_mail", 18221)) {
            app.env("QUARKUS_MAILER_MOCK", "false").env("QUARKUS_MAILER_HOST", "127.0.0.1")
                    .env("QUARKUS_MAILER_PORT", Integer.toString(smtpPort)).env("FLOWDESK_CLOCK_ADJUSTABLE", "true")
                    .env("FLOWDESK_REPORTS_SCHEDULES_POLL", "PT0.5S");
            app.start(true);
            clock(app, "2030-01-07T00:00:00Z"); // Monday 08:00 in Shanghai
            String tag = UUID.randomUUID().toString().substring(0, 6);
            String a = "A-" + tag;
            String b = "B-" + tag;
            post(app, "{\"name\":\"" + a + "\",\"frequency\":\"daily\",\"time\":\"08:30\",\"zone\":\"Asia/Shanghai\","
                    + "\"recipients\":[\"supervisor\"]}");
            post(app, "{\"name\":\"" + b + "\",\"frequency\":\"daily\",\"time\":\"09:00\",\"zone\":\"Asia/Shanghai\","
                    + "\"recipients\":[\"supervisor\"]}");

            clock(app, "2030-01-08T00:40:00Z"); // Tuesday 08:40: A sends Monday (B: Sunday, due Monday 09:00)
            await(smtp, a, 1);
            clock(app, "2030-01-09T00:40:00Z"); // Wednesday 08:40: A sends Tuesday
            await(smtp, a, 2);
            await(smtp, b, 2);

            app.kill();
            app.start(false);
            clock(app, "2030-01-09T01:10:00Z"); // Wednesday 09:10: B's Tuesday falls due, A has nothing new
            await(smtp, b, 3); // the restarted runner has made passes
            List<MimeMessage> mailsOfA = of(smtp, a);
            assertEquals(2, mailsOfA.size(), "A's periods were mailed once each, the restart sent none again");
            assertEquals(List.of("2030-01-07", "2030-01-08"), mailsOfA.stream().map(m -> subject(m)
                    .replaceAll(".*(\\d{4}-\\d{2}-\\d{2}).*", "$1")).sorted().toList());
            for (MimeMessage m : mailsOfA) {
                assertEquals("number", header(m), "the attachment opens with POI");
            }
            try (Connection db = app.jdbc(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                    "select count(*), count(*) filter (where status = 'sent') from report_schedule_run r join "
                            + "report_schedule s on s.id = r.schedule_id where s.name = '" + a + "'")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
                assertEquals(2, rs.getInt(2));
            }
            System.out.printf("[scheduled-report-it] A: %d mails, B: %d mails, across a kill -9%n", mailsOfA.size(),
                    of(smtp, b).size());
        } finally {
            smtp.stop();
        }
    }

    private static void await(GreenMail smtp, String name, int count) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (of(smtp, name).size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertEquals(count, of(smtp, name).size(), "mails of " + name);
    }

    private static List<MimeMessage> of(GreenMail smtp, String name) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(name)).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part p = parts.getBodyPart(i);
            if (p.getFileName() != null && p.getFileName().endsWith(".xlsx")) {
                try (InputStream in = p.getInputStream(); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                    return wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue();
                }
            }
        }
        throw new AssertionError("no XLSX attached");
    }

    private static void clock(AppProcess app, String instant) throws Exception {
        send(app, "admin", "/api/clock", "{\"set\":\"" + instant + "\"}");
    }

    private static void post(AppProcess app, String body) throws Exception {
        send(app, "supervisor", "/api/reports/schedules", body);
    }

    private static void send(AppProcess app, String user, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " → " + response.statusCode() + " " + response.body());
        }
    }
}
