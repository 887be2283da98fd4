package io.flowdesk.shared.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become HTTP responses. Never leaks class names, SQL or stack traces. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response flowDesk(FlowDeskException e) {
        List<FieldError> errors = e instanceof InvalidInput invalid ? invalid.errors() : List.of();
        return problem(e.status(), e.title(), e.getMessage(), errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJsonSyntax(com.fasterxml.jackson.core.JsonParseException e) {
        return badJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJsonShape(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJson(JsonProcessingException e) {
        String pointer = "";
        if (e instanceof MismatchedInputException mismatch) {
            pointer = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
        }
        String detail = "Request body is not valid JSON for this endpoint: " + e.getOriginalMessage();
        return problem(400, "Malformed request", detail, List.of(FieldError.of(pointer, e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.status(401).header("WWW-Authenticate", "Basic realm=\"FlowDesk\"")
                .type(PROBLEM_JSON).entity(new Problem("about:blank", "Unauthorized", 401,
                        "Authentication is required", null, null))
                .build();
    }

    @ServerExceptionMapper
    public Response authFailed(AuthenticationFailedException e) {
        return unauthorized(new UnauthorizedException());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "Forbidden", "Your role does not allow this action", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return problem(status, "Internal error", "The request could not be completed", List.of());
        }
        return problem(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return problem(500, "Internal error", "The request could not be completed; the error was logged", List.of());
    }

    public static Response problem(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem("about:blank", title, status, detail, null, errors))
                .build();
    }
}
