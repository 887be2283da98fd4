package io.flowdesk.forms;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Text;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * FlowDesk's form profile: the subset of JSON Schema 2020-12 (plus {@code x-ui}) that a form may use.
 * A schema outside it is rejected with one error per offending keyword, naming the keyword and its path.
 * Written down for humans in docs/form-profile.md; keep the two in step.
 */
public final class FormProfile {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_DEPTH = 6;
    public static final int MAX_PROPERTIES = 300;
    public static final int MAX_PATTERN_LENGTH = 200;

    static final Set<String> KEYWORDS = Set.of("$schema", "title", "description", "type", "properties", "required",
            "additionalProperties", "items", "enum", "const", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format", "minItems", "maxItems",
            "uniqueItems", "default", "readOnly", "x-ui");
    static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object", "null");
    static final Set<String> FORMATS = Set.of("email", "date", "date-time", "time", "uri");
    public static final Set<String> WIDGETS = Set.of("text", "textarea", "number", "money", "date", "datetime",
            "select", "multiselect", "radio", "checkbox", "email", "phone", "attachment", "user", "department",
            "section", "group");
    static final Set<String> UI_ROOT_KEYS = Set.of("title", "description", "order", "sections", "fields");
    static final Set<String> UI_FIELD_KEYS = Set.of("widget", "label", "help", "placeholder", "options", "sensitive",
            "readOnly", "visibleWhen", "rows", "fields", "patternMessage");
    public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");

    private FormProfile() {
    }

    /** Returns every violation; empty when the schema is inside the profile. */
    public static List<FieldError> check(JsonNode schema, int serializedBytes) {
        List<FieldError> errors = new ArrayList<>();
        if (serializedBytes > MAX_BYTES) {
            errors.add(new FieldError("", Text.of("formProfile.schemaTooLarge", String.valueOf(serializedBytes), String.valueOf(MAX_BYTES)), "size"));
            return errors;
        }
        if (schema == null || !schema.isObject()) {
            errors.add(new FieldError("", Text.of("formProfile.rootNotObject"), "type"));
            return errors;
        }
        JsonNode dialect = schema.get("$schema");
        if (dialect != null && !DIALECT.equals(dialect.asText())) {
            errors.add(new FieldError("/$schema", Text.of("formProfile.dialect", DIALECT), "$schema"));
        }
        if (!"object".equals(schema.path("type").asText())) {
            errors.add(new FieldError("/type", Text.of("formProfile.rootType"), "type"));
        }
        if (!schema.path("properties").isObject()) {
            errors.add(new FieldError("/properties", Text.of("formProfile.rootProperties"), "properties"));
        }
        int[] propertyCount = {0};
        checkNode(schema, "", 0, true, errors, propertyCount);
        if (propertyCount[0] > MAX_PROPERTIES) {
            errors.add(new FieldError("/properties", Text.of("formProfile.tooManyFields", String.valueOf(propertyCount[0]), String.valueOf(MAX_PROPERTIES)),
                    "size"));
        }
        checkUi(schema, errors);
        return errors;
    }

    private static void checkNode(JsonNode node, String path, int depth, boolean root, List<FieldError> errors,
            int[] propertyCount) {
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(path, Text.of("formProfile.tooDeep", String.valueOf(MAX_DEPTH)), "depth"));
            return;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(path, Text.of("formProfile.nodeNotObject"), "type"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            String at = path + "/" + escape(keyword);
            if (!KEYWORDS.contains(keyword)) {
                errors.add(new FieldError(at, Text.of(keyword.startsWith("$") ? "formProfile.unknownRefKeyword" : "formProfile.unknownKeyword", keyword),
                        keyword));
                continue;
            }
            switch (keyword) {
                case "$schema", "x-ui" -> {
                    if (!root) {
                        errors.add(new FieldError(at, Text.of("formProfile.rootOnly", keyword), keyword));
                    }
                }
                case "type" -> checkType(value, at, errors);
                case "format" -> {
                    if (!value.isTextual() || !FORMATS.contains(value.asText())) {
                        errors.add(new FieldError(at, Text.of("formProfile.format", String.join(", ", new java.util.TreeSet<>(FORMATS))), "format"));
                    }
                }
                case "pattern" -> {
                    Text problem = value.isTextual() ? patternProblem(value.asText()) : Text.of("form.pattern.notText");
                    if (problem != null) {
                        errors.add(FieldError.of(at, problem, "pattern"));
                    }
                }
                case "additionalProperties" -> {
                    if (!value.isBoolean() || value.booleanValue()) {
                        errors.add(new FieldError(at, Text.of("formProfile.additionalProperties"), keyword));
                    }
                }
                case "properties" -> {
                    if (!value.isObject()) {
                        errors.add(new FieldError(at, Text.of("formProfile.propertiesNotObject"), keyword));
                        break;
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> props = value.fields(); props.hasNext();) {
                        Map.Entry<String, JsonNode> property = props.next();
                        propertyCount[0]++;
                        if (!property.getKey().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                            errors.add(new FieldError(at + "/" + escape(property.getKey()),
                                    Text.of("formProfile.fieldKey"), "key"));
                        }
                        checkNode(property.getValue(), at + "/" + escape(property.getKey()), depth + 1, false, errors,
                                propertyCount);
                    }
                }
                case "items" -> checkNode(value, at, depth + 1, false, errors, propertyCount);
                case "required" -> {
                    if (!value.isArray()) {
                        errors.add(new FieldError(at, Text.of("formProfile.requiredNotArray"), keyword));
                    } else {
                        for (JsonNode name : value) {
                            if (!node.path("properties").has(name.asText())) {
                                errors.add(new FieldError(at, Text.of("formProfile.requiredUnknown", name.asText()), keyword));
                            }
                        }
                    }
                }
                case "enum" -> {
                    if (!value.isArray() || value.isEmpty()) {
                        errors.add(new FieldError(at, Text.of("formProfile.enumEmpty"), keyword));
                    }
                }
                case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" -> {
                    if (!value.isNumber()) {
                        errors.add(new FieldError(at, Text.of("formProfile.notNumber", keyword), keyword));
                    }
                }
                case "minLength", "maxLength", "minItems", "maxItems" -> {
                    if (!value.isIntegralNumber() || value.asLong() < 0) {
                        errors.add(new FieldError(at, Text.of("formProfile.notCount", keyword), keyword));
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void checkType(JsonNode value, String at, List<FieldError> errors) {
        if (value.isTextual()) {
            if (!TYPES.contains(value.asText())) {
                errors.add(new FieldError(at, Text.of("formProfile.unknownType", value.asText()), "type"));
            }
        } else if (value.isArray()) {
            for (JsonNode t : value) {
                if (!TYPES.contains(t.asText())) {
                    errors.add(new FieldError(at, Text.of("formProfile.unknownType", t.asText()), "type"));
                }
            }
        } else {
            errors.add(new FieldError(at, Text.of("formProfile.typeShape"), "type"));
        }
    }

    private static void checkUi(JsonNode schema, List<FieldError> errors) {
        JsonNode ui = schema.get("x-ui");
        JsonNode properties = schema.path("properties");
        if (ui == null) {
            errors.add(new FieldError("/x-ui", Text.of("formProfile.uiMissing"),
                    "x-ui"));
            return;
        }
        if (!ui.isObject()) {
            errors.add(new FieldError("/x-ui", Text.of("formProfile.uiNotObject"), "x-ui"));
            return;
        }
        ui.fieldNames().forEachRemaining(key -> {
            if (!UI_ROOT_KEYS.contains(key)) {
                errors.add(new FieldError("/x-ui/" + escape(key), Text.of("formProfile.uiUnknownKey", key), "x-ui"));
            }
        });
        if (ui.has("title")) {
            checkLabel(ui.get("title"), "/x-ui/title", errors);
        }
        JsonNode order = ui.path("order");
        if (ui.has("order")) {
            if (!order.isArray()) {
                errors.add(new FieldError("/x-ui/order", Text.of("formProfile.uiOrderNotArray"), "x-ui"));
            } else {
                for (int i = 0; i < order.size(); i++) {
                    if (!properties.has(order.get(i).asText())) {
                        errors.add(new FieldError("/x-ui/order/" + i, Text.of("formProfile.uiOrderUnknown", order.get(i).asText()), "x-ui"));
                    }
                }
            }
        }
        JsonNode sections = ui.path("sections");
        if (ui.has("sections")) {
            if (!sections.isArray()) {
                errors.add(new FieldError("/x-ui/sections", Text.of("formProfile.uiSectionsNotArray"), "x-ui"));
            } else {
                for (int i = 0; i < sections.size(); i++) {
                    JsonNode section = sections.get(i);
                    checkLabel(section.path("title"), "/x-ui/sections/" + i + "/title", errors);
                    for (JsonNode field : section.path("fields")) {
                        if (!properties.has(field.asText())) {
                            errors.add(new FieldError("/x-ui/sections/" + i + "/fields", Text.of("formProfile.uiSectionUnknown", field.asText()), "x-ui"));
                        }
                    }
                }
            }
        }
        JsonNode fields = ui.path("fields");
        properties.fieldNames().forEachRemaining(name -> {
            JsonNode field = fields.get(name);
            String at = "/x-ui/fields/" + escape(name);
            if (field == null || !field.isObject()) {
                errors.add(new FieldError(at, Text.of("formProfile.uiFieldMissing", name),
                        "x-ui"));
                return;
            }
            field.fieldNames().forEachRemaining(key -> {
                if (!UI_FIELD_KEYS.contains(key)) {
                    errors.add(new FieldError(at + "/" + escape(key), Text.of("formProfile.uiFieldUnknownKey", key), "x-ui"));
                }
            });
            String widget = field.path("widget").asText(null);
            if (widget == null || !WIDGETS.contains(widget)) {
                errors.add(new FieldError(at + "/widget", Text.of("formProfile.uiWidget", String.join(", ", new java.util.TreeSet<>(WIDGETS))), "x-ui"));
            }
            checkLabel(field.path("label"), at + "/label", errors);
            if (field.has("help")) {
                checkLabel(field.get("help"), at + "/help", errors);
            }
            if (field.has("patternMessage")) {
                checkLabel(field.get("patternMessage"), at + "/patternMessage", errors);
            }
        });
        fields.fieldNames().forEachRemaining(name -> {
            if (!properties.has(name)) {
                errors.add(new FieldError("/x-ui/fields/" + escape(name), Text.of("formProfile.uiFieldUnknown", name), "x-ui"));
            }
        });
    }

    private static void checkLabel(JsonNode label, String at, List<FieldError> errors) {
        for (String language : LANGUAGES) {
            if (!label.path(language).isTextual() || label.path(language).asText().isBlank()) {
                errors.add(new FieldError(at + "/" + language,
                        Text.of("formProfile.missingText", Text.of("lint.language." + language)), "x-ui"));
            }
        }
    }

    /**
     * Rejects regular expressions that can backtrack catastrophically or that the validator cannot run safely:
     * nested unbounded quantifiers such as {@code (a+)+}, back-references and look-around. Returns null when fine.
     */
    public static String vetPattern(String pattern) {
        Text problem = patternProblem(pattern);
        return problem == null ? null : problem.toString();
    }

    /** As {@link #vetPattern}, as a catalogue text for the designer. */
    public static Text patternProblem(String pattern) {
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            return Text.of("form.pattern.tooLong", MAX_PATTERN_LENGTH);
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return Text.of("form.pattern.invalid", Text.literal(e.getDescription()));
        }
        if (pattern.matches(".*\\\\[1-9k].*")) {
            return Text.of("form.pattern.backReference");
        }
        if (pattern.contains("(?=") || pattern.contains("(?!") || pattern.contains("(?<=") || pattern.contains("(?<!")) {
            return Text.of("form.pattern.lookAround");
        }
        // Walk groups: a group whose body has an unbounded quantifier must not itself be repeated.
        java.util.ArrayDeque<boolean[]> stack = new java.util.ArrayDeque<>();
        stack.push(new boolean[] {false});
        boolean escaped = false;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (c == '\\') {
                escaped = true;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '(' -> stack.push(new boolean[] {false});
                case ')' -> {
                    boolean innerUnbounded = stack.size() > 1 ? stack.pop()[0] : false;
                    boolean repeated = i + 1 < pattern.length() && isUnboundedQuantifierAt(pattern, i + 1);
                    if (innerUnbounded && repeated) {
                        return Text.of("form.pattern.nested");
                    }
                    if (innerUnbounded || repeated) {
                        stack.peek()[0] = true;
                    }
                }
                case '*', '+' -> stack.peek()[0] = true;
                case '{' -> {
                    if (isUnboundedQuantifierAt(pattern, i)) {
                        stack.peek()[0] = true;
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static boolean isUnboundedQuantifierAt(String pattern, int i) {
        char c = pattern.charAt(i);
        if (c == '*' || c == '+') {
            return true;
        }
        if (c == '{') {
            int close = pattern.indexOf('}', i);
            if (close < 0) {
                return false;
            }
            String body = pattern.substring(i + 1, close);
            if (body.endsWith(",")) {
                return true;
            }
            String[] parts = body.split(",");
            try {
                return parts.length == 2 && Integer.parseInt(parts[1].trim()) > 50;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
