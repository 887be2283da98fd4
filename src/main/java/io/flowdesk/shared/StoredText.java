package io.flowdesk.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Text} kept in a column as JSON ({@code {"key":..,"args":[..]}}), so stored sentences (timeline,
 * notifications) are put into each reader's language when read. Arguments may be strings, numbers, booleans,
 * nested texts and bilingual words ({@code {"zh":..,"en":..}}).
 */
public final class StoredText {

    private StoredText() {
    }

    public static String write(Text text) {
        return text == null ? null : node(text).toString();
    }

    /** The stored text, or null when there is none or it cannot be read. */
    public static Text read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return text(Json.MAPPER.readTree(json));
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static ObjectNode node(Text text) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("key", text.key());
        ArrayNode args = node.putArray("args");
        for (Object arg : text.args()) {
            if (arg instanceof Text nested) {
                args.add(node(nested));
            } else if (arg instanceof Text.Bilingual both) {
                args.addObject().put("zh", both.zh()).put("en", both.en());
            } else if (arg instanceof Integer || arg instanceof Long) {
                args.add(((Number) arg).longValue());
            } else if (arg instanceof Number number) {
                args.add(new java.math.BigDecimal(number.toString()));
            } else if (arg instanceof Boolean flag) {
                args.add(flag);
            } else {
                args.add(String.valueOf(arg));
            }
        }
        return node;
    }

    private static Text text(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode arg : node.path("args")) {
            if (arg.isObject() && arg.has("key")) {
                args.add(text(arg));
            } else if (arg.isObject()) {
                args.add(new Text.Bilingual(arg.path("zh").asText(null), arg.path("en").asText(null)));
            } else if (arg.isIntegralNumber()) {
                args.add(arg.longValue());
            } else if (arg.isNumber()) {
                args.add(arg.decimalValue());
            } else if (arg.isBoolean()) {
                args.add(arg.booleanValue());
            } else {
                args.add(arg.asText());
            }
        }
        return new Text(node.path("key").asText(""), args);
    }
}
