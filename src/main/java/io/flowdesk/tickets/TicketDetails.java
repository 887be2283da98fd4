package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/** A ticket with its data and open tasks. */
public record TicketDetails(String number, String type, int templateVersion, String ticketType, String title,
        String priority, String status, String channel, Customer customer, JsonNode data, String currentStep,
        List<TaskView> openTasks, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime resolvedAt) {
}
