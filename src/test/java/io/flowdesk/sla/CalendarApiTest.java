package io.flowdesk.sla;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.audit.AuditLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarApiTest {

    @Inject
    AuditLog audit;

    static Map<String, Object> lunchCalendar(List<String> monday) {
        return Map.of("nameZh", "午休日历", "nameEn", "Lunch calendar", "zone", "Asia/Shanghai",
                "week", Map.of("MONDAY", monday, "TUESDAY", List.of("09:00-12:00", "13:30-18:00")));
    }

    @Test
    void staffReadTheShippedCalendars() {
        as("agent1").get("/api/calendars").then().statusCode(200)
                .body("key", hasItems("cn-standard", "24x7"));
        as("warehouse1").get("/api/calendars/cn-standard").then().statusCode(200)
                .body("zone", equalTo("Asia/Shanghai")).body("week.MONDAY", equalTo(List.of("09:00-18:00")))
                .body("week.SATURDAY", equalTo(List.of())).body("makeUpDays.date", hasItem("2026-02-14"))
                .body("holidays.date", hasItem("2025-10-08"));
        as("agent1").get("/api/calendars/24x7").then().statusCode(200).body("twentyFourSeven", equalTo(true));
    }

    @Test
    void dueAndElapsedAreExactToTheMinute() {
        // Friday 2026-02-13 17:00 Shanghai + 120 working minutes = Saturday 2026-02-14 10:00, a make-up working day
        as("agent1").get("/api/calendars/cn-standard/due?start=2026-02-13T09:00:00Z&minutes=120").then()
                .statusCode(200).body("due", equalTo("2026-02-14T02:00:00Z"));
        as("agent1").queryParam("start", "2026-02-13T17:00:00+08:00").queryParam("minutes", "120")
                .get("/api/calendars/cn-standard/due").then().statusCode(200)
                .body("due", equalTo("2026-02-14T02:00:00Z"));
        // Tuesday 2025-09-30 17:00 + 120 skips 国庆 (10-01..10-08): Thursday 10-09 10:00
        as("agent1").get("/api/calendars/cn-standard/due?start=2025-09-30T09:00:00Z&minutes=120").then()
                .statusCode(200).body("due", equalTo("2025-10-09T02:00:00Z"));
        as("agent1").get("/api/calendars/cn-standard/elapsed?from=2026-02-13T09:00:00Z&to=2026-02-14T02:00:00Z")
                .then().statusCode(200).body("minutes", equalTo(120));
        as("agent1").get("/api/calendars/cn-standard/elapsed?from=2026-02-14T02:00:00Z&to=2026-02-13T09:00:00Z")
                .then().statusCode(200).body("minutes", equalTo(0));
        as("agent1").get("/api/calendars/24x7/due?start=2026-02-13T09:00:30Z&minutes=0").then().statusCode(200)
                .body("due", equalTo("2026-02-13T09:01:00Z"));
    }

    @Test
    void badParametersAre422NamingTheParameter() {
        as("agent2").header("Accept-Language", "en").get("/api/calendars/cn-standard/due?start=2026-02-13&minutes=5")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/start"))
                .body("detail", containsString("start")).body("detail", containsString("2026-02-13"));
        as("agent2").header("Accept-Language", "zh-CN").get("/api/calendars/cn-standard/due?start=2026-02-13T09:00:00Z"
                + "&minutes=abc").then().statusCode(422).body("errors[0].pointer", equalTo("/minutes"))
                .body("detail", containsString("参数 minutes"));
        as("agent2").header("Accept-Language", "en").get("/api/calendars/cn-standard/due?start=2026-02-13T09:00:00Z"
                + "&minutes=-1").then().statusCode(422).body("errors[0].pointer", equalTo("/minutes"));
        as("agent2").header("Accept-Language", "en").get("/api/calendars/cn-standard/due?minutes=1").then()
                .statusCode(422).body("detail", equalTo("The parameter start is missing"));
        as("agent2").header("Accept-Language", "en").get("/api/calendars/cn-standard/elapsed?from=x&to=y").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/from"));
        as("agent2").header("Accept-Language", "en").get("/api/calendars/nope/due?start=2026-02-13T09:00:00Z"
                + "&minutes=1").then().statusCode(404).body("detail", equalTo("There is no calendar 'nope'"));
    }

    @Test
    void onlyStaffReadAndOnlyAdminsWrite() {
        as("customer1").get("/api/calendars").then().statusCode(403);
        as("partner1").get("/api/calendars/cn-standard/due?start=2026-02-13T09:00:00Z&minutes=1").then()
                .statusCode(403);
        RestAssured.given().get("/api/calendars").then().statusCode(401);
        as("agent1").body(lunchCalendar(List.of("09:00-18:00"))).put("/api/calendars/agent-made").then()
                .statusCode(403);
        as("supervisor").post("/api/calendars/cn-standard/china-schedule").then().statusCode(403);
        as("agent1").contentType("text/calendar").body("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
                .post("/api/calendars/cn-standard/ics").then().statusCode(403);
        as("admin").get("/api/calendars/agent-made").then().statusCode(404);
    }

    @Test
    void anAdminSavesACalendarWithALunchBreakAndItIsAudited() throws Throwable {
        as("admin").body(lunchCalendar(List.of("09:00-12:00", "13:30-18:00"))).put("/api/calendars/test-lunch")
                .then().statusCode(200).body("week.MONDAY", equalTo(List.of("09:00-12:00", "13:30-18:00")))
                .body("nameEn", equalTo("Lunch calendar"));
        // Monday 2026-03-09 11:00 + 120 = 14:30 (12:00-13:30 is lunch)
        as("agent1").get("/api/calendars/test-lunch/due?start=2026-03-09T03:00:00Z&minutes=120").then()
                .statusCode(200).body("due", equalTo("2026-03-09T06:30:00Z"));
        var entries = VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache
                .withSession(() -> audit.of("calendar", "test-lunch")));
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("calendar.saved") && e.actor().equals("admin")));
    }

    @Test
    void overlappingAndInvertedRangesAreNamedByWeekdayInTheReadersLanguage() {
        as("admin").header("Accept-Language", "zh-CN").body(lunchCalendar(List.of("09:00-12:00", "11:00-13:00")))
                .put("/api/calendars/test-bad").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/week/MONDAY"))
                .body("errors[0].message", equalTo("星期一：时间段 09:00-12:00 与 11:00-13:00 重叠"));
        as("admin").header("Accept-Language", "en").body(lunchCalendar(List.of("18:00-09:00")))
                .put("/api/calendars/test-bad").then().statusCode(422)
                .body("errors[0].message", equalTo("Monday: the range 18:00-09:00 ends before it starts"));
        as("admin").header("Accept-Language", "en").body(Map.of("zone", "Mars/Olympus", "week",
                Map.of("MONDAY", List.of("9-5")))).put("/api/calendars/test-bad").then().statusCode(422)
                .body("errors.pointer", hasItems("/zone", "/week/MONDAY"));
        as("admin").get("/api/calendars/test-bad").then().statusCode(404);
    }

    @Test
    void chinasScheduleLoadsOnceAndMakesTheSaturdayAWorkingDay() {
        as("admin").body(Map.of("zone", "Asia/Shanghai", "week", Map.of("MONDAY", List.of("09:00-18:00"),
                "FRIDAY", List.of("09:00-18:00")))).put("/api/calendars/test-china").then().statusCode(200);
        as("agent1").get("/api/calendars/test-china/due?start=2026-02-13T09:00:00Z&minutes=120").then()
                .statusCode(200).body("due", equalTo("2026-02-16T02:00:00Z"));
        int changed = as("admin").post("/api/calendars/test-china/china-schedule").then().statusCode(200)
                .body("calendar.makeUpDays.date", hasItem("2026-02-14")).extract().path("holidaysChanged");
        assertEquals(89, changed); // 28 + 28 + 33 days off in 2024, 2025, 2026
        as("admin").post("/api/calendars/test-china/china-schedule").then().statusCode(200)
                .body("holidaysChanged", equalTo(0)).body("makeUpDaysChanged", equalTo(0));
        as("agent1").get("/api/calendars/test-china/due?start=2026-02-13T09:00:00Z&minutes=120").then()
                .statusCode(200).body("due", equalTo("2026-02-14T02:00:00Z"));
    }

    @Test
    void anIcsFileImportsHolidaysAndMakeUpDaysAndABadOneNamesTheLine() throws Exception {
        as("admin").body(Map.of("zone", "America/New_York", "week", Map.of("MONDAY", List.of("09:00-17:00"),
                "THURSDAY", List.of("09:00-17:00"), "FRIDAY", List.of("09:00-17:00"))))
                .put("/api/calendars/test-us").then().statusCode(200);
        as("admin").contentType("text/calendar; charset=UTF-8").body(CalendarIcsTest.sample()).post("/api/calendars/test-us/ics")
                .then().statusCode(200).body("holidaysChanged", equalTo(2)).body("makeUpDaysChanged", equalTo(2))
                .body("calendar.holidays.date", hasItems("2026-11-26", "2026-11-27"))
                .body("calendar.makeUpDays.date", hasItems("2026-11-29", "2026-12-24"));
        // Wednesday 2026-11-25 16:00 EST + 120: Thu/Fri are Thanksgiving, Sunday 11-29 is a make-up day (Monday's hours)
        as("agent1").get("/api/calendars/test-us/due?start=2026-11-25T21:00:00Z&minutes=120").then()
                .statusCode(200).body("due", equalTo("2026-11-29T16:00:00Z"));
        as("admin").header("Accept-Language", "zh-CN").contentType("text/calendar")
                .body("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-13-01\nEND:VEVENT\nEND:VCALENDAR\n")
                .post("/api/calendars/test-us/ics").then().statusCode(422)
                .body("detail", equalTo("第 3 行：DTSTART“2026-13-01”不是日期，例如 20261001"))
                .body("detail", not(containsString("Exception")));
    }
}
