package io.flowdesk.tokens;

import java.util.List;

/** A service account as admins see it: its roles (besides {@code service}) and how many live tokens it has. */
public record ServiceAccount(String username, String displayName, List<String> roles, int activeTokens) {

    /** A new service account; {@code roles} from agent, supervisor, admin (may be empty: an intake-only account). */
    public record Create(String username, String displayName, List<String> roles) {
    }
}
