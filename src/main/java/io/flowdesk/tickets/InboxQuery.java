package io.flowdesk.tickets;

/**
 * What an inbox shows.
 *
 * @param view MINE (my open tasks), QUEUE (unclaimed tasks of my departments), OPEN (all open tickets)
 * @param type template key, or null
 * @param priority P1..P4, or null
 * @param status ticket status, or null
 * @param customer part of the customer's name, e-mail or phone, or null
 * @param text a ticket number, or part of the title, or null
 * @param sort PRIORITY (P1 first, then oldest), NEWEST, OLDEST, UPDATED, DUE (earliest SLA deadline first)
 * @param sla AT_RISK or BREACHED (the ticket's SLA state), or null
 * @param tag a tag the ticket has, or null
 */
public record InboxQuery(String view, String type, String priority, String status, String customer, String text,
        String sort, String sla, String tag) {

    public InboxQuery(String view, String type, String priority, String status, String customer, String text,
            String sort, String sla) {
        this(view, type, priority, status, customer, text, sort, sla, null);
    }

    public static final String AT_RISK = "AT_RISK";
    public static final String BREACHED = "BREACHED";

    public InboxQuery(String view, String type, String priority, String status, String customer, String text,
            String sort) {
        this(view, type, priority, status, customer, text, sort, null, null);
    }

    public static final String MINE = "MINE";
    public static final String QUEUE = "QUEUE";
    public static final String OPEN = "OPEN";

    public InboxQuery withView(String other) {
        return new InboxQuery(other, type, priority, status, customer, text, sort, sla, tag);
    }
}
