package io.flowdesk.shared;

/** The object does not exist, or the caller may not know that it exists. */
public class NotFound extends FlowDeskException {

    public NotFound(Text text) {
        super(text);
    }

    public NotFound(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String titleKey() {
        return "problem.title.notFound";
    }
}
