package io.flowdesk.reports.hours;

import static io.flowdesk.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Tickets per weekday and hour from the hourly rollup, averaged per weekday of the period, counted by hand. */
@QuarkusTest
class HoursTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    @Test
    void ticketsPerWeekdayAndHourAreAveragedOverThePeriodAndThePeakIsNamed() throws Throwable {
        Golden g = new Golden(db);
        // two weeks from Monday 2027-05-03 (Asia/Shanghai): three Monday tickets between 10:00 and 11:00 (two weeks:
        // 1.5 a Monday), one on Tuesday at 15:00 resolved at 16:20, a test ticket on Monday at 10:30 left out
        g.ticket("2027-05-03T10:15:00");
        g.ticket("2027-05-03T10:40:00");
        g.ticket("2027-05-10T10:05:00");
        g.ticket("2027-05-04T15:00:00").ended("2027-05-04T16:20:00");
        g.testTicket("2027-05-10T10:30:00");
        Golden.drain(stream, "reports");

        JsonPath en = as("supervisor").header("Accept-Language", "en").queryParam("from", "2027-05-03")
                .queryParam("to", "2027-05-16").queryParam("template", g.template).get("/api/reports/hours").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> cells = en.getList("cells");
        assertEquals(168, cells.size());
        assertEquals(3, cell(cells, 1, 10).get("created"));
        assertEquals(1.5f, ((Number) cell(cells, 1, 10).get("averageCreated")).floatValue());
        assertEquals(1, cell(cells, 2, 15).get("created"));
        assertEquals(1, cell(cells, 2, 16).get("resolved"));
        assertEquals(0, cell(cells, 1, 9).get("created"));
        assertEquals(4, cells.stream().mapToInt(c -> (Integer) c.get("created")).sum(), "not the test ticket");
        assertEquals(1, en.getInt("peak.weekday"));
        assertEquals(10, en.getInt("peak.hour"));
        assertEquals("Most tickets arrive on Monday, 10:00–11:00: 1.5 on average.", en.getString("peakText"));
        String zh = as("supervisor").header("Accept-Language", "zh-CN").queryParam("from", "2027-05-03")
                .queryParam("to", "2027-05-16").queryParam("template", g.template).get("/api/reports/hours").then()
                .statusCode(200).extract().path("peakText");
        assertEquals("工单最多的时段是星期一 10:00–11:00，平均 1.5 张。", zh);

        // the agent filter reads the same rollup (nobody answered these tickets: no agent)
        as("supervisor").queryParam("from", "2027-05-03").queryParam("to", "2027-05-16")
                .queryParam("template", g.template).queryParam("agent", "agent1").get("/api/reports/hours").then()
                .statusCode(200).body("peak", Matchers.nullValue());
        as("agent1").get("/api/reports/hours").then().statusCode(403);
        as("supervisor").header("Accept-Language", "en").queryParam("from", "someday").get("/api/reports/hours")
                .then().statusCode(422).body("detail", Matchers.containsString("Start date"));
    }

    private static Map<String, Object> cell(List<Map<String, Object>> cells, int weekday, int hour) {
        return cells.stream().filter(c -> (Integer) c.get("weekday") == weekday && (Integer) c.get("hour") == hour)
                .findFirst().orElseThrow();
    }
}
