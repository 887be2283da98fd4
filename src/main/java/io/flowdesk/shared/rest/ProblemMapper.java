package io.flowdesk.shared.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Messages;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP responses, written in the request's language
 * ({@link RequestLocale}). Never leaks class names, SQL or stack traces.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response flowDesk(FlowDeskException e, RoutingContext context) {
        Locale locale = RequestLocale.of(context);
        List<FieldError> errors = e instanceof InvalidInput invalid ? invalid.errors() : List.of();
        return problem(e.status(), e.title(locale), e.message(locale), Problem.Entry.of(errors, locale));
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJsonSyntax(com.fasterxml.jackson.core.JsonParseException e, RoutingContext context) {
        return badJson(e, context);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJsonShape(MismatchedInputException e, RoutingContext context) {
        return badJson(e, context);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJson(JsonProcessingException e, RoutingContext context) {
        Locale locale = RequestLocale.of(context);
        String pointer = "";
        if (e instanceof MismatchedInputException mismatch) {
            pointer = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
        }
        String detail = pointer.isEmpty() || pointer.equals("/")
                ? Messages.get(locale, "problem.json.syntax")
                : Messages.get(locale, "problem.json.shape", pointer);
        return problem(400, Messages.get(locale, "problem.title.malformed"), detail,
                List.of(new Problem.Entry(pointer, detail, "json")));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, RoutingContext context) {
        Locale locale = RequestLocale.of(context);
        return Response.status(401).header("WWW-Authenticate", "Basic realm=\"FlowDesk\"")
                .type(PROBLEM_JSON).entity(new Problem("about:blank", Messages.get(locale, "problem.title.unauthorized"),
                        401, Messages.get(locale, "problem.unauthorized"), null, null))
                .build();
    }

    /**
     * Attributes of an {@link AuthenticationFailedException} that say why (a {@link io.flowdesk.shared.Text}) and
     * which challenge to answer with: a rejected API token says "expired", "revoked" … (ADR 0050).
     */
    public static final String AUTH_REASON = "flowdesk.auth.reason";
    public static final String AUTH_CHALLENGE = "flowdesk.auth.challenge";

    @ServerExceptionMapper
    public Response authFailed(AuthenticationFailedException e, RoutingContext context) {
        if (e.getAttributes() != null && e.getAttribute(AUTH_REASON) instanceof io.flowdesk.shared.Text reason) {
            Locale locale = RequestLocale.of(context);
            Object challenge = e.getAttribute(AUTH_CHALLENGE);
            return Response.status(401).header("WWW-Authenticate", challenge == null ? "Basic realm=\"FlowDesk\""
                    : challenge.toString()).type(PROBLEM_JSON).entity(new Problem("about:blank",
                            Messages.get(locale, "problem.title.unauthorized"), 401, reason.in(locale), null, null))
                    .build();
        }
        return unauthorized(new UnauthorizedException(), context);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, RoutingContext context) {
        Locale locale = RequestLocale.of(context);
        return problem(403, Messages.get(locale, "problem.title.forbidden"), Messages.get(locale, "problem.forbidden"),
                List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, RoutingContext context) {
        Locale locale = RequestLocale.of(context);
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return badJson(json, context); // the REST layer wraps body-reading errors in a 400
            }
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return problem(status, Messages.get(locale, "problem.title.internal"), Messages.get(locale, "problem.internal"),
                    List.of());
        }
        String key = switch (status) {
            case 404 -> "notFound";
            case 405 -> "methodNotAllowed";
            case 406 -> "notAcceptable";
            case 415 -> "unsupportedMediaType";
            default -> "badRequest";
        };
        return problem(status, Messages.get(locale, "problem.title." + key), Messages.get(locale, "problem.http." + key),
                List.of());
    }

    /**
     * Two writers changed the same row at once (a person and a background consumer): the request is refused whole
     * (nothing was written) and can simply be sent again.
     */
    @ServerExceptionMapper(priority = 1)
    public Response concurrentEdit(jakarta.persistence.OptimisticLockException e, RoutingContext context) {
        return conflictAtOnce(context);
    }

    @ServerExceptionMapper(priority = 1)
    public Response concurrentEditHibernate(org.hibernate.StaleStateException e, RoutingContext context) {
        return conflictAtOnce(context);
    }

    private Response conflictAtOnce(RoutingContext context) {
        Locale locale = RequestLocale.of(context);
        LOG.info("refused a concurrent edit with 409");
        return problem(409, Messages.get(locale, "problem.title.conflict"), Messages.get(locale, "problem.concurrentEdit"),
                List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, RoutingContext context) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return conflictAtOnce(context);
            }
        }
        LOG.error("unexpected error", e);
        Locale locale = RequestLocale.of(context);
        return problem(500, Messages.get(locale, "problem.title.internal"), Messages.get(locale, "problem.internal"),
                List.of());
    }

    public static Response problem(int status, String title, String detail, List<Problem.Entry> errors) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem("about:blank", title, status, detail, null, errors))
                .build();
    }
}
