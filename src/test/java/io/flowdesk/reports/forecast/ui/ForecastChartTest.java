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
}
