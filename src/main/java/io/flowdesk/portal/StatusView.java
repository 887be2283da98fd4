package io.flowdesk.portal;

import io.flowdesk.tickets.TimelineEntry;
import java.time.OffsetDateTime;
import java.util.List;

/** What a status lookup shows without an account: the public side of a ticket only. */
public record StatusView(String number, String title, String status, String currentStep, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, List<TimelineEntry> timeline) {
}
