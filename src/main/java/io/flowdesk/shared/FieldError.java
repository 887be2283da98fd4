package io.flowdesk.shared;

import java.util.Locale;

/**
 * One problem with input: where it is, what a person should read, and which rule it broke.
 *
 * @param pointer where the problem is, e.g. {@code /data/refundAmount} or {@code taskReview}
 * @param text what is wrong, in words a user can act on; put into the reader's language at the edge
 * @param rule machine-readable rule or keyword, e.g. {@code required}, {@code no-script-task}
 */
public record FieldError(String pointer, Text text, String rule) {

    public FieldError(String pointer, String words, String rule) {
        this(pointer, Text.literal(words), rule);
    }

    public static FieldError of(String pointer, Text text, String rule) {
        return new FieldError(pointer, text, rule);
    }

    public static FieldError of(String pointer, String words) {
        return new FieldError(pointer, Text.literal(words), null);
    }

    public String message(Locale locale) {
        return text.in(locale);
    }

    /** English, for logs and tests; views and responses use {@link #message(Locale)}. */
    public String message() {
        return text.in(Messages.EN);
    }
}
