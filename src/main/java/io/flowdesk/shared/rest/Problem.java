package io.flowdesk.shared.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowdesk.shared.FieldError;
import java.util.List;

/** RFC 9457 problem details, with FlowDesk's {@code errors} extension (one entry per problem). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
}
