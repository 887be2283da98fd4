package io.flowdesk.shared;

/** The request is valid but clashes with the current state (task already done, claimed by someone else). */
public class Conflict extends FlowDeskException {

    public Conflict(Text text) {
        super(text);
    }

    public Conflict(String message) {
        super(message);
    }

    public Conflict(String message, Throwable cause) {
        super(message, cause);
    }

    public Conflict(Text text, Throwable cause) {
        super(text, cause);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String titleKey() {
        return "problem.title.conflict";
    }
}
