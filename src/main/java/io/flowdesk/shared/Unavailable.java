package io.flowdesk.shared;

/** FlowDesk is not ready yet (start-up) or a dependency is down. Mapped to 503. */
public class Unavailable extends FlowDeskException {

    public Unavailable(Text text) {
        super(text);
    }

    public Unavailable(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String titleKey() {
        return "problem.title.unavailable";
    }
}
