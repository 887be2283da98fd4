package io.flowdesk.channels.chat.internal;

import io.flowdesk.channels.mail.internal.MailStore;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;

/** The {@code chat_conversation} table (V36) in the caller's transaction, by plain SQL (the mail store's helpers). */
final class ChatStore {

    private ChatStore() {
    }

    /** The conversation as locked: its current ticket (null before the first) and the messages already recorded. */
    record Conversation(Long ticketId, int messageCount) {
    }

    /**
     * Claims and locks the conversation's row: a concurrent post of the same conversation waits here until the
     * first one commits and then sees what it wrote.
     */
    static Uni<Conversation> lock(String conversationId, OffsetDateTime now) {
        return MailStore.update("insert into chat_conversation (conversation_id, created_at, updated_at) "
                + "values (?1, ?2, ?2) on conflict (conversation_id) do nothing", conversationId, now)
                .chain(() -> MailStore.rows("select ticket_id, message_count from chat_conversation "
                        + "where conversation_id = ?1 for update", conversationId))
                .map(rows -> new Conversation(rows.get(0)[0] == null ? null : ((Number) rows.get(0)[0]).longValue(),
                        ((Number) rows.get(0)[1]).intValue()));
    }

    static Uni<Void> advance(String conversationId, long ticketId, int messageCount, OffsetDateTime lastAt,
            OffsetDateTime now) {
        return MailStore.update("update chat_conversation set ticket_id = ?1, message_count = ?2, last_at = ?3, "
                + "updated_at = ?4 where conversation_id = ?5", ticketId, messageCount, lastAt, now, conversationId);
    }
}
