package io.flowdesk.shared;

/** Root of FlowDesk's unchecked exception tree; mapped to RFC 9457 problem JSON in one place. */
public abstract class FlowDeskException extends RuntimeException {

    protected FlowDeskException(String message) {
        super(message);
    }

    protected FlowDeskException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract int status();

    public abstract String title();
}
