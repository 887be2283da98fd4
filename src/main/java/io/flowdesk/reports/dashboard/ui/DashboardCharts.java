package io.flowdesk.reports.dashboard.ui;

import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.Summary;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.EChart;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's ECharts options, built from a {@link Summary} with every text from the catalogue. Data items keep
 * the summary's order, so a click's index finds the number it came from.
 */
final class DashboardCharts {

    static final String CREATED = "#1565c0";
    static final String RESOLVED = "#2e7d32";
    static final String BREACHED = "#c62828";
    static final int TOP_CATEGORIES = 10;

    private final Locale locale;

    DashboardCharts(Locale locale) {
        this.locale = locale;
    }

    String daily(Summary s) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(Messages.isChinese(locale) ? "M月d日" : "MMM d", locale);
        List<String> days = s.createdVsResolved().stream().map(d -> f.format(d.day())).toList();
        return axis(days, t("dashboard.axis.day"), List.of(
                series(t("dashboard.series.created"), "bar", CREATED, s.createdVsResolved().stream()
                        .map(Summary.Day::created).toList()),
                series(t("dashboard.series.resolved"), "line", RESOLVED, s.createdVsResolved().stream()
                        .map(Summary.Day::resolved).toList())), false);
    }

    String backlog(Summary s) {
        return axis(s.backlog().stream().map(b -> t("dashboard.bucket." + b.bucket())).toList(),
                t("dashboard.axis.age"), List.of(series(t("dashboard.series.backlog"), "bar", "#ef6c00",
                        s.backlog().stream().map(Summary.Bucket::count).toList())), false);
    }

    String sla(Summary s) {
        List<Summary.Sla> targets = s.current().sla();
        Map<String, Object> met = series(t("dashboard.series.met"), "bar", RESOLVED, targets.stream()
                .map(Summary.Sla::met).toList());
        Map<String, Object> breached = series(t("dashboard.series.breached"), "bar", BREACHED, targets.stream()
                .map(x -> x.total() - x.met()).toList());
        met.put("stack", "sla");
        breached.put("stack", "sla");
        return axis(targets.stream().map(x -> t("dashboard.target." + x.target())).toList(),
                t("dashboard.axis.target"), List.of(met, breached), false);
    }

    String csat(Summary s) {
        List<String> ratings = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        s.current().csat().distribution().forEach((rating, count) -> {
            ratings.add(t("dashboard.rating", rating));
            counts.add(count);
        });
        return axis(ratings, t("dashboard.axis.rating"), List.of(series(t("dashboard.series.ratings"), "bar",
                "#f9a825", counts)), false);
    }

    /** Channels with tickets created in the period, largest first (the keys, in the pie's order). */
    static List<Summary.Group> channels(Summary s) {
        return s.by().getOrDefault("channel", List.of()).stream().filter(g -> g.created() > 0)
                .sorted((a, b) -> Long.compare(b.created(), a.created())).toList();
    }

    String channel(Summary s, Names names) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Summary.Group g : channels(s)) {
            data.add(Map.of("name", names.channel(g.key()), "value", g.created()));
        }
        Map<String, Object> pie = new LinkedHashMap<>();
        pie.put("name", t("dashboard.series.created"));
        pie.put("type", "pie");
        pie.put("radius", List.of("35%", "65%"));
        pie.put("center", List.of("50%", "55%"));
        pie.put("data", data);
        pie.put("label", Map.of("formatter", "{b}: {c} ({d}%)"));
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "item", "formatter", "{b}: {c} ({d}%)"));
        option.put("legend", Map.of("type", "scroll", "top", 0));
        option.put("series", List.of(pie));
        return Json.write(empty(option, data.isEmpty()));
    }

    /** The top categories by tickets created in the period (the keys, in the chart's order). */
    static List<Summary.Group> categories(Summary s) {
        return s.by().getOrDefault("category", List.of()).stream().filter(g -> g.created() > 0)
                .sorted((a, b) -> Long.compare(b.created(), a.created())).limit(TOP_CATEGORIES).toList();
    }

    String category(Summary s, Names names) {
        List<Summary.Group> top = categories(s);
        return axis(top.stream().map(g -> names.category(g.key())).toList(), "", List.of(series(
                t("dashboard.series.created"), "bar", CREATED, top.stream().map(Summary.Group::created).toList())),
                true);
    }

    // --- building blocks -------------------------------------------------------------------------------------

    private Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false); // drawn at once: screenshots and clicks see the final chart
        option.put("textStyle", Map.of("fontFamily", "inherit"));
        return option;
    }

    private String axis(List<String> categories, String categoryName, List<Map<String, Object>> series,
            boolean horizontal) {
        Map<String, Object> option = base();
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        if (series.size() > 1) {
            option.put("legend", Map.of("top", 0));
        }
        // vertical bars: room for the value axis' name; horizontal (truncated category labels): the labels only
        option.put("grid", horizontal ? Map.of("left", 8, "right", 16, "top", 16, "bottom", 8, "containLabel", true)
                : EChart.grid(series.size() > 1 ? 32 : 16, 8));
        Map<String, Object> category = new LinkedHashMap<>(Map.of("type", "category", "data", categories,
                "name", categoryName, "nameLocation", "middle", "nameGap", 28));
        Map<String, Object> value = new LinkedHashMap<>(Map.of("type", "value", "minInterval", 1));
        if (horizontal) {
            category.put("inverse", true);
            category.put("axisLabel", Map.of("width", 140, "overflow", "truncate"));
            category.remove("name");
            option.put("xAxis", value);
            option.put("yAxis", category);
        } else {
            // a few categories (buckets, targets, ratings): every label, wrapped; days: as many as fit
            category.put("axisLabel", categories.size() <= 6 ? Map.of("interval", 0, "width", 64, "overflow",
                    "break") : Map.of("hideOverlap", true));
            value.put("name", t("dashboard.axis.count"));
            option.put("xAxis", category);
            option.put("yAxis", value);
        }
        option.put("series", series);
        boolean none = series.stream().allMatch(x -> ((List<?>) x.get("data")).stream()
                .allMatch(v -> ((Number) v).longValue() == 0));
        return Json.write(empty(option, none));
    }

    private static Map<String, Object> series(String name, String type, String color, List<Long> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", type);
        s.put("data", data);
        s.put("itemStyle", Map.of("color", color));
        s.put("cursor", "pointer");
        if ("line".equals(type)) {
            s.put("symbolSize", 10);
        } else {
            s.put("barMaxWidth", 40);
        }
        return s;
    }

    /** A chart without data says so (the axes stay, so the chart keeps its place). */
    private Map<String, Object> empty(Map<String, Object> option, boolean none) {
        if (none) {
            option.put("title", Map.of("text", t("dashboard.noData"), "left", "center", "top", "middle",
                    "textStyle", Map.of("fontSize", 14, "fontWeight", "normal", "color", "#777")));
        }
        return option;
    }

    private String t(String key, Object... args) {
        return Text.of(key, args).in(locale);
    }

    static List<String> buckets() {
        return ReportService.BUCKETS;
    }
}
