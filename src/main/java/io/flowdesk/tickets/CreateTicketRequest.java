package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/tickets}.
 *
 * @param type the template key, e.g. {@code ecommerce-refund}
 * @param priority P1 (highest) to P4; P3 when absent
 * @param data start-form data, validated against the template's pinned start form
 * @param channel where the ticket came from; {@code api} when absent
 * @param transcript optional chat or call transcript, kept as the first timeline entry (internal)
 */
public record CreateTicketRequest(String type, String title, String priority, Customer customer, JsonNode data,
        String channel, String transcript) {

    public CreateTicketRequest(String type, String title, String priority, Customer customer, JsonNode data,
            String channel) {
        this(type, title, priority, customer, data, channel, null);
    }
}
