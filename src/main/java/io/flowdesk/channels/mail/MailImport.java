package io.flowdesk.channels.mail;

/**
 * What became of one message handed to FlowDesk (ADR 0042).
 *
 * @param outcome {@code created}, {@code replied}, {@code reopened}, {@code follow-up} (a new ticket linked to a
 *     ticket closed too long ago), {@code review} (an internal note: the sender is not on the ticket), {@code auto}
 *     (an auto-reply, recorded, never answered), {@code bounce}, {@code own} (FlowDesk's own notice came back),
 *     {@code throttled}, {@code rejected} (the ticket path refused it, e.g. no usable sender) or {@code unparsed}
 * @param ticketNumber the ticket created or replied to, null when none
 * @param duplicate true when this message had been imported before; outcome and ticket are the first import's
 */
public record MailImport(String outcome, String ticketNumber, boolean duplicate, boolean review, String detail) {

    public static final String CREATED = "created";
    public static final String REPLIED = "replied";
    public static final String REOPENED = "reopened";
    public static final String FOLLOW_UP = "follow-up";
    public static final String REVIEW = "review";
    public static final String AUTO = "auto";
    public static final String BOUNCE = "bounce";
    public static final String OWN = "own";
    public static final String THROTTLED = "throttled";
    public static final String REJECTED = "rejected";
    public static final String UNPARSED = "unparsed";
}
