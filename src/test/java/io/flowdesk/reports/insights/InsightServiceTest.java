package io.flowdesk.reports.insights;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.Golden;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each insight rule with a data set built to trigger it and one built not to (docs/metrics.md, "Insights"). Every
 * data set lives in weeks of 2029 of its own, so the rules see only it.
 */
@QuarkusTest
class InsightServiceTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    @Test
    void aShareThatRoseSignificantlyMakesASentenceAndASmallDriftDoesNot() throws Throwable {
        Golden x = new Golden(db);
        Golden y = new Golden(db);
        // previous week 2029-03-05..11: x 5 of 40 (12.5 %); this week 03-12..18: x 18 of 50 (36 %); z = 2.5
        spread(x, LocalDate.parse("2029-03-05"), 5);
        spread(y, LocalDate.parse("2029-03-05"), 35);
        spread(x, LocalDate.parse("2029-03-12"), 18);
        spread(y, LocalDate.parse("2029-03-12"), 32);
        // not: 6 of 40 (15 %) then 8 of 50 (16 %)
        spread(x, LocalDate.parse("2029-04-09"), 6);
        spread(y, LocalDate.parse("2029-04-09"), 34);
        spread(x, LocalDate.parse("2029-04-16"), 8);
        spread(y, LocalDate.parse("2029-04-16"), 42);
        Golden.drain(stream);

        List<Map<String, Object>> en = insights("2029-03-12", "2029-03-18", "en");
        Map<String, Object> rose = only(en, "share", x.template);
        assertEquals(x.template + " share of tickets rose from 13 % to 36 % (2029-03-12 to 2029-03-18 against the 7"
                + " days before)", rose.get("sentence"));
        assertTrue(((String) rose.get("detail")).startsWith("Before: 5 of 40 tickets; now: 18 of 50; z = 2.54"),
                (String) rose.get("detail"));
        Map<?, ?> numbers = (Map<?, ?>) rose.get("numbers");
        assertEquals(18, numbers.get("tickets"));
        assertEquals(50, numbers.get("total"));
        assertEquals(0.36, ((Number) numbers.get("share")).doubleValue(), 1e-6); // JSON floats
        assertEquals("/api/reports/tickets.csv?from=2029-03-12&to=2029-03-18&template=" + x.template,
                rose.get("ticketsCsv"));
        assertTrue(((String) only(en, "share", y.template).get("sentence")).contains("fell from 88 % to 64 %"));
        List<Map<String, Object>> zh = insights("2029-03-12", "2029-03-18", "zh-CN");
        assertEquals(x.template + " 工单占比从 13 % 升至 36 %（2029-03-12 至 2029-03-18，对比之前 7 天）",
                only(zh, "share", x.template).get("sentence"));
        // the tickets behind it: the export of that template and week holds exactly its 18 tickets
        String csv = as("supervisor").get((String) rose.get("ticketsCsv")).then().statusCode(200).extract().asString();
        assertEquals(18 + 1, csv.strip().split("\r\n").length);

        assertEquals(0, count(insights("2029-04-16", "2029-04-22", "en"), "share"));
    }

    @Test
    void aFirstResponseMedianThatMoreThanDoubledMakesASentenceAndAFewMinutesDoNot() throws Throwable {
        Golden g = new Golden(db);
        replies(g, LocalDate.parse("2029-05-07"), 35); // 10 tickets, 35 working minutes each
        replies(g, LocalDate.parse("2029-05-14"), 80);
        replies(g, LocalDate.parse("2029-06-04"), 35);
        replies(g, LocalDate.parse("2029-06-11"), 40);
        Golden.drain(stream);

        Map<String, Object> rose = only(insights("2029-05-14", "2029-05-20", "en"), "first-response", null);
        assertEquals("First response median rose from 35 to 80 working minutes (2029-05-14 to 2029-05-20 against the"
                + " 7 days before)", rose.get("sentence"));
        assertEquals(10, ((Map<?, ?>) rose.get("numbers")).get("count"));
        assertEquals("首次响应中位数从 35 升至 80 个工作分钟（2029-05-14 至 2029-05-20，对比之前 7 天）",
                only(insights("2029-05-14", "2029-05-20", "zh-CN"), "first-response", null).get("sentence"));
        assertEquals(0, count(insights("2029-06-11", "2029-06-17", "en"), "first-response"));
    }

    @Test
    void aWeekdayWellAboveTheDailyMeanMakesASentenceAndAnEvenSpreadDoesNot() throws Throwable {
        Golden g = new Golden(db);
        // 2029-01-01..28, four weeks: 6 tickets every Monday, 1 on every other day: 48 in 28 days (1.7 a day)
        for (LocalDate d = LocalDate.parse("2029-01-01"); d.isBefore(LocalDate.parse("2029-01-29")); d = d
                .plusDays(1)) {
            int n = d.getDayOfWeek().getValue() == 1 ? 6 : 1;
            for (int i = 0; i < n; i++) {
                g.ticket(d + "T10:0" + i + ":00");
            }
        }
        Golden even = new Golden(db);
        for (LocalDate d = LocalDate.parse("2029-07-02"); d.isBefore(LocalDate.parse("2029-07-30")); d = d
                .plusDays(1)) {
            for (int i = 0; i < 3; i++) {
                even.ticket(d + "T1" + i + ":00:00"); // 3 a day: 12 on every weekday, 1.0× the mean
            }
        }
        Golden.drain(stream);

        Map<String, Object> monday = only(insights("2029-01-22", "2029-01-28", "en"), "weekday", g.template);
        assertEquals(g.template + " tickets on Mondays are 3.5× the daily average (6.0 a day against 1.7, "
                + "2029-01-01 to 2029-01-28)", monday.get("sentence"));
        assertEquals("2029-01-01", monday.get("from"));
        assertEquals(g.template + " 工单在周一是日均的 3.5 倍（每天 6.0 张，日均 1.7 张，2029-01-01 至 2029-01-28）",
                only(insights("2029-01-22", "2029-01-28", "zh-CN"), "weekday", g.template).get("sentence"));
        assertEquals(0, count(insights("2029-07-23", "2029-07-29", "en"), "weekday"));
    }

    @Test
    void onlySupervisorsAndAdminsReadInsightsAndABadDateIs422() {
        as("agent1").get("/api/reports/insights").then().statusCode(403);
        as("admin").queryParam("from", "2029-01-01").queryParam("to", "2029-01-07").get("/api/reports/insights")
                .then().statusCode(200);
        as("supervisor").header("Accept-Language", "zh-CN").queryParam("from", "soon").get("/api/reports/insights")
                .then().statusCode(422).body("errors[0].pointer", equalTo("from"))
                .body("errors[0].message", containsString("开始日期"));
    }

    /** {@code n} tickets spread over the seven days from {@code monday}, 10:00 onwards. */
    private static void spread(Golden g, LocalDate monday, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            g.ticket(monday.plusDays(i % 7) + "T1" + (i / 7) % 8 + ":00:00");
        }
    }

    /** Ten tickets Monday to Friday from {@code monday}, each answered by staff after {@code minutes}. */
    private static void replies(Golden g, LocalDate monday, int minutes) throws Exception {
        for (int i = 0; i < 10; i++) {
            String day = monday.plusDays(i % 5).toString();
            int hour = 10 + i / 5 * 3;
            g.ticket(day + "T" + hour + ":00:00").staff(day + "T" + String.format("%02d:%02d:00", hour
                    + minutes / 60, minutes % 60), "agent1");
        }
    }

    private static List<Map<String, Object>> insights(String from, String to, String language) {
        return as("supervisor").header("Accept-Language", language).queryParam("from", from).queryParam("to", to)
                .get("/api/reports/insights").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> only(List<Map<String, Object>> all, String rule, String template) {
        List<Map<String, Object>> found = all.stream().filter(i -> rule.equals(i.get("rule")) && (template == null
                || template.equals(i.get("template")))).toList();
        assertEquals(1, found.size(), "one " + rule + " insight for " + template + " in " + all);
        return found.get(0);
    }

    private static long count(List<Map<String, Object>> all, String rule) {
        return all.stream().filter(i -> rule.equals(i.get("rule"))).count();
    }
}
