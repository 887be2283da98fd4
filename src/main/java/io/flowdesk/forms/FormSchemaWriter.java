package io.flowdesk.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.forms.FormModel.Item;
import io.flowdesk.shared.Json;

/** Emits one designer item as a JSON Schema property and its {@code x-ui} entry (see docs/form-profile.md). */
final class FormSchemaWriter {

    private FormSchemaWriter() {
    }

    static ObjectNode property(Item item) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        switch (item.widget) {
            case "number", "money" -> {
                p.put("type", "number");
                if (item.min != null) {
                    p.put("minimum", item.min);
                }
                if (item.max != null) {
                    p.put("maximum", item.max);
                }
            }
            case "checkbox" -> p.put("type", "boolean");
            case "multiselect" -> {
                p.put("type", "array");
                ObjectNode items = p.putObject("items");
                items.put("type", "string");
                ArrayNode values = items.putArray("enum");
                item.options.forEach(o -> values.add(o.value()));
                p.put("uniqueItems", true);
                if (item.required) {
                    p.put("minItems", 1);
                }
            }
            case "group" -> {
                p.put("type", "array");
                ObjectNode rows = p.putObject("items");
                rows.put("type", "object");
                ObjectNode props = rows.putObject("properties");
                ArrayNode req = Json.MAPPER.createArrayNode();
                for (Item child : item.children) {
                    props.set(child.key, property(child));
                    if (child.required) {
                        req.add(child.key);
                    }
                }
                if (!req.isEmpty()) {
                    rows.set("required", req);
                }
                rows.put("additionalProperties", false);
                if (item.required) {
                    p.put("minItems", 1);
                }
                if (item.max != null) {
                    p.put("maxItems", item.max.intValue());
                }
            }
            default -> {
                p.put("type", "string");
                switch (item.widget) {
                    case "date" -> p.put("format", "date");
                    case "datetime" -> p.put("format", "date-time");
                    case "email" -> p.put("format", "email");
                    case "phone" -> p.put("pattern", item.pattern == null || item.pattern.isBlank() ? FormModel.PHONE_PATTERN
                            : item.pattern);
                    case "select", "radio" -> {
                        ArrayNode values = p.putArray("enum");
                        item.options.forEach(o -> values.add(o.value()));
                    }
                    default -> {
                    }
                }
                if (item.minLength != null) {
                    p.put("minLength", item.minLength);
                }
                if (item.maxLength != null) {
                    p.put("maxLength", item.maxLength);
                }
                if (item.pattern != null && !item.pattern.isBlank() && !item.widget.equals("phone")) {
                    p.put("pattern", item.pattern);
                }
            }
        }
        if (item.defaultValue != null && !item.defaultValue.isBlank()) {
            String type = p.path("type").asText();
            JsonNode value = switch (type) {
                case "number" -> item.defaultValue.matches("-?\\d+(\\.\\d+)?")
                        ? Json.MAPPER.getNodeFactory().numberNode(Double.parseDouble(item.defaultValue)) : null;
                case "boolean" -> Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(item.defaultValue));
                case "string" -> Json.MAPPER.getNodeFactory().textNode(item.defaultValue);
                default -> null;
            };
            if (value != null) {
                p.set("default", value);
            }
        }
        if (item.readOnly) {
            p.put("readOnly", true);
        }
        return p;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static ObjectNode uiOf(Item item) {
        ObjectNode ui = Json.MAPPER.createObjectNode();
        ui.put("widget", item.widget);
        ui.putObject("label").put("zh-CN", item.labelZh).put("en", item.labelEn);
        if (!item.helpZh.isBlank() || !item.helpEn.isBlank()) {
            ui.putObject("help").put("zh-CN", item.helpZh).put("en", item.helpEn);
        }
        boolean hasPattern = item.widget.equals("phone") || item.pattern != null && !item.pattern.isBlank();
        if (hasPattern && (!blank(item.patternMessageZh) || !blank(item.patternMessageEn))) {
            // the profile asks for both languages, as for labels: the designer lists a missing one
            ui.putObject("patternMessage").put("zh-CN", item.patternMessageZh).put("en", item.patternMessageEn);
        }
        if (!item.options.isEmpty() && !item.widget.equals("group")) {
            ObjectNode options = ui.putObject("options");
            item.options.forEach(o -> options.putObject(o.value()).put("zh-CN", o.zh()).put("en", o.en()));
        }
        if (item.sensitive) {
            ui.put("sensitive", true);
        }
        if (item.readOnly) {
            ui.put("readOnly", true);
        }
        if (item.visibleField != null && !item.visibleField.isBlank()) {
            ui.putObject("visibleWhen").put("field", item.visibleField).put("op", item.visibleOp)
                    .put("value", item.visibleValue == null ? "" : item.visibleValue);
        }
        if (item.widget.equals("group")) {
            ObjectNode children = ui.putObject("fields");
            item.children.forEach(c -> children.set(c.key, uiOf(c)));
        }
        return ui;
    }
}
