package io.flowdesk.tickets;

import java.time.OffsetDateTime;

/** A user task of a ticket as shown in inboxes and on the ticket. */
public record TaskView(String id, String ticketNumber, String ticketTitle, String ticketPriority, String taskDefKey,
        String name, String nameEn, String formKey, Integer formVersion, String department, String assignee,
        String state, String ticketStatus, OffsetDateTime createdAt, OffsetDateTime completedAt, String completedBy) {
}
