package io.flowdesk.reports.schedules;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.flowdesk.reports.schedules.internal.ScheduleRunner;
import io.flowdesk.testing.GreenMailResource;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A daily report mail through a real SMTP server (GreenMail): the clock moved over two periods gives exactly two
 * mails, each with that day's tickets as an XLSX that opens with POI; passes again in the same period send nothing.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ScheduledReportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    @Inject
    ScheduleRunner runner;

    @Test
    void twoPeriodsGiveExactlyTwoMailsWithTheirTicketsAttached() throws Throwable {
        Golden g = new Golden(db);
        g.ticket("2029-09-03T10:00:00"); // Monday: 2 tickets
        g.ticket("2029-09-03T11:00:00").staff("2029-09-03T11:30:00", "agent1");
        g.ticket("2029-09-04T10:00:00"); // Tuesday: 3 tickets
        g.ticket("2029-09-04T10:30:00");
        g.ticket("2029-09-04T11:00:00");
        Golden.drain(stream);
        clock("2029-09-03T00:00:00Z"); // Monday 08:00 in Shanghai
        String name = "daily-" + UUID.randomUUID().toString().substring(0, 6);
        int id = as("supervisor").body(Map.of("name", name, "frequency", "daily", "time", "09:00", "zone",
                "Asia/Shanghai", "recipients", List.of("supervisor", "admin"), "template", g.template))
                .post("/api/reports/schedules").then().statusCode(201).body("recipients.size()", equalTo(2))
                .extract().path("id");

        runner.tick();
        assertEquals("", runs(id), "Sunday's period fell due before the schedule existed");
        deliver(id, "2029-09-04T01:30:00Z", "d:2029-09-03"); // Tuesday 09:30: Monday's mail
        runner.tick();
        assertEquals(1, runCount(id), "the same period again: already claimed; " + runs(id));
        deliver(id, "2029-09-05T01:30:00Z", "d:2029-09-04"); // Wednesday 09:30: Tuesday's mail
        runner.tick();
        assertEquals(2, runCount(id), runs(id));

        List<MimeMessage> toSupervisor = mails("supervisor@flowdesk.local", name);
        assertEquals(2, toSupervisor.size(), "exactly one mail per period; runs: " + runs(id));
        assertEquals(2, mails("admin@flowdesk.local", name).size());
        MimeMessage monday = toSupervisor.stream().filter(m -> subject(m).contains("2029-09-03")).findFirst()
                .orElseThrow();
        assertTrue(subject(monday).contains("报表"), "supervisor reads zh-CN: " + subject(monday));
        String text = body(monday);
        assertTrue(text.contains("新建：2") && text.contains("首次响应中位数：30 个工作分钟"), text);
        assertEquals(List.of(List.of("number", "template"), List.of(g.template), List.of(g.template)),
                rows(monday));
        MimeMessage tuesday = toSupervisor.stream().filter(m -> subject(m).contains("2029-09-04")).findFirst()
                .orElseThrow();
        assertEquals(4, rows(tuesday).size(), "header and Tuesday's three tickets");

        as("admin").get("/api/reports/schedules/" + id).then().statusCode(200)
                .body("lastRun.periodKey", equalTo("d:2029-09-04")).body("lastRun.status", equalTo("sent"))
                .body("lastRun.recipients", equalTo(2));
        as("admin").delete("/api/reports/schedules/" + id).then().statusCode(204);
        clock("2029-09-06T01:30:00Z");
        runner.tick();
        assertEquals(2, mails("supervisor@flowdesk.local", name).size(), "a deleted schedule sends nothing");
    }

    @Test
    void aFailedMailIsRetriedLaterAndNobodyGetsItTwice() throws Throwable {
        Golden g = new Golden(db);
        g.ticket("2029-10-01T10:00:00");
        Golden.drain(stream);
        clock("2029-10-01T00:00:00Z");
        String name = "retry-" + UUID.randomUUID().toString().substring(0, 6);
        int id = as("supervisor").body(Map.of("name", name, "frequency", "daily", "time", "09:00", "recipients",
                List.of("supervisor", "admin"), "template", g.template)).post("/api/reports/schedules").then()
                .statusCode(201).extract().path("id");
        clock("2029-10-02T01:30:00Z");
        GreenMailResource.pause();
        try {
            runner.tick();
        } finally {
            GreenMailResource.restart();
        }
        assertTrue(runs(id).matches("d:2029-10-01 retry #1 .*"), "the pass tried the run: " + runs(id));
        runner.tick();
        assertTrue(runs(id).matches("d:2029-10-01 retry #1 .*"), "the retry is not due yet: " + runs(id));
        deliver(id, "2029-10-02T01:31:30Z", "d:2029-10-01"); // the retry is due after a minute
        runner.tick();
        assertEquals(1, runCount(id), runs(id));
        assertEquals(1, mails("supervisor@flowdesk.local", name).size(), runs(id));
        assertEquals(1, mails("admin@flowdesk.local", name).size(), runs(id));
        as("admin").get("/api/reports/schedules/" + id).then().statusCode(200)
                .body("lastRun.status", equalTo("sent")).body("lastRun.recipients", equalTo(2));
    }

    @Test
    void schedulesAreForSupervisorsAndAdminsAndBadFieldsAre422ByTheirLabel() {
        Map<String, Object> good = Map.of("name", "weekly", "frequency", "weekly", "weekday", 1, "time", "08:00",
                "recipients", List.of("supervisor"));
        as("agent1").body(good).post("/api/reports/schedules").then().statusCode(403);
        as("agent1").get("/api/reports/schedules").then().statusCode(403);
        as("supervisor").header("Accept-Language", "en").body(Map.of("name", "x", "frequency", "daily", "time",
                "25:00", "recipients", List.of("supervisor"))).post("/api/reports/schedules").then().statusCode(422)
                .body("errors[0].pointer", equalTo("time")).body("errors[0].message", containsString("Time"));
        as("supervisor").header("Accept-Language", "zh-CN").body(Map.of("name", "x", "frequency", "weekly", "time",
                "08:00", "recipients", List.of("supervisor"))).post("/api/reports/schedules").then().statusCode(422)
                .body("errors[0].pointer", equalTo("weekday")).body("errors[0].message", containsString("星期"));
        as("supervisor").header("Accept-Language", "en").body(Map.of("name", "x", "frequency", "daily", "time",
                "08:00", "recipients", List.of("agent1"))).post("/api/reports/schedules").then().statusCode(422)
                .body("errors[0].pointer", equalTo("recipients")).body("errors[0].message", containsString("agent1"));
        as("supervisor").header("Accept-Language", "en").body(Map.of("name", "x", "frequency", "daily", "time",
                "08:00", "zone", "Mars/Olympus", "recipients", List.of("supervisor"))).post("/api/reports/schedules")
                .then().statusCode(422).body("errors[0].pointer", equalTo("zone"));
        as("supervisor").get("/api/reports/schedules/999999").then().statusCode(404);

        int id = as("supervisor").body(good).post("/api/reports/schedules").then().statusCode(201).extract()
                .path("id");
        as("admin").body(Map.of("name", "weekly renamed", "frequency", "weekly", "weekday", 5, "time", "17:30",
                "recipients", List.of("supervisor", "admin"), "enabled", false)).put("/api/reports/schedules/" + id)
                .then().statusCode(200).body("name", equalTo("weekly renamed")).body("weekday", equalTo(5))
                .body("enabled", equalTo(false)).body("zone", equalTo("Asia/Shanghai"));
        as("supervisor").get("/api/reports/schedules").then().statusCode(200)
                .body("find { it.id == " + id + " }.time", equalTo("17:30"));
        as("agent1").delete("/api/reports/schedules/" + id).then().statusCode(403);
        as("supervisor").delete("/api/reports/schedules/" + id).then().statusCode(204);
        as("supervisor").get("/api/reports/schedules/" + id).then().statusCode(404);
    }

    /**
     * Moves the clock to {@code instant} and runs a pass; a mail the SMTP server refused for a moment (GreenMail
     * under a loaded CI machine once timed a session out) is retried as in production, a minute and a half later,
     * in the same period. Then the period must be sent. Other tests' schedules may run in the same passes: only this
     * schedule's runs are looked at.
     */
    private void deliver(int schedule, String instant, String period) throws Exception {
        java.time.Instant at = java.time.Instant.parse(instant);
        clock(instant);
        runner.tick();
        for (int retry = 1; retry <= 3 && runs(schedule).matches(".*" + period + " retry .*"); retry++) {
            clock(at.plusSeconds(90L * retry).toString());
            runner.tick();
        }
        assertTrue(runs(schedule).contains(period + " sent"), "the period is sent: " + runs(schedule));
    }

    private int runCount(int schedule) throws Exception {
        try (var c = db.getConnection(); var ps = c.prepareStatement("select count(*) from report_schedule_run "
                + "where schedule_id = ?")) {
            ps.setInt(1, schedule);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The schedule's runs as a readable line, for failure messages. */
    private String runs(int schedule) throws Exception {
        try (var c = db.getConnection(); var ps = c.prepareStatement("select period_key, status, attempts, sent_to, "
                + "recipients, error from report_schedule_run where schedule_id = ? order by id")) {
            ps.setInt(1, schedule);
            List<String> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " #" + rs.getInt(3) + " to [" + rs.getString(4)
                            + "] " + rs.getInt(5) + " " + rs.getString(6));
                }
            }
            return String.join("; ", out);
        }
    }

    private static void clock(String instant) {
        as("admin").body(Map.of("set", instant)).post("/api/clock").then().statusCode(200);
    }

    private static List<MimeMessage> mails(String to, String name) {
        return GreenMailResource.to(GreenMailResource.mail(), to).stream().filter(m -> subject(m).contains(name))
                .toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part p = parts.getBodyPart(i);
            if (p.isMimeType("text/plain") && p.getFileName() == null) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    /** The attachment's first two columns, row by row, read with Apache POI. */
    private static List<List<String>> rows(MimeMessage m) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part p = parts.getBodyPart(i);
            if (p.getFileName() != null && p.getFileName().endsWith(".xlsx")) {
                try (InputStream in = p.getInputStream(); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                    Sheet sheet = wb.getSheetAt(0);
                    List<List<String>> out = new ArrayList<>();
                    for (var row : sheet) {
                        out.add(out.isEmpty() ? List.of(row.getCell(0).getStringCellValue(), row.getCell(1)
                                .getStringCellValue()) : List.of(row.getCell(1).getStringCellValue()));
                    }
                    return out;
                }
            }
        }
        throw new AssertionError("no XLSX attached");
    }
}
