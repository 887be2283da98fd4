package io.flowdesk.notify;

import java.util.List;

/**
 * Where notification mails about a ticket get their threading from when a channel provides it (mail in, ADR 0042;
 * mail out, ADR 0051): a signed reply token as Message-ID, the ticket's conversation as In-Reply-To / References,
 * a Reply-To address that names the ticket, Outlook's Thread-Topic / Thread-Index. Without an implementation the
 * delivery id is the Message-ID and the ticket's thread id the only reference. Called on the sender's (worker)
 * thread; an implementation may block.
 */
public interface MailThreading {

    /** A new Message-ID, without angle brackets, for a mail about this ticket; null to use the default. */
    String messageId(String ticketNumber, String domain);

    /**
     * The threading headers of one mail about a ticket ({@code deliveryKey}: the same for a retried send); with
     * {@code conversation} (a mail to the customer's side, not a staff notice) the mail is recorded as the
     * conversation's newest message. Null to use the defaults.
     */
    default Headers headers(String ticketNumber, String deliveryKey, String domain, boolean conversation) {
        String id = messageId(ticketNumber, domain);
        return id == null ? null : new Headers(id, null, List.of(), null, null, null);
    }

    /**
     * Message-IDs without angle brackets; {@code inReplyTo} null and {@code references} empty mean the ticket's
     * thread id alone; {@code replyTo}, {@code threadTopic}, {@code threadIndex} null mean no such header.
     */
    record Headers(String messageId, String inReplyTo, List<String> references, String replyTo, String threadTopic,
            String threadIndex) {
    }
}
