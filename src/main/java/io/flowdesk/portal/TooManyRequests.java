package io.flowdesk.portal;

import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;

/** Rate limit reached. Mapped to 429. */
public class TooManyRequests extends FlowDeskException {

    public TooManyRequests(Text text) {
        super(text);
    }

    public TooManyRequests(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String titleKey() {
        return "problem.title.tooMany";
    }
}
