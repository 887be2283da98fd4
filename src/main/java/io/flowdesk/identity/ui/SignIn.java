package io.flowdesk.identity.ui;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.quarkus.vertx.VertxContextSupport;
import java.util.Optional;

/** Password sign-in for the Vaadin views (workspace and portal share it). */
public final class SignIn {

    private SignIn() {
    }

    /** Checks the password; on success starts a fresh session (no fixation) holding the user. */
    public static Optional<CurrentUser> withPassword(IdentityService identity, String username, String password) {
        Optional<CurrentUser> user;
        try {
            Optional<IdentityService.StoredCredentials> stored = VertxContextSupport
                    .subscribeAndAwait(() -> identity.credentials(username == null ? "" : username.strip()));
            boolean ok = stored.isPresent() && IdentityService.passwordMatches(password, stored.get().passwordHash());
            user = ok ? stored.map(IdentityService.StoredCredentials::user) : Optional.empty();
        } catch (Throwable e) {
            user = Optional.empty();
        }
        user.ifPresent(SignIn::start);
        return user;
    }

    /** Starts a session for a user proven by other means (a one-time code). */
    public static void start(CurrentUser user) {
        VaadinService.reinitializeSession(VaadinServletRequest.getCurrent());
        UiSession.signIn(user);
    }
}
