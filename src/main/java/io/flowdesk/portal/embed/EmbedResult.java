package io.flowdesk.portal.embed;

/**
 * The answer after submitting: the ticket number and where to follow it. A dropped (honeypot) submission gets the
 * same status and message, without a number.
 */
public record EmbedResult(String number, String message, String lookupPath) {
}
