package io.flowdesk.reports.fields;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.internal.ReportsConsumer;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Background exports: progress to 100 %, XLSX equal to CSV, owner-only files, restart and retention. */
@QuarkusTest
class ExportJobTest {

    static final int TICKETS = 1_500;

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    @Inject
    ExportJobs jobs;

    @Inject
    io.flowdesk.sla.Calendars calendars;

    @Test
    void aLargeExportReachesOneHundredPercentAndTheXlsxHoldsTheCsvRows() throws Throwable {
        Golden g = new Golden(db);
        g.ticket("2033-01-02T09:00:00").task("2033-01-02T09:00:01", "=cmd()"); // one made by the builder
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into ticket (number, template_version_id, template_key, ticket_type, title, priority, "
                    + "status, channel, created_by, data_json, engine_state, created_at, updated_at) select '"
                    + g.template.substring(7) + "-x' || i, (select min(id) from template_version), '" + g.template
                    + "', 'golden', '客服,一线 \"' || i, 'P2', 'OPEN', 'web', 'agent1', '{}', 'ACTIVE', "
                    + "timestamptz '2033-01-03 10:00+08' + (i || ' minutes')::interval, now() from "
                    + "generate_series(1, " + (TICKETS - 1) + ") i");
            s.execute("insert into ticket_event (ticket_id, at, kind, actor, summary, details_json, internal) select "
                    + "id, created_at, 'CREATED', 'agent1', 'CREATED', '{\"channel\":\"web\"}', false from ticket "
                    + "where template_key = '" + g.template + "' and number like '%-x%'");
        }
        // the calendar cache's first load inside the reports consumer's batch can miss (seen when this test ran first)
        Golden.await(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> calendars
                .defaultCalendar()));
        Golden.drain(stream, ReportsConsumer.NAME);
        Map<String, String> filter = Map.of("kind", "tickets", "from", "2033-01-01", "to", "2033-01-31", "template",
                g.template);

        JsonPath csvJob = start("supervisor", filter, "csv");
        JsonPath xlsxJob = start("supervisor", filter, "xlsx");
        JsonPath csvDone = await("supervisor", csvJob.getString("id"));
        assertEquals(100, csvDone.getInt("percent"));
        assertEquals(TICKETS, csvDone.getLong("rowsDone"));
        assertEquals(TICKETS, csvDone.getLong("rowsTotal"));
        await("supervisor", xlsxJob.getString("id"));

        String csv = new String(as("supervisor").accept("text/csv").get("/api/reports/exports/" + csvJob.getString("id")
                + "/file").then().statusCode(200).header("Content-Disposition", containsString(".csv")).extract()
                .asByteArray(), StandardCharsets.UTF_8);
        List<List<String>> fromCsv = io.flowdesk.reports.ReportExportTest.parseCsv(csv.substring(1));
        assertEquals(TICKETS + 1, fromCsv.size());
        assertEquals(ReportService.COLUMNS, fromCsv.get(0));
        assertEquals("'=cmd()", fromCsv.get(1).get(2));

        byte[] xlsx = as("supervisor").accept("*/*").get("/api/reports/exports/" + xlsxJob.getString("id") + "/file")
                .then().statusCode(200).extract().asByteArray();
        List<List<String>> fromXlsx = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < ReportService.COLUMNS.size(); i++) {
                    cells.add(io.flowdesk.reports.ReportExportTest.text(row.getCell(i)));
                }
                fromXlsx.add(cells);
            }
        }
        List<List<String>> csvUnescaped = fromCsv.stream().map(r -> r.stream()
                .map(c -> c.startsWith("'=") ? c.substring(1) : c).toList()).toList(); // CSV guards formulas
        assertEquals(csvUnescaped, fromXlsx, "the same rows in both formats");
    }

    @Test
    void anotherUsersJobIs404AndAgentsAre403() throws Exception {
        String id = start("admin", Map.of("kind", "tickets", "from", "2033-02-01", "to", "2033-02-02"), "csv")
                .getString("id");
        await("admin", id);
        as("supervisor").get("/api/reports/exports/" + id).then().statusCode(404);
        as("supervisor").get("/api/reports/exports/" + id + "/file").then().statusCode(404);
        as("agent1").get("/api/reports/exports/" + id).then().statusCode(404); // agents export inboxes (ADR 0040)
        as("agent1").body(Map.of("kind", "tickets", "format", "csv")).post("/api/reports/exports").then()
                .statusCode(403);
        as("admin").accept("*/*").get("/api/reports/exports/" + id + "/file").then().statusCode(200);
        as("supervisor").header("Accept-Language", "en").body(Map.of("kind", "sheets", "format", "csv"))
                .post("/api/reports/exports").then().statusCode(422)
                .body("errors[0].message", containsString("Export kind"));
        as("supervisor").header("Accept-Language", "en").body(Map.of("kind", "fields", "format", "csv", "template",
                "ecommerce-refund", "sum", "reason")).post("/api/reports/exports").then().statusCode(422)
                .body("errors[0].message", containsString("Reason cannot be summed"));
    }

    @Test
    void aJobInterruptedByARestartIsResumedOrFailedWithAReason() throws Exception {
        String resumed = UUID.randomUUID().toString();
        String given = UUID.randomUUID().toString();
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        insert(resumed, "RUNNING", 1, longAgo, null);
        insert(given, "RUNNING", 3, longAgo, null);
        JsonPath done = await("supervisor", resumed);
        assertEquals("DONE", done.getString("state"));
        JsonPath failed = await("supervisor", given);
        assertEquals("FAILED", failed.getString("state"));
        assertTrue(failed.getString("reason").contains("3"), failed.getString("reason"));
    }

    @Test
    void finishedFilesAreRemovedAfterTheRetentionTime() throws Exception {
        String id = UUID.randomUUID().toString();
        Files.createDirectories(jobs.directory());
        Path file = jobs.directory().resolve(id + ".csv");
        Files.writeString(file, "old");
        insert(id, "DONE", 1, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"));
        long end = System.nanoTime() + 30_000_000_000L;
        while (Files.exists(file) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertFalse(Files.exists(file), "removed after the retention time");
        assertEquals("EXPIRED", as("supervisor").get("/api/reports/exports/" + id).then().statusCode(200).extract()
                .path("state"));
        as("supervisor").get("/api/reports/exports/" + id + "/file").then().statusCode(404);
    }

    private void insert(String id, String state, int attempts, Instant heartbeat, Instant finished) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into "
                + "report_export_job (id, owner, kind, format, params_json, locale, state, attempts, created_at, "
                + "heartbeat_at, finished_at) values (?, 'supervisor', 'tickets', 'csv', ?, 'en', ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, "{\"from\":\"2033-03-01\",\"to\":\"2033-03-02\",\"roles\":\"supervisor,agent\"}");
            ps.setString(3, state);
            ps.setInt(4, attempts);
            ps.setTimestamp(5, java.sql.Timestamp.from(heartbeat));
            ps.setTimestamp(6, java.sql.Timestamp.from(heartbeat));
            ps.setTimestamp(7, finished == null ? null : java.sql.Timestamp.from(finished));
            ps.executeUpdate();
        }
    }

    private static JsonPath start(String user, Map<String, String> filter, String format) {
        Map<String, Object> body = new java.util.HashMap<>(filter);
        body.put("format", format);
        return as(user).body(body).post("/api/reports/exports").then().statusCode(202).extract().jsonPath();
    }

    /** Follows a job until it has finished (the runner polls every second). */
    private static JsonPath await(String user, String id) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonPath job = as(user).get("/api/reports/exports/" + id).then().statusCode(200).extract().jsonPath();
            if (!List.of("QUEUED", "RUNNING").contains(job.getString("state")) || System.nanoTime() > end) {
                return job;
            }
            Thread.sleep(200);
        }
    }
}
