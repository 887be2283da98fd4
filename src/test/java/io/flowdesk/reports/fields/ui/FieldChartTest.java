package io.flowdesk.reports.fields.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.reports.fields.FieldReport;
import io.flowdesk.shared.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldChartTest {

    private static final LocalDate DAY = LocalDate.of(2031, 3, 10);

    private static JsonNode option(FieldReport report) {
        return Json.parse(FieldChart.option(report, "Sum of Refund amount (CNY)", "Total"));
    }

    @Test
    void aSingleBarIsNoWiderThanTheMaximumAndTheAxisNameHasRoom() {
        JsonNode o = option(new FieldReport("ecommerce-refund", null, null, "refundAmount", "Refund amount", "none",
                DAY, DAY, List.of(new FieldReport.Row(null, "", "", 3, new BigDecimal("540")))));
        JsonNode base = o;
        assertEquals(FieldChart.BAR_MAX_WIDTH, base.path("series").get(0).path("barMaxWidth").asInt());
        assertEquals("Sum of Refund amount (CNY)", base.path("yAxis").path("name").asText());
        assertEquals("left", base.path("yAxis").path("nameTextStyle").path("align").asText(),
                "the name starts at the axis instead of being centred on it (half of it off the chart)");
        assertEquals("all", base.path("grid").path("outerBoundsContain").asText(), "the grid keeps the name inside");
        assertEquals(List.of("Total"), List.of(base.path("xAxis").path("data").get(0).asText()));
    }

    @Test
    void periodLabelsThatWouldOverlapAreLeftOutAndGroupsStack() {
        JsonNode o = option(new FieldReport("ecommerce-refund", "reason", "Reason", null, null, "week", DAY,
                DAY.plusDays(20), List.of(new FieldReport.Row(DAY, "damaged", "Damaged", 2, null),
                        new FieldReport.Row(DAY.plusDays(7), "damaged", "Damaged", 1, null))));
        assertEquals(true, o.path("xAxis").path("axisLabel").path("hideOverlap").asBoolean());
        assertEquals("total", o.path("series").get(0).path("stack").asText());
    }
}
