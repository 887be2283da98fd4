package io.flowdesk.automation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** What conditions and placeholders read of one ticket at one moment; pure data. */
public record Snapshot(long id, String number, String type, String priority, String status, String channel,
        List<String> departments, List<String> assignees, List<String> tags, String tier, String title,
        String customerName, JsonNode data, Instant firstResponse) {

    /** The description is the form's {@code description} field, else its {@code summary}. */
    public String description() {
        JsonNode d = data.path("description");
        if (!d.isTextual()) {
            d = data.path("summary");
        }
        return d.isTextual() ? d.asText() : "";
    }
}
