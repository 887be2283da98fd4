package io.flowdesk.templates.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.internal.ConditionSyntax.Comparison;
import io.flowdesk.templates.internal.ConditionSyntax.Kind;
import io.flowdesk.templates.internal.ConditionSyntax.Literal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.UserTask;

/**
 * Gateway conditions against the forms: a condition may only use fields filled in before its gateway
 * ({@code field-not-upstream}), literals must fit the field's type ({@code condition-type}), and a gateway
 * without a default flow must provably cover every value of one yes/no or choice field.
 */
final class ConditionRules {

    /**
     * A field as one form (or FlowDesk itself) defines it.
     *
     * @param form the form key, or {@code FlowDesk} for built-ins
     * @param schema the property's JSON Schema
     * @param required whether the form requires it
     * @param label the field's label in both languages, or null when the form gives none
     */
    record FieldDef(String form, JsonNode schema, boolean required, Text label) {
    }

    static final Map<String, FieldDef> BUILT_INS = Map.of(
            "ticketPriority", builtIn("{\"type\":\"string\",\"enum\":[\"P1\",\"P2\",\"P3\",\"P4\"]}"),
            "ticketType", builtIn("{\"type\":\"string\"}"),
            "ticketNumber", builtIn("{\"type\":\"string\"}"),
            "ticketId", builtIn("{\"type\":\"integer\"}"));
    private static final Pattern IDENTIFIER = Pattern.compile(
            "'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|(\\.)?\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private ConditionRules() {
    }

    private static FieldDef builtIn(String schema) {
        return new FieldDef("FlowDesk", Json.parse(schema), true, null);
    }

    /** The top-level fields of the given forms, by name, each with its definitions in form order. */
    static Map<String, List<FieldDef>> fields(Map<String, JsonNode> forms, Collection<String> formKeys) {
        Map<String, List<FieldDef>> fields = new LinkedHashMap<>();
        for (String key : formKeys) {
            JsonNode form = forms.get(key);
            if (form == null) {
                continue;
            }
            Set<String> required = new HashSet<>();
            form.path("required").forEach(name -> required.add(name.asText()));
            JsonNode ui = form.path("x-ui").path("fields");
            form.path("properties").fields().forEachRemaining(p -> fields.computeIfAbsent(p.getKey(),
                    k -> new ArrayList<>()).add(new FieldDef(key, p.getValue(), required.contains(p.getKey()),
                            label(ui.path(p.getKey()).path("label")))));
        }
        return fields;
    }

    private static Text label(JsonNode label) {
        String zh = label.path("zh-CN").asText("");
        String en = label.path("en").asText("");
        if (label.isTextual()) {
            zh = label.asText();
            en = zh;
        }
        return zh.isBlank() && en.isBlank() ? null : Text.bilingual(zh, en);
    }

    /** A field as messages name it: {@code 'label (key)'} where a form labels it, else {@code 'key'}. */
    static Text fieldLabel(String name, Map<String, List<FieldDef>> defs) {
        List<FieldDef> found = defs.getOrDefault(name, List.of());
        Text label = found.stream().map(FieldDef::label).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return label == null ? Text.of("lint.field.key", name) : Text.of("lint.field.labelled", label, name);
    }

    /** The start form, then the forms of the user tasks from which the gateway can be reached. */
    static List<String> formsBefore(Process process, FlowGraph graph, String gatewayId, String startForm) {
        Set<String> forms = new LinkedHashSet<>();
        if (startForm != null && !startForm.isBlank()) {
            forms.add(startForm);
        }
        for (String id : graph.backward(Set.of(gatewayId))) {
            if (process.getFlowElement(id) instanceof UserTask task && task.getFormKey() != null) {
                forms.add(task.getFormKey());
            }
        }
        return new ArrayList<>(forms);
    }

    /**
     * unknown-field, field-not-upstream and condition-type for one flow leaving the gateway; then, when none of
     * those (nor the scan's unsafe-expression) found anything, condition-grammar: the condition must be one the
     * sandbox evaluates without an error ({@link ConditionGrammar}).
     */
    static void checkCondition(ExclusiveGateway gateway, SequenceFlow flow, Map<String, List<FieldDef>> all,
            Map<String, List<FieldDef>> before, List<FieldError> errors) {
        String condition = flow.getConditionExpression();
        if (condition == null) {
            return;
        }
        Text subject = Labels.inSentence(flow);
        Set<String> reported = new HashSet<>();
        Matcher matcher = IDENTIFIER.matcher(condition.replace("${", " ").replace("}", " "));
        while (matcher.find()) {
            String name = matcher.group(2);
            if (name == null || matcher.group(1) != null || PublishGate.BUILT_IN_VARIABLES.contains(name)) {
                continue;
            }
            if (!all.containsKey(name)) {
                errors.add(new FieldError(flow.getId(), Text.of("lint.condition.unknownField", subject, name),
                        "unknown-field"));
            } else if (!before.containsKey(name) && reported.add(name)) {
                errors.add(new FieldError(flow.getId(), Text.of("lint.condition.notUpstream", subject,
                        fieldLabel(name, all), forms(all.get(name)), Labels.inSentence(gateway)), "field-not-upstream"));
            }
        }
        for (Comparison comparison : ConditionSyntax.comparisons(condition)) {
            FieldDef def = definition(comparison.field(), before, all);
            Text problem = def == null ? null : typeProblem(comparison, def.schema(),
                    fieldLabel(comparison.field(), before.containsKey(comparison.field()) ? before : all));
            if (problem != null) {
                errors.add(new FieldError(flow.getId(), Text.of("lint.condition.type", subject, problem),
                        "condition-type"));
            }
        }
        if (errors.stream().noneMatch(e -> flow.getId().equals(e.pointer()))) {
            Text grammar = ConditionGrammar.problem(condition, grammarNames(before), subject);
            if (grammar != null) {
                errors.add(new FieldError(flow.getId(), grammar, "condition-grammar"));
            }
        }
    }

    /** The names a condition after a gateway may use: the fields filled before it, then FlowDesk's own values. */
    static Map<String, ConditionGrammar.Name> grammarNames(Map<String, List<FieldDef>> before) {
        Map<String, ConditionGrammar.Name> names = new LinkedHashMap<>();
        before.forEach((name, defs) -> names.put(name, new ConditionGrammar.Name(grammarType(defs), true,
                fieldLabel(name, before))));
        BUILT_INS.forEach((name, def) -> names.put(name, new ConditionGrammar.Name(grammarType(List.of(def)), false,
                fieldLabel(name, Map.of()))));
        return names;
    }

    /** The run-time type of a field's values; fields of one name in several forms must agree, else any. */
    static ConditionGrammar.Type grammarType(List<FieldDef> defs) {
        Set<ConditionGrammar.Type> types = new HashSet<>();
        for (FieldDef def : defs) {
            String type = type(def.schema());
            types.add(type == null ? ConditionGrammar.Type.ANY : switch (type) {
                case "boolean" -> ConditionGrammar.Type.BOOLEAN;
                case "number", "integer" -> ConditionGrammar.Type.NUMBER;
                case "string" -> ConditionGrammar.Type.STRING;
                case "array", "object" -> ConditionGrammar.Type.LIST;
                default -> ConditionGrammar.Type.ANY;
            });
        }
        return types.size() == 1 ? types.iterator().next() : ConditionGrammar.Type.ANY;
    }

    /**
     * Null when the gateway's conditions provably cover every case (each flow is {@code field == literal} on the
     * same required yes/no or choice field, and every value is covered); else the field the flows test, or an
     * empty string when they do not test one field.
     */
    static String uncovered(List<SequenceFlow> outgoing, Map<String, List<FieldDef>> before) {
        String field = null;
        Set<String> values = new HashSet<>();
        for (SequenceFlow flow : outgoing) {
            Comparison comparison = ConditionSyntax.single(flow.getConditionExpression());
            if (comparison == null || !comparison.op().equals("==")
                    || field != null && !field.equals(comparison.field())) {
                return "";
            }
            field = comparison.field();
            values.add(normal(comparison.literal()));
        }
        List<FieldDef> defs = field == null ? null : BUILT_INS.containsKey(field) ? List.of(BUILT_INS.get(field))
                : before.get(field);
        if (defs == null || defs.isEmpty()) {
            return field == null ? "" : field;
        }
        JsonNode schema = defs.get(0).schema();
        boolean required = defs.stream().allMatch(FieldDef::required);
        Set<String> cases = new HashSet<>();
        if ("boolean".equals(type(schema))) {
            cases.addAll(Set.of("true", "false"));
        } else if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            schema.path("enum").forEach(v -> cases.add(v.isNumber() ? number(v.asText()) : v.asText()));
        } else {
            return field;
        }
        return required && values.containsAll(cases) ? null : field;
    }

    private static FieldDef definition(String field, Map<String, List<FieldDef>> before,
            Map<String, List<FieldDef>> all) {
        if (BUILT_INS.containsKey(field)) {
            return BUILT_INS.get(field);
        }
        List<FieldDef> defs = before.containsKey(field) ? before.get(field) : all.get(field);
        return defs == null || defs.isEmpty() ? null : defs.get(0);
    }

    /** What is wrong with comparing the field with the literal, as the end of a sentence; null when it fits. */
    static Text typeProblem(Comparison comparison, JsonNode schema, Text label) {
        String field = comparison.field();
        String op = comparison.op();
        Literal literal = comparison.literal();
        String type = type(schema);
        if (type == null) {
            return null;
        }
        if (literal.kind() == Kind.NULL) {
            return comparison.equality() ? null : Text.of("lint.condition.null", label, op);
        }
        switch (type) {
            case "number", "integer" -> {
                if (literal.kind() != Kind.NUMBER) {
                    return Text.of("lint.condition.number", label, literal.text(), field);
                }
            }
            case "boolean" -> {
                if (literal.kind() != Kind.BOOLEAN || !comparison.equality()) {
                    return Text.of("lint.condition.boolean", label, op + " " + literal.text(), "${" + field + " == true}",
                            "${!" + field + "}");
                }
            }
            case "string" -> {
                if (literal.kind() != Kind.STRING) {
                    return Text.of("lint.condition.text", label, literal.text(), field + " == '" + literal.value() + "'");
                }
                String format = schema.path("format").asText("");
                if (!comparison.equality() && !format.equals("date") && !format.equals("date-time")) {
                    return Text.of("lint.condition.textOrder", label, op);
                }
            }
            case "array", "object" -> {
                return Text.of(type.equals("array") ? "lint.condition.list" : "lint.condition.group", label,
                        literal.text());
            }
            default -> {
                return null;
            }
        }
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && !allowed.isEmpty()) {
            Set<String> values = new LinkedHashSet<>();
            allowed.forEach(v -> values.add(v.isNumber() ? number(v.asText()) : v.asText()));
            if (!values.contains(normal(literal))) {
                return Text.of("lint.condition.enum", label, literal.text(),
                        values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")));
            }
        }
        return null;
    }

    /** The field's JSON Schema type (the first non-null one of a list), or null when it has none. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode t : type) {
            if (!"null".equals(t.asText())) {
                return t.asText();
            }
        }
        return null;
    }

    private static String normal(Literal literal) {
        return literal.kind() == Kind.NUMBER ? number(literal.value()) : literal.value();
    }

    private static String number(String text) {
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String forms(List<FieldDef> defs) {
        return defs.stream().map(d -> "'" + d.form() + "'").distinct().collect(Collectors.joining(", "));
    }
}
