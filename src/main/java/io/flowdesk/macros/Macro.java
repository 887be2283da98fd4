package io.flowdesk.macros;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A macro as the API and the views see it: a named set of actions an agent applies to a ticket with one click.
 *
 * @param scope {@code personal} (only {@code owner} uses it), {@code department} (everyone in {@code department})
 *        or {@code global} (everyone on staff; admins only)
 * @param internal whether the reply is an internal note rather than a public reply
 * @param version the row version; an update must send the one it read (optimistic locking)
 * @param editable whether the caller may change or delete it
 */
public record Macro(String key, String nameZh, String nameEn, String scope, String owner, String department,
        String replyZh, String replyEn, boolean internal, List<Action> actions, int version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, boolean editable) {

    public static final String PERSONAL = "personal";
    public static final String DEPARTMENT = "department";
    public static final String GLOBAL = "global";

    /**
     * One action besides the reply. {@code type}: {@code status} ({@code value}), {@code priority} ({@code value}
     * P1..P4 or {@code raise}), {@code addTag} / {@code removeTag} ({@code value}), {@code transfer} (the open
     * task to {@code department} or {@code user}).
     */
    public record Action(String type, String value, String department, String user) {
    }

    /** A canned reply: reply text and nothing else. */
    public boolean cannedReply() {
        return actions.isEmpty();
    }

    public String name(java.util.Locale locale) {
        return io.flowdesk.shared.Messages.isChinese(locale) ? nameZh : nameEn;
    }
}
