package io.flowdesk.portal;

import io.flowdesk.shared.FlowDeskException;

/** Rate limit reached. Mapped to 429. */
public class TooManyRequests extends FlowDeskException {

    public TooManyRequests(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String title() {
        return "Too many requests";
    }
}
