package io.flowdesk.shared;

import java.util.Locale;

/**
 * Root of FlowDesk's unchecked exception tree; mapped to RFC 9457 problem JSON in one place. The detail is a
 * {@link Text}, put into the caller's language by the mapper and the views; {@link #getMessage()} is English, for
 * logs.
 */
public abstract class FlowDeskException extends RuntimeException {

    private final Text text;

    protected FlowDeskException(Text text) {
        super(text.toString());
        this.text = text;
    }

    protected FlowDeskException(Text text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    /** Words that are not yet in the catalogue; prefer {@link #FlowDeskException(Text)}. */
    protected FlowDeskException(String message) {
        this(Text.literal(message));
    }

    protected FlowDeskException(String message, Throwable cause) {
        this(Text.literal(message), cause);
    }

    public Text text() {
        return text;
    }

    public String message(Locale locale) {
        return text.in(locale);
    }

    public abstract int status();

    /** Catalogue key of the problem's title, e.g. {@code problem.title.invalid}. */
    public abstract String titleKey();

    public String title(Locale locale) {
        return Messages.get(locale, titleKey());
    }
}
