package io.flowdesk.tickets;

import java.time.OffsetDateTime;

/** A ticket in a list. */
public record TicketSummary(String number, String type, String ticketType, String title, String priority,
        String status, String channel, String customerName, String currentStep, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
