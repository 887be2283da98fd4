package io.flowdesk.identity.internal;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.shared.Json;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP basic against {@code app_user}. bcrypt is slow on purpose, so a successful check is remembered
 * for a short time (keyed by a hash of user and password, never the password itself).
 */
@ApplicationScoped
public class DbIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final long TTL_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int MAX_ENTRIES = 10_000;

    @Inject
    IdentityService identity;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String cacheKey = Json.sha256(username + "\u0000" + password);
        Verified hit = verified.get(cacheKey);
        if (hit != null && System.nanoTime() - hit.at < TTL_NANOS) {
            return Uni.createFrom().item(toIdentity(hit.user));
        }
        return identity.credentials(username).chain(found -> {
            if (found.isEmpty()) {
                // spend the same time as a real check so user names cannot be probed by timing
                return context.runBlocking(() -> {
                    IdentityService.passwordMatches(password, DUMMY_HASH);
                    throw new AuthenticationFailedException();
                });
            }
            IdentityService.StoredCredentials credentials = found.get();
            return context.runBlocking(() -> {
                if (!IdentityService.passwordMatches(password, credentials.passwordHash())) {
                    throw new AuthenticationFailedException();
                }
                if (verified.size() > MAX_ENTRIES) {
                    verified.clear();
                }
                verified.put(cacheKey, new Verified(credentials.user(), System.nanoTime()));
                return toIdentity(credentials.user());
            });
        });
    }

    private static SecurityIdentity toIdentity(CurrentUser user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()))
                .addRoles(user.roles())
                .addAttribute(CurrentUser.ATTRIBUTE, user)
                .addAttribute(io.flowdesk.shared.rest.RequestLocale.USER_LOCALE, user.locale() == null ? "" : user.locale())
                .build();
    }

    private static final String DUMMY_HASH = IdentityService.hash("flowdesk-timing-equaliser");

    private record Verified(CurrentUser user, long at) {
    }
}
