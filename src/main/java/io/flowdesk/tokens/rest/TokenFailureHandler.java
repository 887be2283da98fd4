package io.flowdesk.tokens.rest;

import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.rest.Problem;
import io.flowdesk.shared.rest.ProblemMapper;
import io.flowdesk.shared.rest.RequestLocale;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * A bearer token refused while the HTTP layer authenticates ({@code /api/*} needs an authenticated caller): 401
 * problem JSON saying why (unknown, expired, revoked …) in the request's language, instead of a bare challenge.
 * Other authentication failures (a wrong password) go on to Quarkus's own handling.
 */
@Singleton
public class TokenFailureHandler {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            Throwable failure = context.failure();
            while (failure != null && !(failure instanceof AuthenticationFailedException)) {
                failure = failure.getCause();
            }
            if (!(failure instanceof AuthenticationFailedException failed) || failed.getAttributes() == null
                    || !(failed.getAttribute(ProblemMapper.AUTH_REASON) instanceof Text reason)
                    || context.response().ended()) {
                context.next();
                return;
            }
            Locale locale = RequestLocale.of(context);
            Object challenge = failed.getAttribute(ProblemMapper.AUTH_CHALLENGE);
            String body = Json.write(new Problem("about:blank", Messages.get(locale, "problem.title.unauthorized"), 401,
                    reason.in(locale), null, null));
            context.response().setStatusCode(401).putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                    .putHeader("WWW-Authenticate", challenge == null ? "Bearer" : challenge.toString()).end(body);
        });
    }
}
