package io.flowdesk.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form designer's model: an ordered list of items (fields and section headings) that converts to and from
 * JSON Schema 2020-12 + {@code x-ui}. What the model cannot represent is reported by {@link #fromSchema}, never
 * dropped silently.
 */
public final class FormModel {

    /** A palette entry: widget id and the JSON Schema type it produces. */
    public static final List<String> WIDGETS = List.of("text", "textarea", "number", "money", "date", "datetime",
            "select", "multiselect", "radio", "checkbox", "email", "phone", "attachment", "user", "department",
            "section", "group");
    static final String PHONE_PATTERN = "^\\+?[0-9][0-9 -]{4,19}$";

    /** One option of a choice field. */
    public record Option(String value, String zh, String en) {
    }

    /** A field, or a section heading when {@code widget} is "section". Mutable: the designer edits it in place. */
    public static final class Item {
        public String key;
        public String widget;
        public String labelZh = "";
        public String labelEn = "";
        public String helpZh = "";
        public String helpEn = "";
        public boolean required;
        public boolean readOnly;
        public boolean sensitive;
        public Double min;
        public Double max;
        public Integer minLength;
        public Integer maxLength;
        public String pattern;
        /** The field's own words for a value that does not match its pattern (x-ui patternMessage). */
        public String patternMessageZh = "";
        public String patternMessageEn = "";
        public String defaultValue;
        public List<Option> options = new ArrayList<>();
        /** Show only when another field has a value: field key, "eq" or "ne", value as text. */
        public String visibleField;
        public String visibleOp = "eq";
        public String visibleValue;
        public List<Item> children = new ArrayList<>();

        public Item(String key, String widget) {
            this.key = key;
            this.widget = widget;
        }

        public boolean isSection() {
            return "section".equals(widget);
        }

        public Item copy(String newKey) {
            JsonNode tree = Json.MAPPER.valueToTree(this);
            Item copy = Json.MAPPER.convertValue(tree, Item.class);
            copy.key = newKey;
            return copy;
        }

        @SuppressWarnings("unused")
        private Item() {
        }
    }

    public String titleZh = "";
    public String titleEn = "";
    public final List<Item> items = new ArrayList<>();

    public static ObjectNode empty(String titleZh, String titleEn) {
        FormModel model = new FormModel();
        model.titleZh = titleZh == null ? "" : titleZh;
        model.titleEn = titleEn == null ? "" : titleEn;
        return model.toSchema();
    }

    /** A fresh item of a widget with a key not used yet and default labels. */
    public Item newItem(String widget) {
        Set<String> keys = keys();
        String base = widget.equals("section") ? "section" : widget;
        int n = 1;
        while (keys.contains(base + n)) {
            n++;
        }
        Item item = new Item(base + n, widget);
        int number = items.size() + 1;
        item.labelZh = widget.equals("section") ? "分节 " + number : "新字段 " + number;
        item.labelEn = widget.equals("section") ? "Section " + number : "New field " + number;
        if (List.of("select", "multiselect", "radio").contains(widget)) {
            item.options.add(new Option("option1", "选项 1", "Option 1"));
            item.options.add(new Option("option2", "选项 2", "Option 2"));
        }
        if (widget.equals("group")) {
            Item child = new Item("item", "text");
            child.labelZh = "内容";
            child.labelEn = "Item";
            item.children.add(child);
        }
        return item;
    }

    public Set<String> keys() {
        Set<String> keys = new HashSet<>();
        items.forEach(i -> keys.add(i.key));
        return keys;
    }

    /** Problems the designer shows before publishing (the form profile checks the emitted schema as well). */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.key == null || !item.key.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                problems.add(FieldError.of(item.key, Text.of("form.problem.key", Text.literal(item.key)), "key"));
            } else if (!seen.add(item.key)) {
                problems.add(FieldError.of(item.key, Text.of("form.problem.keyTwice", Text.literal(item.key)),
                        "key-unique"));
            }
            if (item.isSection() && (i == items.size() - 1 || items.get(i + 1).isSection())) {
                problems.add(FieldError.of(item.key, Text.of("form.problem.sectionEmpty", Text.bilingual(item.labelZh,
                        item.labelEn)), "section-empty"));
            }
            if (item.pattern != null && !item.pattern.isBlank()) {
                Text vetted = FormProfile.patternProblem(item.pattern);
                if (vetted != null) {
                    problems.add(FieldError.of(item.key, vetted, "pattern"));
                }
            }
            if (item.visibleField != null && item.required) {
                problems.add(FieldError.of(item.key, Text.of("form.problem.visibleRequired"), "visible-when"));
            }
            if (item.visibleField != null && items.stream().noneMatch(o -> o.key.equals(item.visibleField))) {
                problems.add(FieldError.of(item.key, Text.of("form.problem.visibleUnknown",
                        Text.literal(item.visibleField)), "visible-when"));
            }
            if (item.min != null && item.max != null && item.min > item.max) {
                problems.add(FieldError.of(item.key, Text.of("form.problem.range"), "range"));
            }
        }
        return problems;
    }

    public ObjectNode toSchema() {
        ObjectNode schema = Json.MAPPER.createObjectNode();
        schema.put("$schema", FormProfile.DIALECT);
        schema.put("title", titleZh);
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.MAPPER.createArrayNode();
        ObjectNode ui = Json.MAPPER.createObjectNode();
        ui.putObject("title").put("zh-CN", titleZh).put("en", titleEn);
        ArrayNode order = ui.putArray("order");
        ArrayNode sections = Json.MAPPER.createArrayNode();
        ObjectNode uiFields = Json.MAPPER.createObjectNode();
        ArrayNode currentSection = null;
        for (Item item : items) {
            if (item.isSection()) {
                ObjectNode section = sections.addObject();
                section.putObject("title").put("zh-CN", item.labelZh).put("en", item.labelEn);
                currentSection = section.putArray("fields");
                continue;
            }
            properties.set(item.key, FormSchemaWriter.property(item));
            uiFields.set(item.key, FormSchemaWriter.uiOf(item));
            order.add(item.key);
            if (item.required) {
                required.add(item.key);
            }
            if (currentSection != null) {
                currentSection.add(item.key);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        List<JsonNode> kept = new ArrayList<>();
        sections.forEach(s -> {
            if (!s.path("fields").isEmpty()) {
                kept.add(s);
            }
        });
        if (!kept.isEmpty()) {
            ui.putArray("sections").addAll(kept);
        }
        ui.set("fields", uiFields);
        schema.set("x-ui", ui);
        return schema;
    }

    /** Result of reading a schema: the model and what of the schema it could not represent. */
    public record Read(FormModel model, List<FieldError> problems) {
    }

    /** Reads a schema; the form profile's verdict and anything the designer cannot show come back as problems. */
    public static Read fromSchema(JsonNode schema) {
        List<FieldError> problems = new ArrayList<>(FormProfile.check(schema, Json.write(schema).length()));
        FormModel model = new FormModel();
        JsonNode ui = schema.path("x-ui");
        model.titleZh = ui.path("title").path("zh-CN").asText(schema.path("title").asText(""));
        model.titleEn = ui.path("title").path("en").asText(schema.path("title").asText(""));
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> order = new ArrayList<>();
        ui.path("order").forEach(k -> order.add(k.asText()));
        schema.path("properties").fieldNames().forEachRemaining(k -> {
            if (!order.contains(k)) {
                order.add(k);
            }
        });
        Map<String, JsonNode> sectionStarts = new LinkedHashMap<>();
        for (JsonNode section : ui.path("sections")) {
            if (!section.path("fields").isEmpty()) {
                sectionStarts.put(section.path("fields").get(0).asText(), section.path("title"));
            }
        }
        int sectionCount = 0;
        for (String key : order) {
            JsonNode property = schema.path("properties").get(key);
            if (property == null) {
                continue;
            }
            if (sectionStarts.containsKey(key)) {
                Item heading = new Item("section" + ++sectionCount, "section");
                heading.labelZh = sectionStarts.get(key).path("zh-CN").asText("");
                heading.labelEn = sectionStarts.get(key).path("en").asText("");
                model.items.add(heading);
            }
            model.items.add(item(key, property, ui.path("fields").path(key), required.contains(key), problems));
        }
        return new Read(model, problems);
    }

    private static Item item(String key, JsonNode p, JsonNode ui, boolean required, List<FieldError> problems) {
        String widget = ui.path("widget").asText("");
        if (!WIDGETS.contains(widget)) {
            widget = switch (p.path("type").asText("string")) {
                case "number", "integer" -> "number";
                case "boolean" -> "checkbox";
                case "array" -> "multiselect";
                default -> p.has("enum") ? "select" : "text";
            };
        }
        Item item = new Item(key, widget);
        item.required = required;
        item.labelZh = ui.path("label").path("zh-CN").asText("");
        item.labelEn = ui.path("label").path("en").asText("");
        item.helpZh = ui.path("help").path("zh-CN").asText("");
        item.helpEn = ui.path("help").path("en").asText("");
        item.readOnly = p.path("readOnly").asBoolean(false) || ui.path("readOnly").asBoolean(false);
        item.sensitive = ui.path("sensitive").asBoolean(false);
        item.min = p.has("minimum") ? p.get("minimum").asDouble() : null;
        Double max = null;
        if (p.has("maximum")) {
            max = p.get("maximum").asDouble();
        } else if (p.has("maxItems")) {
            max = p.get("maxItems").asDouble();
        }
        item.max = max;
        item.minLength = p.has("minLength") ? p.get("minLength").asInt() : null;
        item.maxLength = p.has("maxLength") ? p.get("maxLength").asInt() : null;
        item.pattern = p.has("pattern") && !widget.equals("phone") ? p.get("pattern").asText() : null;
        item.patternMessageZh = ui.path("patternMessage").path("zh-CN").asText("");
        item.patternMessageEn = ui.path("patternMessage").path("en").asText("");
        item.defaultValue = p.has("default") ? p.get("default").asText() : null;
        JsonNode values = p.has("enum") ? p.get("enum") : p.path("items").path("enum");
        values.forEach(v -> item.options.add(new Option(v.asText(),
                ui.path("options").path(v.asText()).path("zh-CN").asText(v.asText()),
                ui.path("options").path(v.asText()).path("en").asText(v.asText()))));
        JsonNode visible = ui.path("visibleWhen");
        if (visible.isObject()) {
            item.visibleField = visible.path("field").asText(null);
            item.visibleOp = visible.path("op").asText("eq");
            item.visibleValue = visible.path("value").asText("");
        }
        if (widget.equals("group")) {
            Set<String> childRequired = new HashSet<>();
            p.path("items").path("required").forEach(r -> childRequired.add(r.asText()));
            p.path("items").path("properties").fields().forEachRemaining(c -> item.children.add(item(c.getKey(),
                    c.getValue(), ui.path("fields").path(c.getKey()), childRequired.contains(c.getKey()), problems)));
        }
        if ("integer".equals(p.path("type").asText())) {
            problems.add(FieldError.of("/properties/" + key, Text.of("form.problem.integer"), "designer"));
        }
        for (String keyword : List.of("exclusiveMinimum", "exclusiveMaximum", "multipleOf", "const")) {
            if (p.has(keyword)) {
                problems.add(FieldError.of("/properties/" + key + "/" + keyword, Text.of("form.problem.dropped",
                        Text.literal(keyword)), "designer"));
            }
        }
        return item;
    }
}
