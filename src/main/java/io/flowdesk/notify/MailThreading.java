package io.flowdesk.notify;

/**
 * Where notification mails get their Message-ID from when a channel provides one (mail in, ADR 0042: a signed
 * reply token, so that a customer's answer finds its ticket). Without an implementation the delivery id is used.
 */
public interface MailThreading {

    /** A new Message-ID, without angle brackets, for a mail about this ticket; null to use the default. */
    String messageId(String ticketNumber, String domain);
}
