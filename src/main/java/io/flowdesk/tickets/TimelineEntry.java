package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** One entry of a ticket's timeline. {@code kind}: CREATED, TASK_STARTED, TASK_CLAIMED, TASK_COMPLETED, ... */
public record TimelineEntry(long id, OffsetDateTime at, String kind, String actor, String taskId, String summary,
        JsonNode details, boolean internal) {
}
