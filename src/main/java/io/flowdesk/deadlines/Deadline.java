package io.flowdesk.deadlines;

import java.time.Instant;

/** A due deadline as its owner's {@link DeadlineHandler} receives it. */
public record Deadline(long id, String key, String owner, long ticketId, Instant dueAt, String payloadJson) {
}
