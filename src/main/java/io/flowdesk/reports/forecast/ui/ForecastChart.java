package io.flowdesk.reports.forecast.ui;

import io.flowdesk.reports.forecast.DayType;
import io.flowdesk.reports.forecast.VolumeForecast;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.ui.EChart;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ECharts option of the forecast chart: the history as a line, the forecast as a dashed line, the 95 % and 80 %
 * intervals as stacked bands (a transparent lower edge plus the width), holidays and make-up days as shaded areas.
 */
final class ForecastChart {

    static final String HOLIDAY_COLOR = "rgba(229, 115, 115, 0.18)";
    static final String MAKEUP_COLOR = "rgba(102, 187, 106, 0.18)";
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd");

    private ForecastChart() {
    }

    /** {@code names}: history, expected, band80, band95, holiday, makeup — already in the reader's language. */
    static String option(VolumeForecast f, Map<String, String> names) {
        List<String> axis = new ArrayList<>();
        List<Object> history = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        List<Object> low95 = new ArrayList<>();
        List<Object> width95 = new ArrayList<>();
        List<Object> low80 = new ArrayList<>();
        List<Object> width80 = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<DayType> types = new ArrayList<>();
        for (VolumeForecast.Actual a : f.history()) {
            dates.add(a.date());
            types.add(a.dayType());
            history.add(a.actual());
            for (List<Object> s : List.of(expected, low95, width95, low80, width80)) {
                s.add(null);
            }
        }
        if (!f.history().isEmpty() && !f.forecast().isEmpty()) {
            expected.set(expected.size() - 1, f.history().get(f.history().size() - 1).actual()); // joins the lines
        }
        for (VolumeForecast.Day d : f.forecast()) {
            dates.add(d.date());
            types.add(d.dayType());
            history.add(null);
            expected.add(d.expected());
            low95.add(d.low95());
            width95.add(round(d.high95() - d.low95()));
            low80.add(d.low80());
            width80.add(round(d.high80() - d.low80()));
        }
        dates.forEach(d -> axis.add(LABEL.format(d)));
        List<Object> series = new ArrayList<>();
        series.add(band("low95", low95, "b95", null));
        series.add(band(names.get("band95"), width95, "b95", "rgba(33, 150, 243, 0.15)"));
        series.add(band("low80", low80, "b80", null));
        series.add(band(names.get("band80"), width80, "b80", "rgba(33, 150, 243, 0.30)"));
        Map<String, Object> actual = line(names.get("history"), history, "#455a64", "solid");
        actual.put("markArea", Map.of("silent", true, "data", areas(axis, types, names)));
        series.add(actual);
        series.add(line(names.get("expected"), expected, "#1565c0", "dashed"));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", EChart.grid(56, 8));
        option.put("tooltip", Map.of("trigger", "axis"));
        List<String> legend = List.of(names.get("history"), names.get("expected"), names.get("band80"),
                names.get("band95"));
        option.put("legend", Map.of("type", "scroll", "top", 0, "data", legend));
        option.put("xAxis", Map.of("type", "category", "boundaryGap", false, "data", axis, "axisLabel",
                Map.of("hideOverlap", true)));
        option.put("yAxis", Map.of("type", "value", "min", 0, "minInterval", 1));
        option.put("series", series);
        // labels that would overlap (a phone has room for every fourth day or so) are left out, never drawn on
        // top of each other; no media option here: on a desktop its turned labels stayed after the first layout
        return Json.write(option);
    }

    private static Map<String, Object> line(String name, List<Object> data, String color, String type) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("data", data);
        s.put("symbolSize", 4);
        s.put("itemStyle", Map.of("color", color));
        s.put("lineStyle", Map.of("color", color, "width", 2, "type", type));
        return s;
    }

    private static Map<String, Object> band(String name, List<Object> data, String stack, String fill) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("data", data);
        s.put("stack", stack);
        s.put("symbol", "none");
        s.put("silent", true);
        s.put("lineStyle", Map.of("opacity", 0));
        s.put("itemStyle", Map.of("color", fill == null ? "transparent" : fill));
        s.put("areaStyle", fill == null ? Map.of("opacity", 0) : Map.of("color", fill));
        s.put("tooltip", Map.of("show", false));
        return s;
    }

    /** One shaded area per run of consecutive holidays or make-up days; the first run of each type names it. */
    private static List<Object> areas(List<String> axis, List<DayType> types, Map<String, String> names) {
        List<Object> out = new ArrayList<>();
        Function<DayType, String> color = t -> t == DayType.HOLIDAY ? HOLIDAY_COLOR : MAKEUP_COLOR;
        java.util.Set<DayType> labelled = java.util.EnumSet.noneOf(DayType.class);
        for (int i = 0; i < types.size(); i++) {
            DayType t = types.get(i);
            if (t != DayType.HOLIDAY && t != DayType.MAKEUP) {
                continue;
            }
            int end = i;
            while (end + 1 < types.size() && types.get(end + 1) == t) {
                end++;
            }
            Map<String, Object> from = new LinkedHashMap<>();
            from.put("name", names.get(t.json()));
            from.put("xAxis", axis.get(i));
            from.put("itemStyle", Map.of("color", color.apply(t)));
            // each type is named once (its colour says the rest), holidays at the top and make-up days at the bottom:
            // on a phone the runs stand a few pixels apart and repeated labels ran into each other
            boolean first = labelled.add(t);
            from.put("label", Map.of("show", first, "fontSize", 10, "position", t == DayType.HOLIDAY ? "insideTop"
                    : "insideBottom", "color", t == DayType.HOLIDAY ? "#c62828" : "#2e7d32"));
            out.add(List.of(from, Map.of("xAxis", axis.get(end))));
            i = end;
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
