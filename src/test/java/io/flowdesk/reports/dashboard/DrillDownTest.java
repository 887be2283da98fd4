package io.flowdesk.reports.dashboard;

import static io.flowdesk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every drill-down of {@code /api/reports/tickets} returns exactly the tickets behind the number of
 * {@code /api/reports/summary} for the same filters (ADR 0034), on a golden data set (2027-03-05 is a Friday; the
 * period is 2027-03-05..11, the clock stands at 2027-03-12 10:00 Shanghai).
 */
@QuarkusTest
class DrillDownTest {

    static final String FROM = "2027-03-05";
    static final String TO = "2027-03-11";

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    Golden g;
    String a;
    String b;
    String c;
    String d;
    String e;
    String f;
    String h;

    @BeforeEach
    void data() throws Throwable {
        as("admin").body(Map.of("set", "2027-03-12T02:00:00Z")).post("/api/clock").then().statusCode(200);
        g = new Golden(db);
        // A: resolved Monday after one reply (FCR), rated 4, agent1
        a = g.ticket("2027-03-05T17:00:00").task("2027-03-05T17:00:01", "cs-l1")
                .staff("2027-03-08T10:00:00", "agent1").ended("2027-03-08T11:00:00").csat("2027-03-08T12:00:00", 4)
                .number;
        // B: agent2, customer follow-up (not FCR), rated 2
        b = g.ticket("2027-03-09T09:30:00").task("2027-03-09T09:30:01", "it")
                .claimed("2027-03-09T09:40:00", "agent2").staff("2027-03-09T10:00:00", "agent2")
                .customer("2027-03-09T10:30:00").staff("2027-03-09T11:00:00", "agent2").ended("2027-03-09T12:00:00")
                .csat("2027-03-09T12:30:00", 2).number;
        // C: resolved, reopened, resolved again (agent3)
        c = g.ticket("2027-03-10T09:00:00").task("2027-03-10T09:00:01", "cs-l1")
                .staff("2027-03-10T09:20:00", "agent3").ended("2027-03-10T10:00:00").reopened("2027-03-10T11:00:00")
                .staff("2027-03-10T11:30:00", "agent3").ended("2027-03-10T14:00:00").number;
        // D: open, nobody on it, category hardware
        d = g.ticket("2027-03-11T09:00:00").data("{\"category\":\"hardware\"}")
                .task("2027-03-11T09:00:01", "cs-l1").number;
        // E: a test ticket with everything: never listed
        e = g.testTicket("2027-03-09T10:00:00").data("{\"category\":\"hardware\"}")
                .staff("2027-03-09T10:05:00", "agent2").ended("2027-03-09T10:10:00").csat("2027-03-09T10:20:00", 2)
                .number;
        // F: created in the previous period, still open (10 d old at the end of the period)
        f = g.ticket("2027-03-01T10:00:00").task("2027-03-01T10:00:01", "it")
                .staff("2027-03-01T10:10:00", "agent1").number;
        // H: open, P1 by phone, claimed by agent2
        h = g.ticket().priority("P1").channel("phone").at("2027-03-11T10:00:00").task("2027-03-11T10:00:01", "it")
                .claimed("2027-03-11T10:05:00", "agent2").number;
        Golden.drain(stream);
        Golden.drain(stream, "sla");
    }

    @Test
    void everyDrillDownListsExactlyTheTicketsBehindTheSummaryNumber() {
        JsonPath s = summary(Map.of());
        check("created", null, Map.of(), s.getLong("current.created"), a, b, c, d, h);
        check("resolved", null, Map.of(), s.getLong("current.resolved"), a, b, c);
        check("first-response", null, Map.of(), s.getLong("current.firstResponse.count"), a, b, c);
        check("resolution", null, Map.of(), s.getLong("current.resolution.count"), a, b, c);
        check("fcr", null, Map.of(), s.getLong("current.fcr"), a);
        check("reopened", null, Map.of(), s.getLong("current.reopened"), c);
        check("csat", null, Map.of(), s.getLong("current.csat.responses"), a, b);
        check("csat", "2", Map.of(), s.getLong("current.csat.distribution.2"), b);
        check("csat", "5", Map.of(), s.getLong("current.csat.distribution.5"));
        // per day: every day of the period, both series
        for (Map<String, Object> day : s.<Map<String, Object>>getList("createdVsResolved")) {
            String date = (String) day.get("day");
            assertEquals(((Number) day.get("created")).longValue(), page("created", date, Map.of()).getLong("total"),
                    "created on " + date);
            assertEquals(((Number) day.get("resolved")).longValue(), page("resolved", date, Map.of())
                    .getLong("total"), "resolved on " + date);
        }
        check("created", "2027-03-11", Map.of(), 2, d, h);
        check("resolved", "2027-03-08", Map.of(), 1, a);
        // backlog at the end of the period: D and H under a day, F 10 days
        List<Map<String, Object>> backlog = s.getList("backlog");
        for (Map<String, Object> bucket : backlog) {
            assertEquals(((Number) bucket.get("count")).longValue(), page("backlog", (String) bucket.get("bucket"),
                    Map.of()).getLong("total"), "backlog " + bucket.get("bucket"));
        }
        check("backlog", "lt1d", Map.of(), 2, d, h);
        check("backlog", "7to30d", Map.of(), 1, f);
        check("backlog", null, Map.of(), 3, d, f, h);
        // SLA: per target, the outcomes counted are met / breached / total; first responses of A, B, C
        for (Map<String, Object> target : s.<Map<String, Object>>getList("current.sla")) {
            String t = (String) target.get("target");
            long total = ((Number) target.get("total")).longValue();
            long met = ((Number) target.get("met")).longValue();
            assertEquals(total, page("sla", t, Map.of()).getLong("outcomes"), "sla " + t);
            assertEquals(met, page("sla-met", t, Map.of()).getLong("outcomes"), "sla-met " + t);
            assertEquals(total - met, page("sla-breached", t, Map.of()).getLong("outcomes"), "sla-breached " + t);
        }
        assertEquals(3, GoldenTotals.slaTotal(s, "FIRST_RESPONSE"));
        check("sla", "FIRST_RESPONSE", Map.of(), 3, a, b, c);
        // the groups: per agent, per department, per category, per channel
        Map<String, Object> agent2 = group(s, "agent", "agent2");
        assertEquals(2L, ((Number) agent2.get("created")).longValue());
        assertEquals(1L, ((Number) agent2.get("open")).longValue());
        check("open", null, Map.of("agent", "agent2"), 1, h);
        check("resolved", null, Map.of("agent", "agent2"), ((Number) agent2.get("resolved")).longValue(), b);
        check("resolved-reopened", null, Map.of("agent", "agent3"),
                ((Number) group(s, "agent", "agent3").get("reopened")).longValue(), c);
        check("created", null, Map.of("department", "cs-l1"),
                ((Number) group(s, "department", "cs-l1").get("created")).longValue(), a, c, d);
        check("open", null, Map.of("department", "it"), ((Number) group(s, "department", "it").get("open"))
                .longValue(), f, h);
        check("category", g.template + "/hardware", Map.of(),
                ((Number) group(s, "category", g.template + "/hardware").get("created")).longValue(), d);
        check("category", g.template, Map.of(), ((Number) group(s, "category", g.template).get("created"))
                .longValue(), a, b, c, h);
        check("created", null, Map.of("channel", "phone"), ((Number) group(s, "channel", "phone").get("created"))
                .longValue(), h);
        check("created", null, Map.of("priority", "P1"), 1, h);
    }

    @Test
    void theAgentFilterRestrictsTheSummaryAndTheDrillDowns() {
        JsonPath s = summary(Map.of("agent", "agent2"));
        assertEquals(2, s.getInt("current.created"));
        assertEquals(1, s.getInt("current.resolved"));
        assertEquals(1, s.getInt("current.csat.responses"));
        Map<String, Long> perDay = new HashMap<>();
        for (Map<String, Object> day : s.<Map<String, Object>>getList("createdVsResolved")) {
            perDay.put((String) day.get("day"), ((Number) day.get("created")).longValue());
        }
        assertEquals(1L, perDay.get("2027-03-09"));
        assertEquals(1L, perDay.get("2027-03-11"));
        assertEquals(0L, perDay.get("2027-03-10"));
        check("created", null, Map.of("agent", "agent2"), 2, b, h);
        check("created", "2027-03-11", Map.of("agent", "agent2"), 1, h);
        check("backlog", null, Map.of("agent", "agent2"), s.getList("backlog.count").stream()
                .mapToLong(n -> ((Number) n).longValue()).sum(), h);
        // no agent at all ("-"): D only (F is of the previous period)
        JsonPath none = summary(Map.of("agent", "-"));
        assertEquals(1, none.getInt("current.created"));
        check("created", null, Map.of("agent", "-"), 1, d);
    }

    @Test
    void onlySupervisorsAndAdminsMayDrillDown() {
        as("agent1").queryParam("metric", "created").get("/api/reports/tickets").then().statusCode(403);
        as("customer1").queryParam("metric", "created").get("/api/reports/tickets").then().statusCode(403);
        given().queryParam("metric", "created").get("/api/reports/tickets").then().statusCode(401);
        as("admin").queryParam("metric", "created").queryParam("template", g.template).queryParam("from", FROM)
                .queryParam("to", TO).get("/api/reports/tickets").then().statusCode(200).body("total", equalTo(5));
    }

    @Test
    void badParametersAre422NamingTheField() {
        as("supervisor").header("Accept-Language", "en").queryParam("metric", "created").queryParam("from", TO)
                .queryParam("to", FROM).get("/api/reports/tickets").then().statusCode(422)
                .body("errors[0].pointer", equalTo("from")).body("errors[0].message", containsString("Start date"));
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("metric", "created").queryParam("to", "3/11")
                .get("/api/reports/tickets").then().statusCode(422).body("errors[0].pointer", equalTo("to"))
                .body("errors[0].message", containsString("结束日期"));
        as("supervisor").header("Accept-Language", "en").queryParam("metric", "everything")
                .get("/api/reports/tickets").then().statusCode(422).body("errors[0].pointer", equalTo("metric"))
                .body("errors[0].message", containsString("Metric"));
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("metric", "backlog").queryParam("bucket",
                "old").get("/api/reports/tickets").then().statusCode(422).body("errors[0].pointer", equalTo("bucket"))
                .body("errors[0].message", containsString("分组"));
        as("supervisor").header("Accept-Language", "en").queryParam("metric", "created").queryParam("from", FROM)
                .queryParam("to", TO).queryParam("bucket", "2027-04-01").get("/api/reports/tickets").then()
                .statusCode(422).body("errors[0].pointer", equalTo("bucket"));
        as("supervisor").header("Accept-Language", "en").queryParam("metric", "created").queryParam("size", "1000")
                .get("/api/reports/tickets").then().statusCode(422).body("errors[0].pointer", equalTo("size"));
        as("supervisor").header("Accept-Language", "en").queryParam("agent", "a b").get("/api/reports/summary")
                .then().statusCode(422).body("errors[0].pointer", equalTo("agent"))
                .body("errors[0].message", containsString("Agent"));
    }

    private JsonPath summary(Map<String, String> filters) {
        return as("supervisor").queryParam("from", FROM).queryParam("to", TO).queryParam("template", g.template)
                .queryParams(filters).get("/api/reports/summary").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath page(String metric, String bucket, Map<String, String> filters) {
        return page(metric, bucket, filters, 0, 50);
    }

    private JsonPath page(String metric, String bucket, Map<String, String> filters, int page, int size) {
        var request = as("supervisor").queryParam("metric", metric).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("template", g.template).queryParam("page", page).queryParam("size", size)
                .queryParams(filters);
        if (bucket != null) {
            request = request.queryParam("bucket", bucket);
        }
        return request.get("/api/reports/tickets").then().statusCode(200).extract().jsonPath();
    }

    /**
     * The drill-down's total equals the number shown, and its pages (two tickets each) hold exactly the expected
     * tickets, each once, newest first, never the test ticket.
     */
    private void check(String metric, String bucket, Map<String, String> filters, long shown, String... expected) {
        String what = metric + (bucket == null ? "" : " " + bucket) + " " + filters;
        JsonPath first = page(metric, bucket, filters, 0, 2);
        assertEquals(shown, first.getLong("total"), what + ": the total is the number shown");
        Set<String> numbers = new LinkedHashSet<>();
        List<String> created = new java.util.ArrayList<>();
        for (int p = 0; p * 2 < Math.max(1, shown); p++) {
            JsonPath page = page(metric, bucket, filters, p, 2);
            for (Map<String, Object> t : page.<Map<String, Object>>getList("tickets")) {
                assertTrue(numbers.add((String) t.get("number")), what + ": " + t.get("number") + " twice");
                assertEquals("/tickets/" + t.get("number"), t.get("url"));
                created.add((String) t.get("createdAt"));
            }
        }
        assertEquals(new TreeSet<>(List.of(expected)), new TreeSet<>(numbers), what);
        assertEquals(shown, numbers.size(), what + ": the pages hold the total");
        assertTrue(!numbers.contains(e), what + ": the test ticket is never listed");
        List<String> sorted = new java.util.ArrayList<>(created);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, created, what + ": newest first");
    }

    static Map<String, Object> group(JsonPath s, String dimension, String key) {
        List<Map<String, Object>> rows = s.getList("by." + dimension);
        return rows.stream().filter(r -> key.equals(r.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + dimension + " " + key + " in " + rows));
    }

    /** Sums read from the summary. */
    static final class GoldenTotals {
        static long slaTotal(JsonPath s, String target) {
            return s.<Map<String, Object>>getList("current.sla").stream().filter(r -> target.equals(r.get("target")))
                    .mapToLong(r -> ((Number) r.get("total")).longValue()).sum();
        }
    }
}
