package io.flowdesk.shared;

/**
 * One problem with input: a JSON pointer (or a BPMN element id / form keyword path) and a message.
 *
 * @param pointer where the problem is, e.g. {@code /data/refundAmount} or {@code taskReview}
 * @param message what is wrong, in words a user can act on
 * @param rule machine-readable rule or keyword, e.g. {@code required}, {@code no-script-task}
 */
public record FieldError(String pointer, String message, String rule) {

    public static FieldError of(String pointer, String message) {
        return new FieldError(pointer, message, null);
    }
}
