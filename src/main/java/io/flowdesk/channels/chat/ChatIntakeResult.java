package io.flowdesk.channels.chat;

/**
 * What became of a posted transcript: {@code created} (a new ticket), {@code follow-up} (a new ticket because the
 * conversation's ticket was closed; {@code previousTicket} names it), {@code appended} ({@code added} new messages
 * on the open ticket) or {@code unchanged} (nothing new: the same transcript again).
 */
public record ChatIntakeResult(String outcome, String ticketNumber, int added, String previousTicket) {

    public static final String CREATED = "created";
    public static final String FOLLOW_UP = "follow-up";
    public static final String APPENDED = "appended";
    public static final String UNCHANGED = "unchanged";
}
