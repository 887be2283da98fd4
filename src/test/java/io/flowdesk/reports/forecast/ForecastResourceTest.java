package io.flowdesk.reports.forecast;

import static io.flowdesk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/reports/forecast} on a history built through the ticket event stream and the reports rollup, with
 * the FlowDesk clock on Monday 2026-09-28 10:00 (Shanghai). The shipped cn-standard calendar has 中秋 on 09-25..27
 * (Fri–Sun), a make-up Sunday on 09-20, 国庆 on 10-01..07 and a make-up Saturday on 10-10.
 */
@QuarkusTest
class ForecastResourceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 9, 28);
    static final LocalDate FIRST = LocalDate.of(2026, 8, 10);
    static final List<LocalDate> HOLIDAYS = List.of(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26),
            LocalDate.of(2026, 9, 27));
    static final LocalDate MAKE_UP = LocalDate.of(2026, 9, 20);

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    /** Workdays (and the make-up Sunday) 6 tickets, weekends 2, holidays 1; one test ticket every workday. */
    static int planted(LocalDate d) {
        if (HOLIDAYS.contains(d)) {
            return 1;
        }
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend && !d.equals(MAKE_UP) ? 2 : 6;
    }

    @Test
    void forecastsATemplateFromItsRollupWithHolidaysAndMakeUpDays() throws Throwable {
        as("admin").body(Map.of("set", "2026-09-28T02:00:00Z")).post("/api/clock").then().statusCode(200);
        Golden g = new Golden(db);
        for (LocalDate d = FIRST; d.isBefore(TODAY); d = d.plusDays(1)) {
            for (int i = 0; i < planted(d); i++) {
                g.ticket(d + "T10:" + String.format("%02d", i) + ":00");
            }
            if (planted(d) == 6) {
                g.testTicket(d + "T11:00:00");
            }
        }
        Golden.drain(stream);

        JsonPath f = as("supervisor").queryParam("template", g.template).get("/api/reports/forecast").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("holt-winters-additive-weekly-holidays", f.getString("method"));
        assertEquals("cn-standard", f.getString("calendar"));
        assertEquals(null, f.getString("message"));
        List<Map<String, Object>> history = f.getList("history");
        assertEquals(49, history.size());
        for (Map<String, Object> day : history) {
            LocalDate d = LocalDate.parse((String) day.get("date"));
            assertEquals(planted(d), ((Number) day.get("actual")).intValue(), "tickets on " + d + ", test ones left out");
        }
        assertEquals("makeup", dayType(history, MAKE_UP));
        assertEquals("holiday", dayType(history, HOLIDAYS.get(1)));
        List<Map<String, Object>> ahead = f.getList("forecast");
        assertEquals(14, ahead.size());
        assertEquals(TODAY.toString(), ahead.get(0).get("date"));
        assertEquals("workday", ahead.get(0).get("dayType"));
        assertEquals("holiday", ahead.get(3).get("dayType")); // 10-01
        assertEquals("holiday", ahead.get(5).get("dayType")); // 10-03, a Saturday inside 国庆
        assertEquals("makeup", ahead.get(12).get("dayType")); // 10-10
        assertEquals("weekend", ahead.get(13).get("dayType")); // 10-11
        double tuesday = value(ahead.get(1), "expected");
        assertEquals(6, tuesday, 0.6);
        assertEquals(1, value(ahead.get(3), "expected"), 0.6, "a holiday at the observed holiday ratio");
        assertEquals(6, value(ahead.get(12), "expected"), 0.8, "the make-up Saturday like a workday");
        for (Map<String, Object> day : ahead) {
            double e = value(day, "expected");
            assertTrue(value(day, "low95") <= value(day, "low80") && value(day, "low80") <= e
                    && e <= value(day, "high80") && value(day, "high80") <= value(day, "high95"), day.toString());
        }
        assertEquals(28, f.getInt("holdout.days"));
        assertTrue(f.getDouble("holdout.mae") < 1.0, "mae " + f.getDouble("holdout.mae"));
        assertTrue(f.getDouble("holdout.mape") >= 0);

        as("supervisor").queryParam("template", g.template).queryParam("days", "28").get("/api/reports/forecast")
                .then().statusCode(200).body("forecast.size()", equalTo(28));
        as("admin").get("/api/reports/forecast").then().statusCode(200).body("method",
                equalTo("holt-winters-additive-weekly-holidays"));
    }

    @Test
    void tooLittleHistoryIsSaidInTheReadersLanguage() throws Throwable {
        as("admin").body(Map.of("set", "2026-09-28T02:00:00Z")).post("/api/clock").then().statusCode(200);
        Golden g = new Golden(db);
        for (LocalDate d = TODAY.minusDays(10); d.isBefore(TODAY); d = d.plusDays(1)) {
            g.ticket(d + "T10:00:00");
        }
        Golden.drain(stream);
        as("supervisor").header("Accept-Language", "en").queryParam("template", g.template)
                .get("/api/reports/forecast").then().statusCode(200).body("forecast.size()", equalTo(0))
                .body("message", equalTo("Too little history for a forecast: tickets on 10 days so far, at least 21 "
                        + "days are needed."))
                .body("history.size()", equalTo(10));
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("template", g.template)
                .get("/api/reports/forecast").then().statusCode(200)
                .body("message", equalTo("历史数据太少，无法预测：目前只有 10 天的工单，至少需要 21 天。"));
    }

    @Test
    void onlySupervisorsAndAdminsWithAValidRequest() {
        given().get("/api/reports/forecast").then().statusCode(401);
        as("agent1").header("Accept-Language", "zh-CN").get("/api/reports/forecast").then().statusCode(403)
                .body("detail", containsString("只有主管和管理员"));
        for (String days : List.of("0", "29", "abc", "-3")) {
            as("supervisor").header("Accept-Language", "en").queryParam("days", days).get("/api/reports/forecast")
                    .then().statusCode(422)
                    .body("errors[0].pointer", equalTo("days"))
                    .body("errors[0].message", equalTo("Days ahead must be a whole number from 1 to 28."));
        }
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("days", "99").get("/api/reports/forecast")
                .then().statusCode(422).body("errors[0].message", equalTo("预测天数必须是 1 到 28 之间的整数。"));
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("template", "no-such-template")
                .get("/api/reports/forecast").then().statusCode(404).body("detail", containsString("没有模板"));
        as("supervisor").queryParam("template", "bad template!").get("/api/reports/forecast").then()
                .statusCode(422).body("errors[0].pointer", equalTo("template"));
    }

    private static String dayType(List<Map<String, Object>> days, LocalDate date) {
        return days.stream().filter(d -> d.get("date").equals(date.toString())).findFirst().orElseThrow()
                .get("dayType").toString();
    }

    private static double value(Map<String, Object> day, String key) {
        return ((Number) day.get(key)).doubleValue();
    }
}
