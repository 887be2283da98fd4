package io.flowdesk.shared;

/** The request is valid but clashes with the current state (task already done, claimed by someone else). */
public class Conflict extends FlowDeskException {

    public Conflict(String message) {
        super(message);
    }

    public Conflict(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
