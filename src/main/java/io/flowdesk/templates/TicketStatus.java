package io.flowdesk.templates;

import java.util.Set;

/** Ticket statuses a template may declare on user tasks and end events. */
public final class TicketStatus {

    public static final String NEW = "NEW";
    public static final String OPEN = "OPEN";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String WAITING_CUSTOMER = "WAITING_CUSTOMER";
    public static final String WAITING_THIRD_PARTY = "WAITING_THIRD_PARTY";
    public static final String RESOLVED = "RESOLVED";
    public static final String CLOSED = "CLOSED";
    public static final String REJECTED = "REJECTED";
    public static final String CANCELLED = "CANCELLED";

    public static final Set<String> FOR_TASKS = Set.of(NEW, OPEN, IN_PROGRESS, WAITING_CUSTOMER, WAITING_THIRD_PARTY,
            RESOLVED);
    public static final Set<String> FOR_ENDS = Set.of(RESOLVED, CLOSED, REJECTED, CANCELLED);
    public static final Set<String> ALL = Set.of(NEW, OPEN, IN_PROGRESS, WAITING_CUSTOMER, WAITING_THIRD_PARTY,
            RESOLVED, CLOSED, REJECTED, CANCELLED);

    private TicketStatus() {
    }
}
