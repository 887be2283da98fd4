package io.flowdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of the results table; printed and written as JSON so two runs (two commits) can be compared. */
final class Results {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Row(String workload, String unit, double flowdesk, String baselineName, double baseline, Double p50,
            Double p95, Double p99, String note) {

        double ratio() {
            return baseline == 0 ? Double.NaN : flowdesk / baseline;
        }
    }

    final List<Row> rows = new ArrayList<>();
    final Map<String, Object> facts = new LinkedHashMap<>();

    void add(Row row) {
        rows.add(row);
        System.out.println("[bench] " + format(row));
    }

    static String format(Row r) {
        return String.format("%-46s %12s %-9s | %-34s %12s | ratio %6s | p50 %s p95 %s p99 %s %s", r.workload(),
                num(r.flowdesk()), r.unit(), r.baselineName(), num(r.baseline()), num(r.ratio()), ms(r.p50()),
                ms(r.p95()), ms(r.p99()), r.note() == null ? "" : "· " + r.note());
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }

    static String ms(Double value) {
        return value == null ? "—" : String.format("%.1fms", value);
    }

    void print() {
        System.out.println();
        System.out.println("FlowDesk benchmark " + facts);
        System.out.println("-".repeat(160));
        rows.forEach(r -> System.out.println(format(r)));
        System.out.println("-".repeat(160));
    }

    Path write(Path dir, String commit) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("results-" + commit + ".json");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("facts", facts);
        doc.put("rows", rows);
        JSON.writeValue(file.toFile(), doc);
        return file;
    }

    /** Prints two result files side by side: figure, ratio to baseline, and the change between runs. */
    static void compare(Path a, Path b) throws Exception {
        JsonNode left = JSON.readTree(a.toFile());
        JsonNode right = JSON.readTree(b.toFile());
        Map<String, JsonNode> before = new LinkedHashMap<>();
        left.path("rows").forEach(r -> before.put(r.path("workload").asText(), r));
        System.out.printf("%-46s %14s %14s %9s   ratio %7s → %7s%n", "workload", a.getFileName(), b.getFileName(),
                "change", "before", "after");
        for (JsonNode r : right.path("rows")) {
            JsonNode old = before.get(r.path("workload").asText());
            double now = r.path("flowdesk").asDouble();
            double was = old == null ? Double.NaN : old.path("flowdesk").asDouble();
            double ratioNow = r.path("baseline").asDouble() == 0 ? Double.NaN
                    : now / r.path("baseline").asDouble();
            double ratioWas = old == null || old.path("baseline").asDouble() == 0 ? Double.NaN
                    : was / old.path("baseline").asDouble();
            System.out.printf("%-46s %14s %14s %8s%%   %7s → %7s%n", r.path("workload").asText(), num(was), num(now),
                    Double.isNaN(was) ? "—" : String.format("%+.1f", (now - was) / was * 100), num(ratioWas),
                    num(ratioNow));
        }
    }
}
