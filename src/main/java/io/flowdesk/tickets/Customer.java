package io.flowdesk.tickets;

/** The customer a ticket is for. */
public record Customer(String name, String email, String phone) {
}
