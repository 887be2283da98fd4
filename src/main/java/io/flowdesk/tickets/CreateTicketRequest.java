package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/tickets}.
 *
 * @param type the template key, e.g. {@code ecommerce-refund}
 * @param priority P1 (highest) to P4; P3 when absent
 * @param data start-form data, validated against the template's pinned start form
 * @param channel where the ticket came from; {@code api} when absent
 */
public record CreateTicketRequest(String type, String title, String priority, Customer customer, JsonNode data,
        String channel) {
}
