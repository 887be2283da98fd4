package io.flowdesk.forms;

import com.fasterxml.jackson.databind.JsonNode;

/** One version of a form: its key, version, status and JSON Schema (with x-ui). */
public record FormDefinition(String key, int version, String status, JsonNode schema) {
}
