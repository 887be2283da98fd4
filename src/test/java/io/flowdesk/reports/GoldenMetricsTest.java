package io.flowdesk.reports;

import static io.flowdesk.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A golden data set whose every metric is computed by hand below (docs/metrics.md). Calendar cn-standard:
 * Asia/Shanghai, Mon–Fri 09:00–18:00, no holidays in 2027 in the shipped schedule. 2027-03-05 is a Friday.
 */
@QuarkusTest
class GoldenMetricsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    @Test
    void everyMetricMatchesTheHandComputation() throws Throwable {
        as("admin").body(Map.of("set", "2027-03-12T02:00:00Z")).post("/api/clock").then().statusCode(200);
        Golden g = new Golden(db);
        // A: Friday 17:00 → Monday 10:00 first reply (working 60 + 60 = 120; calendar 65 h = 3900), resolved
        // Monday 11:00 (working 180; calendar 3960), one reply and no follow-up: FCR; rated 4.
        g.ticket("2027-03-05T17:00:00").task("2027-03-05T17:00:01", "cs-l1")
                .staff("2027-03-08T10:00:00", "agent1").ended("2027-03-08T11:00:00").csat("2027-03-08T12:00:00", 4);
        // B: an automatic reply and a note do not count; first staff reply 30 min; customer follow-up and a second
        // reply: not FCR; resolved after 150 min (working = calendar: all inside Tuesday's hours); rated 2.
        g.ticket("2027-03-09T09:30:00").task("2027-03-09T09:30:01", "it").automatic("2027-03-09T09:31:00")
                .claimed("2027-03-09T09:40:00", "agent2").note("2027-03-09T09:45:00", "agent1")
                .staff("2027-03-09T10:00:00", "agent2").customer("2027-03-09T10:30:00")
                .staff("2027-03-09T11:00:00", "agent2").ended("2027-03-09T12:00:00").csat("2027-03-09T12:30:00", 2);
        // C: reply after 20, two customer messages (the next response runs from the first, 09:40, to the staff reply
        // at 11:30: 110 min), resolved after 60, reopened, resolved again at 14:00 (full resolution 300): not FCR.
        g.ticket("2027-03-10T09:00:00").task("2027-03-10T09:00:01", "cs-l1")
                .staff("2027-03-10T09:20:00", "agent3").customer("2027-03-10T09:40:00")
                .customer("2027-03-10T09:50:00").ended("2027-03-10T10:00:00").reopened("2027-03-10T11:00:00")
                .staff("2027-03-10T11:30:00", "agent3").ended("2027-03-10T14:00:00");
        // D: open, no reply: 15 h old at the end of the period.
        g.ticket("2027-03-11T09:00:00").task("2027-03-11T09:00:01", "cs-l1");
        // E: a test ticket: left out of everything.
        g.testTicket("2027-03-09T10:00:00").staff("2027-03-09T10:05:00", "agent1").ended("2027-03-09T10:10:00")
                .csat("2027-03-09T10:20:00", 1);
        // F: the previous period: created Monday 03-01 10:00, reply after 10 min, still open (10 d 14 h old).
        g.ticket("2027-03-01T10:00:00").task("2027-03-01T10:00:01", "it").staff("2027-03-01T10:10:00",
                "agent1");
        Golden.drain(stream);
        Golden.drain(stream, "sla"); // SLA attainment reads the outcomes the sla consumer records

        JsonPath s = as("supervisor").queryParam("from", "2027-03-05").queryParam("to", "2027-03-11")
                .queryParam("template", g.template).get("/api/reports/summary").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("2027-02-26", s.getString("previousFrom"));
        assertEquals("2027-03-04", s.getString("previousTo"));
        assertEquals(4, s.getInt("current.created"));
        assertEquals(3, s.getInt("current.resolved"));
        // first response over A, B, C: working 120, 30, 20; calendar 3900, 30, 20
        assertEquals(3, s.getInt("current.firstResponse.count"));
        assertEquals(56.6667, s.getDouble("current.firstResponse.avgWorking"), 1e-4);
        assertEquals(30.0, s.getDouble("current.firstResponse.medianWorking"), 1e-9);
        assertEquals(1316.6667, s.getDouble("current.firstResponse.avgCalendar"), 1e-4);
        assertEquals(30.0, s.getDouble("current.firstResponse.medianCalendar"), 1e-9);
        // next responses: B 10:30 → 11:00 (30), C 09:40 → 11:30 (110); inside working hours, so working = calendar
        assertEquals(2, s.getInt("current.nextResponse.count"));
        assertEquals(70.0, s.getDouble("current.nextResponse.avgWorking"), 1e-9);
        assertEquals(70.0, s.getDouble("current.nextResponse.medianWorking"), 1e-9);
        assertEquals(70.0, s.getDouble("current.nextResponse.medianCalendar"), 1e-9);
        assertEquals(0, s.getInt("previous.nextResponse.count"));
        // first resolution over A, B, C: working 180, 150, 60; calendar 3960, 150, 60
        assertEquals(130.0, s.getDouble("current.resolution.avgWorking"), 1e-9);
        assertEquals(150.0, s.getDouble("current.resolution.medianWorking"), 1e-9);
        assertEquals(1390.0, s.getDouble("current.resolution.avgCalendar"), 1e-9);
        // full resolution: working 180, 150, 300; calendar 3960, 150, 300
        assertEquals(210.0, s.getDouble("current.fullResolution.avgWorking"), 1e-9);
        assertEquals(180.0, s.getDouble("current.fullResolution.medianWorking"), 1e-9);
        assertEquals(1470.0, s.getDouble("current.fullResolution.avgCalendar"), 1e-9);
        assertEquals(300.0, s.getDouble("current.fullResolution.medianCalendar"), 1e-9);
        assertEquals(1, s.getInt("current.fcr"));
        assertEquals(0.3333, s.getDouble("current.fcrRate"), 1e-9);
        assertEquals(3, s.getInt("current.firstResolved"));
        assertEquals(1, s.getInt("current.reopened"));
        assertEquals(0.3333, s.getDouble("current.reopenRate"), 1e-9);
        assertEquals(2, s.getInt("current.csat.responses"));
        assertEquals(3.0, s.getDouble("current.csat.average"), 1e-9);
        assertEquals(0.6667, s.getDouble("current.csat.responseRate"), 1e-9);
        assertEquals(Map.of("1", 0, "2", 1, "3", 0, "4", 1, "5", 0), s.getMap("current.csat.distribution"));
        // SLA (shipped policy "standard": first response 240 working minutes): A 120, B 30, C 20 met; the test
        // ticket E has an outcome too but is left out; F's outcome stopped in the previous period.
        Map<String, Object> first = sla(s, "current", "FIRST_RESPONSE");
        assertEquals(3, first.get("total"));
        assertEquals(3, first.get("met"));
        assertEquals(1.0, ((Number) first.get("attainment")).doubleValue(), 1e-9);
        assertEquals(1, sla(s, "previous", "FIRST_RESPONSE").get("total"));
        // per day: created / resolved
        List<Map<String, Object>> days = s.getList("createdVsResolved");
        assertEquals(7, days.size());
        int[][] expected = {{1, 0}, {0, 0}, {0, 0}, {0, 1}, {1, 1}, {1, 1}, {1, 0}};
        for (int i = 0; i < 7; i++) {
            assertEquals(expected[i][0], days.get(i).get("created"), "created on " + days.get(i).get("day"));
            assertEquals(expected[i][1], days.get(i).get("resolved"), "resolved on " + days.get(i).get("day"));
        }
        // backlog at the end of the period (2027-03-12 00:00): D 15 h, F 10 d 14 h
        assertEquals(List.of(1, 0, 0, 1, 0), s.getList("backlog.count"));
        // previous period: F only
        assertEquals(1, s.getInt("previous.created"));
        assertEquals(0, s.getInt("previous.resolved"));
        assertEquals(10.0, s.getDouble("previous.firstResponse.avgWorking"), 1e-9);
        assertNull(s.get("previous.fcrRate"));
        // per agent (last staff replier before the first resolution, else the last claimer) and department
        Map<String, Object> agent2 = group(s, "agent", "agent2");
        assertEquals(1, agent2.get("created"));
        assertEquals(1, agent2.get("resolved"));
        assertEquals(150.0, ((Number) agent2.get("medianResolutionWorking")).doubleValue(), 1e-9);
        Map<String, Object> l1 = group(s, "department", "cs-l1");
        assertEquals(3, l1.get("created"));
        assertEquals(2, l1.get("resolved"));
        assertEquals(120.0, ((Number) l1.get("medianResolutionWorking")).doubleValue(), 1e-9);
        assertEquals(1, l1.get("reopened"));
        assertEquals(4, group(s, "channel", "web").get("created"));
        // agent1: A only (F is in the previous period, E is a test ticket)
        assertEquals(1, group(s, "agent", "agent1").get("created"));
        assertEquals(1, group(s, "agent", "agent1").get("resolved"));

        // a filter that matches nothing, and roles
        as("supervisor").queryParam("from", "2027-03-05").queryParam("to", "2027-03-11")
                .queryParam("template", g.template).queryParam("priority", "P1").get("/api/reports/summary").then()
                .statusCode(200).body("current.created", org.hamcrest.Matchers.equalTo(0));
        as("admin").queryParam("template", g.template).get("/api/reports/summary").then().statusCode(200);
        as("agent1").get("/api/reports/summary").then().statusCode(403);
        as("customer1").get("/api/reports/tickets.csv").then().statusCode(403);
    }

    @Test
    void badParametersAre422NamingTheParameter() {
        as("supervisor").header("Accept-Language", "en").queryParam("from", "yesterday").get("/api/reports/summary")
                .then().statusCode(422).body("errors[0].pointer", org.hamcrest.Matchers.equalTo("from"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Start date"));
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("from", "2027-03-05")
                .queryParam("to", "2027-03-01").get("/api/reports/summary").then().statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("开始日期"));
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("priority", "P9")
                .get("/api/reports/tickets.xlsx").then().statusCode(422)
                .body("errors[0].pointer", org.hamcrest.Matchers.equalTo("priority"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("优先级"));
        as("supervisor").header("Accept-Language", "en").queryParam("from", "2025-01-01").queryParam("to",
                "2026-12-31").get("/api/reports/summary").then().statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("End date"));
    }

    static Map<String, Object> sla(JsonPath s, String period, String target) {
        List<Map<String, Object>> rows = s.getList(period + ".sla");
        return rows.stream().filter(r -> target.equals(r.get("target"))).findFirst().orElseThrow();
    }

    static Map<String, Object> group(JsonPath s, String dimension, String key) {
        List<Map<String, Object>> rows = s.getList("by." + dimension);
        return rows.stream().filter(r -> key.equals(r.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + dimension + " " + key + " in " + rows));
    }
}
