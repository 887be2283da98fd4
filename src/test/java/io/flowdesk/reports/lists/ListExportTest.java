package io.flowdesk.reports.lists;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.flowdesk.reports.ReportExportTest;
import io.flowdesk.reports.flow.internal.StepConsumer;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The list exports of ADR 0040: each job kind writes exactly the rows its list shows to the same user (and nothing a
 * user may not see), in both formats alike.
 */
@QuarkusTest
class ListExportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    /** The inbox's columns as the REST list names them, in the export's column order. */
    static final List<String> INBOX_FIELDS = List.of("number", "title", "type", "priority", "status", "stepEn",
            "department", "assignee", "customerName");

    @Test
    void anInboxExportHoldsExactlyTheRowsTheAgentsListShowsAndNoneOfAnotherAgentsTickets() throws Throwable {
        Golden g = new Golden(db);
        String mine1 = g.ticket().priority("P2").channel("web").at("2031-04-01T09:00:00").open(null)
                .openTask("customer-service", "agent1").number;
        String mine2 = g.ticket().priority("P1").channel("web").at("2031-04-01T10:00:00").open("AT_RISK")
                .openTask("customer-service", "agent1").number;
        String mine3 = g.ticket("2031-04-01T11:00:00").open(null).openTask("customer-service", "agent1")
                .number;
        String agent2s = g.ticket("2031-04-01T12:00:00").open(null).openTask("customer-service", "agent2")
                .number;
        String itQueue = g.ticket("2031-04-01T13:00:00").open(null).openTask("it-support", null).number;
        String csQueue = g.ticket("2031-04-01T14:00:00").open(null).openTask("customer-service", null).number;

        Map<String, String> mine = Map.of("kind", "inbox", "view", "MINE", "type", g.template);
        List<List<String>> agent1Mine = csv("agent1", mine);
        assertEquals(InboxListExportColumns.COLUMNS, agent1Mine.get(0));
        assertEquals(list("agent1", "MINE", g.template), inboxPart(agent1Mine), "the export is the list");
        assertEquals(java.util.Set.of(mine1, mine2, mine3), java.util.Set.copyOf(numbers(agent1Mine)));
        assertEquals(3, numbers(agent1Mine).size());
        assertFalse(numbers(agent1Mine).contains(agent2s), "another agent's task is not in agent1's export");
        assertEquals(List.of(agent2s), numbers(csv("agent2", mine)));
        assertEquals(agent1Mine, xlsx("agent1", mine), "the XLSX holds the CSV's rows");

        Map<String, String> queue = Map.of("kind", "inbox", "view", "QUEUE", "type", g.template);
        List<List<String>> agent1Queue = csv("agent1", queue);
        assertEquals(list("agent1", "QUEUE", g.template), inboxPart(agent1Queue));
        assertEquals(List.of(csQueue), numbers(agent1Queue), "agent1 is not in it-support: its queue is hidden");
        assertEquals(List.of(itQueue, csQueue), numbers(csv("agent2", queue)));
        assertEquals(List.of(), numbers(csv("warehouse1", queue)), "staff see only their department's queue");

        // filters apply as in the list
        Map<String, String> atRisk = new HashMap<>(mine);
        atRisk.put("sla", "at-risk");
        assertEquals(List.of(mine2), numbers(csv("agent1", atRisk)));

        // staff have no "all open tickets", customers no inbox; bad filters fail at once, by label
        as("warehouse1").body(body(Map.of("kind", "inbox", "view", "OPEN"), "csv")).post("/api/reports/exports")
                .then().statusCode(403);
        as("customer1").body(body(Map.of("kind", "inbox"), "csv")).post("/api/reports/exports").then()
                .statusCode(403);
        as("agent1").header("Accept-Language", "en").body(body(Map.of("kind", "inbox", "view", "OPEN", "sla",
                "late"), "csv")).post("/api/reports/exports").then().statusCode(422)
                .body("errors[0].message", containsString("not an SLA filter"));
        String job = start("agent1", mine, "csv").getString("id");
        await("agent1", job);
        as("agent2").get("/api/reports/exports/" + job).then().statusCode(404);
        as("agent2").get("/api/reports/exports/" + job + "/file").then().statusCode(404);
    }

    @Test
    void aDrillDownExportHoldsAllTheTicketsBehindTheNumber() throws Throwable {
        Golden g = new Golden(db);
        for (int i = 0; i < 7; i++) {
            g.ticket("2031-05-0" + (1 + i % 3) + "T09:0" + i + ":00").task("2031-05-01T09:30:00", "cs")
                    .staff("2031-05-04T09:00:00", i % 2 == 0 ? "agent1" : "agent2").ended("2031-05-04T10:00:00");
        }
        g.testTicket("2031-05-02T09:00:00"); // a test ticket: never listed
        Golden.drain(stream);
        Map<String, String> filter = Map.of("kind", "drill", "metric", "created", "from", "2031-05-01", "to",
                "2031-05-07", "template", g.template);
        List<List<String>> rows = csv("supervisor", filter);
        assertEquals(List.of("number", "title", "status", "priority", "created_at"), rows.get(0));
        List<String> listed = as("supervisor").get("/api/reports/tickets?metric=created&from=2031-05-01&to=2031-05-07"
                + "&size=200&template=" + g.template).then().statusCode(200).extract().path("tickets.number");
        assertEquals(7, listed.size());
        assertEquals(listed, numbers(rows), "the drill-down's tickets, newest first");
        assertEquals(rows, xlsx("supervisor", filter));

        Map<String, String> one = new HashMap<>(filter);
        one.put("agent", "agent2");
        List<String> agent2 = as("supervisor").get("/api/reports/tickets?metric=created&from=2031-05-01&to=2031-05-07"
                + "&size=200&agent=agent2&template=" + g.template).then().statusCode(200).extract()
                .path("tickets.number");
        assertEquals(3, agent2.size());
        assertEquals(agent2, numbers(csv("supervisor", one)));
        as("agent1").body(body(filter, "csv")).post("/api/reports/exports").then().statusCode(403);
        as("supervisor").header("Accept-Language", "en").body(body(Map.of("kind", "drill", "metric", "nope"), "csv"))
                .post("/api/reports/exports").then().statusCode(422);
    }

    @Test
    void aStepExportHasNoRowCapAndStartsWithTheListedTickets() throws Throwable {
        Golden g = new Golden(db);
        g.ticket("2031-06-01T09:00:00");
        Golden.drain(stream, StepConsumer.NAME);
        int tickets = 230; // more than the drill-down's 200
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into ticket (number, template_version_id, template_key, ticket_type, title, priority, "
                    + "status, channel, created_by, data_json, engine_state, created_at, updated_at) select '"
                    + g.template.substring(7) + "-s' || i, (select min(id) from template_version), '" + g.template
                    + "', 'golden', 'step ' || i, 'P3', 'OPEN', 'web', 'agent1', '{}', 'ENDED', timestamptz "
                    + "'2031-06-02 10:00+08', now() from generate_series(1, " + tickets + ") i");
            s.execute("insert into report_step (task_id, ticket_id, template_key, version, ticket_created_at, step_id, "
                    + "name_zh, name_en, entry_no, entered_at, claimed_at, completed_at, wait_seconds, work_seconds) "
                    + "select 'gs-' || t.id, t.id, t.template_key, 1, t.created_at, 'taskCheck', '检查', 'Check', 1, "
                    + "t.created_at, t.created_at, t.created_at, 60, (t.id % 997) * 10 from ticket t where "
                    + "t.template_key = '" + g.template + "' and t.number like '%-s%'");
        }
        Map<String, String> filter = Map.of("kind", "step", "template", g.template, "step", "taskCheck", "from",
                "2031-06-01", "to", "2031-06-30");
        List<List<String>> rows = csv("supervisor", filter);
        assertEquals(List.of("number", "title", "entries", "wait_seconds", "work_seconds", "total_seconds"),
                rows.get(0));
        assertEquals(tickets + 1, rows.size(), "every ticket, not the first 200");
        List<String> listed = as("supervisor").get("/api/reports/flow/" + g.template + "/steps/taskCheck/tickets"
                + "?from=2031-06-01&to=2031-06-30").then().statusCode(200).extract().path("number");
        assertEquals(200, listed.size());
        assertEquals(listed, numbers(rows).subList(0, 200), "the list is the export's head, slowest first");
        assertEquals(rows, xlsx("supervisor", filter));
        as("agent1").body(body(filter, "csv")).post("/api/reports/exports").then().statusCode(403);
        as("supervisor").header("Accept-Language", "en").body(body(Map.of("kind", "step", "template", g.template),
                "csv")).post("/api/reports/exports").then().statusCode(422).body("errors[0].message",
                        containsString("Step"));
    }

    @Test
    void theSummaryExportFiltersByAgentAndBreaksDownPerAgent() throws Throwable {
        Golden g = new Golden(db);
        for (int i = 0; i < 5; i++) {
            g.ticket("2031-07-01T09:0" + i + ":00").task("2031-07-01T09:30:00", "cs")
                    .staff("2031-07-02T09:00:00", i < 3 ? "agent1" : "agent2").ended("2031-07-02T10:00:00");
        }
        Golden.drain(stream);
        String query = "from=2031-07-01&to=2031-07-07&template=" + g.template;
        List<Map<String, Object>> byAgent = as("supervisor").get("/api/reports/summary?agent=agent1&" + query).then()
                .statusCode(200).extract().path("by.agent");
        assertEquals(1, byAgent.size());
        List<List<String>> agents = ReportExportTest.parseCsv(new String(as("supervisor").accept("text/csv")
                .get("/api/reports/agents.csv?agent=agent1&" + query).then().statusCode(200).extract()
                .asByteArray(), StandardCharsets.UTF_8).substring(1));
        assertEquals(List.of("agent", "created", "handled", "median_handling_working_minutes", "reopened", "open"),
                agents.get(0));
        Map<String, Object> a1 = byAgent.get(0);
        assertEquals(List.of("agent1", String.valueOf(a1.get("created")), String.valueOf(a1.get("resolved")),
                String.valueOf(a1.get("reopened")), String.valueOf(a1.get("open"))), List.of(agents.get(1).get(0),
                        agents.get(1).get(1), agents.get(1).get(2), agents.get(1).get(4), agents.get(1).get(5)),
                "the summary's by.agent row");
        assertEquals(((Number) a1.get("medianResolutionWorking")).doubleValue(), Double.parseDouble(agents.get(1)
                .get(3)), 0.01);
        assertEquals("3", agents.get(1).get(2), "agent1 handled three");

        byte[] xlsx = as("supervisor").accept("*/*").get("/api/reports/tickets.xlsx?agent=agent1&" + query).then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet tickets = wb.getSheet("tickets");
            assertEquals(1 + 3, tickets.getPhysicalNumberOfRows(), "only agent1's tickets");
            int agentColumn = io.flowdesk.reports.ReportService.COLUMNS.indexOf("agent");
            for (int r = 1; r < 4; r++) {
                assertEquals("agent1", tickets.getRow(r).getCell(agentColumn).getStringCellValue());
            }
            assertEquals(normal(agents), normal(rows(wb.getSheet("agents"), agents.get(0).size())),
                    "the breakdown sheet = agents.csv");
        }
        List<List<String>> all = ReportExportTest.parseCsv(new String(as("supervisor").accept("text/csv")
                .get("/api/reports/agents.csv?" + query).then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8).substring(1));
        assertEquals(List.of("agent1", "agent2"), all.subList(1, all.size()).stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("3", "2"), all.subList(1, all.size()).stream().map(r -> r.get(2)).toList());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** The export's column names for the inbox (kept here so a change of them is a visible test change). */
    static final class InboxListExportColumns {
        static final List<String> COLUMNS = List.of("number", "title", "template", "priority", "status", "step",
                "department", "assignee", "customer", "created_at", "updated_at", "sla_due_at", "sla_state", "test");
    }

    /** Numbers as numbers: CSV writes 60.0 where a spreadsheet cell shows 60. */
    private static List<List<String>> normal(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(c -> c.matches("-?\\d+\\.0") ? c.substring(0, c.length() - 2)
                : c).toList()).toList();
    }

    /** The list as the user sees it (all pages of up to 200), in the export's first columns. */
    private static List<List<String>> list(String user, String view, String type) {
        List<Map<String, Object>> items = as(user).header("Accept-Language", "en").get("/api/inbox?counts=false"
                + "&size=200&view=" + view + "&type=" + type).then().statusCode(200).extract().path("items");
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> item : items) {
            out.add(INBOX_FIELDS.stream().map(f -> item.get(f) == null ? "" : String.valueOf(item.get(f))).toList());
        }
        return out;
    }

    private static List<List<String>> inboxPart(List<List<String>> csv) {
        return csv.subList(1, csv.size()).stream().map(r -> r.subList(0, INBOX_FIELDS.size())).toList();
    }

    private static List<String> numbers(List<List<String>> csv) {
        return csv.subList(1, csv.size()).stream().map(r -> r.get(0)).toList();
    }

    private static List<List<String>> csv(String user, Map<String, String> params) throws InterruptedException {
        String id = start(user, params, "csv").getString("id");
        JsonPath done = await(user, id);
        assertEquals("DONE", done.getString("state"), String.valueOf(done.getString("reason")));
        assertEquals(100, done.getInt("percent"));
        assertTrue(done.getString("fileName").endsWith(".csv"));
        String text = new String(as(user).accept("text/csv").get("/api/reports/exports/" + id + "/file").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<List<String>> rows = ReportExportTest.parseCsv(text.substring(1));
        assertEquals(done.getLong("rowsTotal") + 1, rows.size(), "the progress counted every row");
        return rows;
    }

    private static List<List<String>> xlsx(String user, Map<String, String> params) throws Exception {
        String id = start(user, params, "xlsx").getString("id");
        assertEquals("DONE", await(user, id).getString("state"));
        byte[] bytes = as(user).accept("*/*").get("/api/reports/exports/" + id + "/file").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            return rows(wb.getSheetAt(0), wb.getSheetAt(0).getRow(0).getPhysicalNumberOfCells());
        }
    }

    private static List<List<String>> rows(Sheet sheet, int columns) {
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                cells.add(ReportExportTest.text(row.getCell(i)));
            }
            out.add(cells);
        }
        return out;
    }

    private static Map<String, Object> body(Map<String, String> params, String format) {
        Map<String, Object> body = new HashMap<>(params);
        body.put("format", format);
        return body;
    }

    private static JsonPath start(String user, Map<String, String> params, String format) {
        return as(user).header("Accept-Language", "en").body(body(params, format)).post("/api/reports/exports").then()
                .statusCode(202).extract().jsonPath();
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
