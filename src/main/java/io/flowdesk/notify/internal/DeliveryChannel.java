package io.flowdesk.notify.internal;

/**
 * One way out (e-mail, group robot, outbound webhook), found by its {@link #id()} = the delivery row's channel.
 * {@link #send} runs on the sender's own thread (blocking is fine) outside any transaction: the row is already
 * recorded as 'sending' and is recorded as sent, retried or failed after it returns (ADR 0024).
 */
public interface DeliveryChannel {

    String id();

    /**
     * Sends one message (a robot digest carries the merged rows in {@link Outgoing#merged()}). A plain exception is
     * a failure worth retrying; {@link Permanent} is one that no retry can fix; {@link Suppressed} means nothing was
     * sent on purpose.
     */
    void send(Outgoing message) throws Exception;

    /** A failure that no retry can fix (e.g. the receiver answered 4xx): dead-lettered at once. */
    class Permanent extends Exception {
        public Permanent(String reason) {
            super(reason);
        }
    }

    /** Nothing was sent, on purpose (e.g. an address that takes no mail): logged as suppressed with the reason. */
    class Suppressed extends Exception {
        public Suppressed(String reason) {
            super(reason);
        }
    }
}
