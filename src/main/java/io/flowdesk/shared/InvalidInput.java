package io.flowdesk.shared;

import java.util.List;

/** Input that fails validation; carries one entry per problem. Mapped to 422. */
public class InvalidInput extends FlowDeskException {

    private final List<FieldError> errors;

    public InvalidInput(Text text, List<FieldError> errors) {
        super(text);
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String message, List<FieldError> errors) {
        this(Text.literal(message), errors);
    }

    /** One problem at one place; the detail is the same sentence. */
    public static InvalidInput of(String pointer, Text text, String rule) {
        return new InvalidInput(text, List.of(FieldError.of(pointer, text, rule)));
    }

    public static InvalidInput of(String pointer, String message) {
        return new InvalidInput(message, List.of(FieldError.of(pointer, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String titleKey() {
        return "problem.title.invalid";
    }
}
