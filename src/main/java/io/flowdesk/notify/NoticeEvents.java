package io.flowdesk.notify;

import java.util.List;

/**
 * The events a person can choose channels for, and which notice kinds belong to each. A kind nobody listed is
 * {@code other}. Robots subscribe to the same event names.
 */
public final class NoticeEvents {

    public static final String ASSIGNED = "assigned";
    public static final String MENTIONED = "mentioned";
    public static final String QUEUE = "queue";
    public static final String CUSTOMER_REPLIED = "customerReplied";
    public static final String SLA_WARNING = "slaWarning";
    public static final String SLA_BREACHED = "slaBreached";
    public static final String ESCALATED = "escalated";
    public static final String RULE = "rule";
    public static final String OTHER = "other";
    public static final List<String> ALL = List.of(ASSIGNED, MENTIONED, QUEUE, CUSTOMER_REPLIED, SLA_WARNING,
            SLA_BREACHED, ESCALATED, RULE, OTHER);

    /** Channels a person chooses; in-app is always on (it is the record the bell shows). */
    public static final List<String> PERSONAL_CHANNELS = List.of("email");

    private NoticeEvents() {
    }

    public static String of(String kind) {
        if (kind == null) {
            return OTHER;
        }
        return switch (kind) {
            case "MENTION" -> MENTIONED;
            case "ASSIGNED", "TASK_ASSIGNED_AUTO", "TASK_REASSIGNED", "TRANSFER" -> ASSIGNED;
            case "QUEUE_NEW", "ROUTING_URGENT", "ROUTING_WAITING" -> QUEUE;
            case "CUSTOMER_REPLY", "REPLY" -> CUSTOMER_REPLIED;
            case "SLA_WARNING" -> SLA_WARNING;
            case "SLA_BREACHED" -> SLA_BREACHED;
            case "SLA_ESCALATED" -> ESCALATED;
            default -> kind.startsWith("RULE") ? RULE : OTHER;
        };
    }
}
