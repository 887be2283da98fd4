package io.flowdesk.reports.forecast.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.reports.forecast.DayType;
import io.flowdesk.reports.forecast.VolumeForecast;
import io.flowdesk.shared.Json;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastChartTest {

    @Test
    void dayLabelsThatWouldOverlapAreLeftOut() {
        LocalDate day = LocalDate.of(2026, 9, 28);
        VolumeForecast f = new VolumeForecast(null, "holt-winters", "cn-standard", day, 2,
                List.of(new VolumeForecast.Actual(day.minusDays(1), 12, DayType.WEEKEND)),
                List.of(new VolumeForecast.Day(day, 40, 35, 45, 30, 50, DayType.WORKDAY),
                        new VolumeForecast.Day(day.plusDays(3), 10, 8, 12, 6, 14, DayType.HOLIDAY)),
                null, null, null);
        JsonNode o = Json.parse(ForecastChart.option(f, Map.of("history", "History", "expected", "Expected",
                "band80", "80 %", "band95", "95 %", "holiday", "Holiday", "makeup", "Make-up workday")));
        assertEquals("scroll", o.path("legend").path("type").asText());
        assertEquals(4, o.path("legend").path("data").size());
        assertTrue(o.path("xAxis").path("axisLabel").path("hideOverlap").asBoolean(),
                "day labels that would overlap (a phone) are left out");
        assertEquals("all", o.path("grid").path("outerBoundsContain").asText());
    }

    @Test
    void eachDayTypeIsNamedOnceHolidaysAtTheTopMakeUpDaysAtTheBottom() {
        LocalDate day = LocalDate.of(2026, 9, 26);
        // 调休 Saturday, a working week, the 国庆 holiday run, a second 调休 Saturday, a later one-day holiday
        List<DayType> types = List.of(DayType.MAKEUP, DayType.WEEKEND, DayType.WORKDAY, DayType.WORKDAY,
                DayType.WORKDAY, DayType.HOLIDAY, DayType.HOLIDAY, DayType.HOLIDAY, DayType.WORKDAY, DayType.MAKEUP,
                DayType.WORKDAY, DayType.HOLIDAY);
        List<VolumeForecast.Day> days = new java.util.ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            days.add(new VolumeForecast.Day(day.plusDays(i), 10, 8, 12, 6, 14, types.get(i)));
        }
        VolumeForecast f = new VolumeForecast(null, "holt-winters", "cn-standard", day, 2, List.of(), days, null,
                null, null);
        JsonNode areas = Json.parse(ForecastChart.option(f, Map.of("history", "History", "expected", "Expected",
                "band80", "80 %", "band95", "95 %", "holiday", "Holiday", "makeup", "Make-up workday")))
                .path("series").findValue("markArea").path("data");
        assertEquals(4, areas.size(), "one area per run of days: make-up, holiday (three days), make-up, holiday");
        List<String> shown = new java.util.ArrayList<>();
        for (JsonNode a : areas) {
            JsonNode label = a.get(0).path("label");
            if (label.path("show").asBoolean()) {
                shown.add(a.get(0).path("name").asText() + "@" + label.path("position").asText());
            }
        }
        assertEquals(List.of("Make-up workday@insideBottom", "Holiday@insideTop"), shown);
    }
}
