package io.flowdesk.channels.chat;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A checked chat transcript ({@code POST /api/intake/chat}, ADR 0043): the conversation id of the chat system, the
 * customer, the messages in their order and the template for a new ticket.
 */
public record ChatTranscript(String conversationId, String name, String email, String phone, List<Message> messages,
        String template) {

    /** One message; {@code from} is {@code customer} or {@code agent}, {@code author} the name shown. */
    public record Message(OffsetDateTime at, String from, String author, String text) {

        public boolean customer() {
            return "customer".equals(from);
        }
    }
}
