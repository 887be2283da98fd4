package io.flowdesk.shared;

/** The caller is known but their role does not allow the action. */
public class Forbidden extends FlowDeskException {

    public Forbidden(Text text) {
        super(text);
    }

    public Forbidden(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String titleKey() {
        return "problem.title.forbidden";
    }
}
