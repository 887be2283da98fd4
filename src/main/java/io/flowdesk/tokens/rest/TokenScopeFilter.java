package io.flowdesk.tokens.rest;

import io.flowdesk.shared.Messages;
import io.flowdesk.shared.rest.ProblemMapper;
import io.flowdesk.shared.rest.RequestLocale;
import io.flowdesk.tokens.ScopeRules;
import io.flowdesk.tokens.TokenGrant;
import io.flowdesk.tokens.TokenHeaders;
import io.flowdesk.tokens.TokenScope;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one place where an API token's scopes and rate limit are enforced, for every REST endpoint: a request with a
 * token gets 429 (with {@code Retry-After}) over the token's limit, and 403 when the token lacks the scope that
 * {@link ScopeRules} names for the request. Requests without a token pass untouched.
 */
public class TokenScopeFilter {

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request, RoutingContext context) {
        if (context == null || TokenHeaders.bearer(context.request().getHeader("Authorization")) == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            // resolved here, on the event loop: hand it to the association so resources read it without blocking
            identities.setIdentity(identity);
            TokenGrant grant = identity.getAttribute(TokenGrant.ATTRIBUTE);
            if (grant == null) {
                return null;
            }
            Locale locale = RequestLocale.of(context);
            if (grant.overLimit()) {
                return Response.fromResponse(ProblemMapper.problem(429, Messages.get(locale, "tokens.title.rateLimited"),
                        Messages.get(locale, "tokens.error.rateLimited", grant.perMinute(), grant.retryAfterSeconds()),
                        List.of())).header("Retry-After", String.valueOf(grant.retryAfterSeconds())).build();
            }
            TokenScope needed = ScopeRules.required(request.getMethod(), context.normalizedPath());
            if (!grant.allows(needed)) {
                return ProblemMapper.problem(403, Messages.get(locale, "problem.title.forbidden"),
                        Messages.get(locale, "tokens.error.scope", needed.id()), List.of());
            }
            return null;
        });
    }
}
