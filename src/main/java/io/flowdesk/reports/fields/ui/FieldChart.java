package io.flowdesk.reports.fields.ui;

import io.flowdesk.reports.fields.FieldReport;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.ui.EChart;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The ECharts option of a field report: bars of the sum (or of the ticket count when nothing is summed), one stacked
 * series per group value over the periods, or one bar per value for the whole range. Pure, so it tests with JUnit.
 */
final class FieldChart {

    /** A single bar (one value, one period) stays a bar instead of filling the whole plot. */
    static final int BAR_MAX_WIDTH = 56;

    private FieldChart() {
    }

    static String option(FieldReport report, String yName, String allName) {
        boolean sum = report.sum() != null;
        boolean whole = report.interval().equals("none");
        List<String> categories = new ArrayList<>();
        List<Map<String, Object>> series = new ArrayList<>();
        if (whole) {
            List<Object> data = new ArrayList<>();
            for (FieldReport.Row r : report.rows()) {
                categories.add(report.groupBy() == null ? allName : r.label());
                data.add(value(r, sum));
            }
            series.add(series(yName, data, false));
        } else {
            TreeSet<LocalDate> periods = new TreeSet<>();
            report.rows().forEach(r -> periods.add(r.period()));
            periods.forEach(p -> categories.add(p.toString()));
            Map<String, Object[]> byValue = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            List<LocalDate> index = new ArrayList<>(periods);
            for (FieldReport.Row r : report.rows()) {
                Object[] data = byValue.computeIfAbsent(r.value(), v -> new Object[index.size()]);
                names.put(r.value(), report.groupBy() == null ? allName : r.label());
                data[index.indexOf(r.period())] = value(r, sum);
            }
            byValue.forEach((v, data) -> {
                List<Object> list = new ArrayList<>();
                for (Object d : data) {
                    list.add(d == null ? 0 : d);
                }
                series.add(series(names.get(v), list, true));
            });
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false); // drawn at once: screenshots see the final chart
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", EChart.grid(32, 40));
        option.put("xAxis", Map.of("type", "category", "data", categories, "axisLabel", Map.of("hideOverlap", true)));
        option.put("yAxis", Map.of("type", "value", "name", yName, "nameTextStyle", Map.of("align", "left")));
        option.put("series", series);
        return Json.write(option);
    }

    private static Object value(FieldReport.Row r, boolean sum) {
        BigDecimal s = r.sum();
        return sum ? (s == null ? 0 : s) : r.count();
    }

    private static Map<String, Object> series(String name, List<Object> data, boolean stacked) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "bar");
        if (stacked) {
            s.put("stack", "total");
        }
        s.put("barMaxWidth", BAR_MAX_WIDTH);
        s.put("data", data);
        return s;
    }
}
