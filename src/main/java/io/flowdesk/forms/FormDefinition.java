package io.flowdesk.forms;

import com.fasterxml.jackson.databind.JsonNode;

/** One version of a form: its key, version, status and JSON Schema (with x-ui). */
public record FormDefinition(String key, int version, String status, JsonNode schema) {

    /** Field keys flagged {@code x-ui.fields.<key>.sensitive: true} (personal data). */
    public java.util.Set<String> sensitiveFields() {
        java.util.Set<String> fields = new java.util.TreeSet<>();
        schema.path("x-ui").path("fields").fields().forEachRemaining(e -> {
            if (e.getValue().path("sensitive").asBoolean(false)) {
                fields.add(e.getKey());
            }
        });
        return fields;
    }
}
