package io.flowdesk.forms;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a person reads when form data breaks a rule of the form profile: one catalogue key ({@code validation.*})
 * per rule, with the field named by its label in both languages ({@link Text#bilingual}). Built from the rule
 * (JSON Schema keyword), the field's schema and the keyword's value, never from the validator's own sentence; the
 * server (networknt) and the renderer's client-side hints use the same texts.
 */
public final class ValidationTexts {

    private static final Set<String> CHOICE_WIDGETS = Set.of("select", "radio", "multiselect", "checkbox", "user",
            "department");

    private ValidationTexts() {
    }

    /** A field of a form located by a data pointer: its label, schema and x-ui entry (missing nodes if unknown). */
    public record Field(Text label, JsonNode schema, JsonNode ui) {

        public String widget() {
            return ui.path("widget").asText("");
        }

        public boolean isRows() {
            return "group".equals(widget());
        }
    }

    /**
     * The field at a data pointer such as {@code /orderNo} or {@code /items/0/name} (rows of a repeatable group are
     * named "name (items, row 1)"); the form itself for the empty pointer.
     */
    public static Field field(JsonNode formSchema, String pointer) {
        List<String> segments = new ArrayList<>();
        if (pointer != null && !pointer.isEmpty()) {
            for (String s : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
                segments.add(s.replace("~1", "/").replace("~0", "~"));
            }
        }
        JsonNode schema = formSchema;
        JsonNode uiFields = formSchema.path("x-ui").path("fields");
        JsonNode ui = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        Text label = formLabel(formSchema);
        Text rowOf = null;
        int row = 0;
        for (String segment : segments) {
            if (segment.matches("\\d+") && (schema.has("items") || "array".equals(schema.path("type").asText()))) {
                schema = schema.path("items");
                rowOf = label;
                row = Integer.parseInt(segment) + 1;
                uiFields = ui.path("fields");
                continue;
            }
            schema = schema.path("properties").path(segment);
            ui = uiFields.path(segment);
            Text own = labelOf(ui.path("label"), segment);
            label = rowOf == null ? own : Text.of("validation.label.row", own, rowOf, row);
            rowOf = null;
        }
        return new Field(label, schema, ui);
    }

    /** The text for a broken rule at a field; {@code limit} is the keyword's value in the schema. */
    public static Text forRule(Field field, String rule, JsonNode limit) {
        Text label = field.label();
        return switch (rule) {
            case "required" -> required(field);
            case "type" -> type(label, expectedType(field, limit));
            case "pattern" -> pattern(field);
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" ->
                    Text.of("validation." + rule, label, number(limit));
            case "minLength" -> limit != null && limit.asInt() <= 1 ? required(field)
                    : Text.of("validation.minLength", label, number(limit));
            case "maxLength" -> Text.of("validation.maxLength", label, number(limit));
            case "minItems" -> limit != null && limit.asInt() <= 1 && !field.isRows() ? required(field)
                    : Text.of(field.isRows() ? "validation.minItems.rows" : "validation.minItems", label, number(limit));
            case "maxItems" -> Text.of(field.isRows() ? "validation.maxItems.rows" : "validation.maxItems", label,
                    number(limit));
            case "uniqueItems" -> Text.of("validation.uniqueItems", label);
            case "enum" -> Text.of("validation.enum", label);
            case "const" -> Text.of("validation.const", label, optionLabel(field, limit));
            case "format" -> format(label, limit == null ? "" : limit.asText());
            case "readOnly" -> Text.of("validation.readOnly", label);
            default -> Text.of("validation.invalid", label);
        };
    }

    /** A field named in the data that the form does not have (the key is the sender's own word). */
    public static Text unknownField(String key) {
        return Text.of("validation.additionalProperties", Text.literal(key));
    }

    public static Text required(Field field) {
        String widget = field.widget();
        if ("attachment".equals(widget)) {
            return Text.of("validation.required.upload", field.label());
        }
        if (CHOICE_WIDGETS.contains(widget) || field.schema().has("enum") || field.schema().path("items").has("enum")) {
            return Text.of("validation.required.choose", field.label());
        }
        return Text.of("validation.required", field.label());
    }

    /** The type message for a field that expects {@code type} (string, number, integer, boolean, array, object). */
    public static Text type(Text label, String type) {
        return switch (type) {
            case "number", "integer", "string", "boolean", "array", "object", "null" ->
                    Text.of("validation.type." + type, label);
            default -> Text.of("validation.invalid", label);
        };
    }

    /** The field's own pattern message (x-ui {@code patternMessage}) if it has one, else a phone or generic text. */
    public static Text pattern(Field field) {
        JsonNode own = field.ui().path("patternMessage");
        if (own.path("zh-CN").isTextual() || own.path("en").isTextual()) {
            return Text.bilingual(own.path("zh-CN").asText(""), own.path("en").asText(""));
        }
        if ("phone".equals(field.widget())) {
            return Text.of("validation.phone", field.label());
        }
        return Text.of("validation.pattern", field.label());
    }

    public static Text format(Text label, String format) {
        return switch (format) {
            case "email", "date", "date-time", "time", "uri" -> Text.of("validation.format." + format, label);
            default -> Text.of("validation.format", label);
        };
    }

    private static String expectedType(Field field, JsonNode typeNode) {
        JsonNode type = typeNode != null && !typeNode.isMissingNode() ? typeNode : field.schema().path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        return type.asText("");
    }

    private static Object optionLabel(Field field, JsonNode value) {
        if (value == null) {
            return "";
        }
        JsonNode option = field.ui().path("options").path(value.asText());
        return option.isObject() ? labelOf(option, value.asText()) : Text.literal(value.asText());
    }

    /** A number as written in the schema: 100000, 0.01 (never 1E+5 or 100,000). */
    private static Object number(JsonNode limit) {
        if (limit == null || !limit.isNumber()) {
            return limit == null ? "" : limit.asText();
        }
        BigDecimal value = limit.decimalValue();
        return value;
    }

    public static Text labelOf(JsonNode label, String fallback) {
        String zh = label.path("zh-CN").asText("");
        String en = label.path("en").asText("");
        if (zh.isBlank() && en.isBlank()) {
            return label.isTextual() ? Text.literal(label.asText()) : Text.literal(fallback);
        }
        return Text.bilingual(zh, en);
    }

    private static Text formLabel(JsonNode schema) {
        JsonNode title = schema.path("x-ui").path("title");
        if (title.path("zh-CN").isTextual() || title.path("en").isTextual()) {
            return Text.of("validation.label.form", labelOf(title, ""));
        }
        return Text.of("validation.label.theForm");
    }
}
