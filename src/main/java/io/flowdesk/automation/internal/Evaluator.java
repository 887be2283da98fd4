package io.flowdesk.automation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.automation.Rule;
import io.flowdesk.automation.Rule.Condition;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Conditions over a {@link Snapshot}: pure, so the trace, the dry run and the engine answer alike. */
public final class Evaluator {

    public static final Set<String> OPERATORS = Set.of("equals", "notEquals", "contains", "notContains", "gt", "lt",
            "in", "empty", "notEmpty");
    public static final List<String> FIELDS = List.of("type", "priority", "status", "channel", "department",
            "assignee", "tags", "tier", "title", "description", "text", "firstResponse");

    private Evaluator() {
    }

    /** The first condition that fails (of ALL; or the whole ANY group, as its first row), or null when all hold. */
    public static Condition failed(Rule.Conditions conditions, Snapshot ticket) {
        for (Condition c : conditions.all()) {
            if (!holds(c, ticket)) {
                return c;
            }
        }
        if (!conditions.any().isEmpty() && conditions.any().stream().noneMatch(c -> holds(c, ticket))) {
            return conditions.any().get(0);
        }
        return null;
    }

    public static boolean holds(Condition c, Snapshot ticket) {
        List<Object> values = values(c.field(), ticket);
        String op = c.op() == null ? "equals" : c.op();
        return switch (op) {
            case "empty" -> values.isEmpty();
            case "notEmpty" -> !values.isEmpty();
            case "equals" -> values.stream().anyMatch(v -> same(v, c.value()));
            case "notEquals" -> values.stream().noneMatch(v -> same(v, c.value()));
            case "contains" -> values.stream().anyMatch(v -> fold(text(v)).contains(fold(c.value())));
            case "notContains" -> values.stream().noneMatch(v -> fold(text(v)).contains(fold(c.value())));
            case "gt" -> values.stream().anyMatch(v -> compare(v, c.value()) > 0);
            case "lt" -> values.stream().anyMatch(v -> compare(v, c.value()) < 0);
            case "in" -> values.stream().anyMatch(v -> list(c.value()).stream().anyMatch(item -> same(v, item)));
            default -> false;
        };
    }

    /** Unicode-aware, case-insensitive form: NFKC (full-width to half-width, compatibility forms), then case folded. */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        // upper then lower folds more than lower alone (e.g. ß, final sigma); Chinese has no case and stays
        return Normalizer.normalize(n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC).strip();
    }

    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String part : value.split("[,，、]")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        }
        return items;
    }

    /** The values of a field (several for departments, assignees, tags, multi-selects); empty ones are left out. */
    static List<Object> values(String field, Snapshot t) {
        List<Object> out = new ArrayList<>();
        if (field == null) {
            return out;
        }
        switch (field) {
            case "type" -> add(out, t.type());
            case "priority" -> add(out, t.priority());
            case "status" -> add(out, t.status());
            case "channel" -> add(out, t.channel());
            case "department" -> t.departments().forEach(d -> add(out, d));
            case "assignee" -> t.assignees().forEach(a -> add(out, a));
            case "tags" -> t.tags().forEach(g -> add(out, g));
            case "tier" -> add(out, t.tier());
            case "title" -> add(out, t.title());
            case "description" -> add(out, t.description());
            case "text" -> add(out, (t.title() == null ? "" : t.title()) + "\n" + t.description());
            case "firstResponse" -> add(out, t.firstResponse() == null ? null : t.firstResponse().toString());
            default -> {
                if (field.startsWith("data.")) {
                    JsonNode node = t.data().path(field.substring(5));
                    if (node.isArray()) {
                        node.forEach(n -> add(out, scalar(n)));
                    } else {
                        add(out, scalar(node));
                    }
                }
            }
        }
        return out;
    }

    private static Object scalar(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        return n.isNumber() ? n.decimalValue() : n.isValueNode() ? n.asText() : n.toString();
    }

    private static void add(List<Object> out, Object v) {
        if (v != null && !(v instanceof String s && s.isBlank())) {
            out.add(v);
        }
    }

    private static String text(Object v) {
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    private static boolean same(Object v, String expected) {
        if (expected == null) {
            return false;
        }
        if (v instanceof BigDecimal d) {
            BigDecimal other = number(expected);
            return other != null && d.compareTo(other) == 0;
        }
        return fold(text(v)).equals(fold(expected));
    }

    /** Numbers compare as numbers; other values (dates, priorities P1..P4) as folded text. */
    private static int compare(Object v, String expected) {
        BigDecimal a = v instanceof BigDecimal d ? d : number(text(v));
        BigDecimal b = number(expected);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        if (a != null || b != null || expected == null) {
            return 0; // a number and a word are not ordered
        }
        return Integer.signum(fold(text(v)).compareTo(fold(expected)));
    }

    static BigDecimal number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(Normalizer.normalize(s, Normalizer.Form.NFKC).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
