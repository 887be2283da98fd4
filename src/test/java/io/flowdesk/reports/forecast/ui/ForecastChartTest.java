package io.flowdesk.reports.forecast.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    void onAPhoneTheDayLabelsTurnAndThinOutAndAWiderChartTurnsThemBack() {
        LocalDate day = LocalDate.of(2026, 9, 28);
        VolumeForecast f = new VolumeForecast(null, "holt-winters", "cn-standard", day, 2,
                List.of(new VolumeForecast.Actual(day.minusDays(1), 12, DayType.WEEKEND)),
                List.of(new VolumeForecast.Day(day, 40, 35, 45, 30, 50, DayType.WORKDAY),
                        new VolumeForecast.Day(day.plusDays(3), 10, 8, 12, 6, 14, DayType.HOLIDAY)),
                null, null, null);
        JsonNode o = Json.parse(ForecastChart.option(f, Map.of("history", "History", "expected", "Expected",
                "band80", "80 %", "band95", "95 %", "holiday", "Holiday", "makeup", "Make-up workday")));
        JsonNode base = o.path("baseOption");
        assertEquals("scroll", base.path("legend").path("type").asText(), "the same legend type on every width");
        assertEquals(4, base.path("legend").path("data").size());
        assertEquals(0, base.path("xAxis").path("axisLabel").path("rotate").asInt(-1),
                "the base says what a wider chart goes back to (ECharts keeps a media option's values otherwise)");
        assertEquals("auto", base.path("xAxis").path("axisLabel").path("interval").asText());
        JsonNode narrow = o.path("media").get(0).path("option");
        assertEquals(45, narrow.path("xAxis").path("axisLabel").path("rotate").asInt());
        assertEquals(2, narrow.path("xAxis").path("axisLabel").path("interval").asInt());
        assertFalse(narrow.has("legend"));
    }
}
