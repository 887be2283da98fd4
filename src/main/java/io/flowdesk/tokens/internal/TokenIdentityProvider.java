package io.flowdesk.tokens.internal;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.rest.RequestLocale;
import io.flowdesk.tokens.TokenGrant;
import io.flowdesk.tokens.TokenRejected;
import io.flowdesk.tokens.TokenScope;
import io.flowdesk.tokens.TokensConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a bearer token into its owner's identity, narrowed to the token's scopes. Nothing is cached: every request
 * reads the token row and the owner, so a revocation, an expiry or a change of the owner's role counts at once, on
 * every node. Scopes the owner no longer reaches (an admin who lost the role) are dropped on the way.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    TokenGate gate;

    @Inject
    IdentityService identity;

    @Inject
    TokensConfig config;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String publicId = TokenSecrets.publicIdOf(request.token());
        if (publicId == null) {
            return rejected("tokens.rejected.malformed");
        }
        return gate.find(publicId).chain(stored -> {
            if (stored == null || !TokenSecrets.matches(request.token(), stored.secretHash())) {
                return rejected("tokens.rejected.unknown");
            }
            Instant now = FlowClock.instant();
            if (stored.revokedAt() != null) {
                return rejected("tokens.rejected.revoked");
            }
            if (stored.expiresAt() != null && !stored.expiresAt().toInstant().isAfter(now)) {
                return rejected("tokens.rejected.expired");
            }
            return identity.findById(stored.userId()).chain(owner -> owner.isEmpty()
                    ? rejected("tokens.rejected.owner")
                    : gate.use(stored.id(), now, request.address()).chain(window -> window == null
                            ? rejected("tokens.rejected.revoked")
                            : Uni.createFrom().item(toIdentity(owner.get(), publicId, stored, window, now))));
        });
    }

    private SecurityIdentity toIdentity(CurrentUser owner, String publicId, TokenGate.Stored stored,
            TokenGate.Window window, Instant now) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        Arrays.stream(stored.scopes().split(",")).map(TokenScope::of).flatMap(Optional::stream)
                .filter(s -> s.grantableBy(owner)).forEach(scopes::add);
        int limit = stored.ratePerMinute() == null ? config.requestsPerMinute()
                : Math.min(stored.ratePerMinute(), config.requestsPerMinute());
        long retryAfter = 0;
        if (window.count() > limit) {
            long left = window.start().plusSeconds(60).getEpochSecond() - now.getEpochSecond();
            retryAfter = Math.max(1, left);
        }
        Set<String> roles = new HashSet<>(owner.roles());
        if (scopes.contains(TokenScope.INTAKE)) {
            roles.add(Role.INTAKE);
        }
        CurrentUser user = new CurrentUser(owner.id(), owner.username(), owner.displayName(), owner.email(),
                owner.phone(), Set.copyOf(roles), owner.departments(), owner.locale());
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(owner.username()))
                .addRoles(roles)
                .addAttribute(CurrentUser.ATTRIBUTE, user)
                .addAttribute(RequestLocale.USER_LOCALE, owner.locale() == null ? "" : owner.locale())
                .addAttribute(TokenGrant.ATTRIBUTE, new TokenGrant(publicId, Set.copyOf(scopes), limit, retryAfter))
                .build();
    }

    private static Uni<SecurityIdentity> rejected(String key) {
        return Uni.createFrom().failure(TokenRejected.because(Text.of(key)));
    }
}
