package io.flowdesk.shared;

import java.util.List;

/** Input that fails validation; carries one entry per problem. Mapped to 422. */
public class InvalidInput extends FlowDeskException {

    private final List<FieldError> errors;

    public InvalidInput(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
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
    public String title() {
        return "Invalid input";
    }
}
