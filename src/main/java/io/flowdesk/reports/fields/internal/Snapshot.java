package io.flowdesk.reports.fields.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.reports.fields.FieldCatalogue;
import io.flowdesk.shared.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one ticket adds to {@code report_field_daily}: its dimensions, the group value of every groupable field and
 * the number of every summable field of the catalogue it was rolled up with. Its contribution is one row per (group
 * field or none) × (sum field or none), so the old and new snapshots give the delta (ADR 0035).
 */
public record Snapshot(String template, LocalDate day, String department, String channel, String priority,
        Map<String, String> groups, Map<String, BigDecimal> sums) {

    /** Longest group value kept (the column's size): longer texts are cut, the same way the recompute cuts them. */
    public static final int MAX_VALUE = 200;

    /** The key of one rollup row. */
    public record Key(String template, String groupField, String sumField, LocalDate day, String value,
            String department, String channel, String priority) {
    }

    public static Snapshot of(String template, LocalDate day, String department, String channel, String priority,
            JsonNode data, FieldCatalogue.Catalogue catalogue) {
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        if (catalogue != null) {
            for (FieldCatalogue.Field f : catalogue.groupable()) {
                groups.put(f.key(), value(data.get(f.key())));
            }
            for (FieldCatalogue.Field f : catalogue.summable()) {
                JsonNode v = data.get(f.key());
                sums.put(f.key(), v != null && v.isNumber() ? v.decimalValue() : null);
            }
        }
        return new Snapshot(template, day, department, channel, priority, groups, sums);
    }

    /** Text and yes/no values as text; anything else (absent, null, numbers, lists) is the empty value. */
    static String value(JsonNode v) {
        if (v == null || !(v.isTextual() || v.isBoolean())) {
            return "";
        }
        String text = v.asText();
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) : text;
    }

    /** Rows this ticket adds: count 1 and the sum field's number (0 when absent) per group × sum combination. */
    public Map<Key, BigDecimal> rows() {
        Map<Key, BigDecimal> out = new LinkedHashMap<>();
        List<String> groupFields = new ArrayList<>(groups.keySet());
        groupFields.add(0, "");
        List<String> sumFields = new ArrayList<>(sums.keySet());
        sumFields.add(0, "");
        for (String g : groupFields) {
            String value = g.isEmpty() ? "" : groups.get(g);
            for (String s : sumFields) {
                BigDecimal n = s.isEmpty() ? null : sums.get(s);
                out.put(new Key(template, g, s, day, value, department, channel, priority),
                        n == null ? BigDecimal.ZERO : n);
            }
        }
        return out;
    }

    /** Per key: [count delta, sum delta] from the old snapshot (or none) to the new (or none); zero deltas left out. */
    public static Map<Key, Object[]> delta(Snapshot before, Snapshot after) {
        Map<Key, Object[]> out = new LinkedHashMap<>();
        if (before != null) {
            before.rows().forEach((k, sum) -> out.put(k, new Object[] {-1L, sum.negate()}));
        }
        if (after != null) {
            after.rows().forEach((k, sum) -> out.merge(k, new Object[] {1L, sum},
                    (a, b) -> new Object[] {(long) a[0] + (long) b[0], ((BigDecimal) a[1]).add((BigDecimal) b[1])}));
        }
        out.values().removeIf(v -> (long) v[0] == 0 && ((BigDecimal) v[1]).signum() == 0);
        return out;
    }

    public String groupsJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        groups.forEach(node::put);
        return node.toString();
    }

    public String sumsJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        sums.forEach((k, v) -> {
            if (v == null) {
                node.putNull(k);
            } else {
                node.put(k, v);
            }
        });
        return node.toString();
    }

    public static Snapshot read(String template, LocalDate day, String department, String channel, String priority,
            String groupsJson, String sumsJson) {
        Map<String, String> groups = new LinkedHashMap<>();
        Json.parse(groupsJson).fields().forEachRemaining(e -> groups.put(e.getKey(), e.getValue().asText()));
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Json.parse(sumsJson).fields().forEachRemaining(e -> sums.put(e.getKey(),
                e.getValue().isNumber() ? e.getValue().decimalValue() : null));
        return new Snapshot(template, day, department, channel, priority, groups, sums);
    }

    public boolean sameAs(Snapshot other) {
        return other != null && Objects.equals(rows(), other.rows());
    }
}
