package io.flowdesk.shared.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowdesk.shared.FieldError;
import java.util.List;
import java.util.Locale;

/** RFC 9457 problem details, with FlowDesk's {@code errors} extension (one entry per problem). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Entry> errors) {

    /** One problem: where, what a person reads (in the request's language), which rule. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String pointer, String message, String rule) {

        static List<Entry> of(List<FieldError> errors, Locale locale) {
            return errors.stream().map(e -> new Entry(e.pointer(), e.message(locale), e.rule())).toList();
        }
    }
}
