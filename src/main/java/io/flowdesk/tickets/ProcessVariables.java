package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Form data to process variables: every top-level field becomes a variable with a plain value. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static Map<String, Object> of(JsonNode data) {
        Map<String, Object> variables = new HashMap<>();
        if (data == null || !data.isObject()) {
            return variables;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            variables.put(field.getKey(), plain(field.getValue()));
        }
        return variables;
    }

    private static Object plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        // arrays and objects stay JSON (Flowable's json variable type); the sandbox can read into them
        return value.deepCopy();
    }
}
