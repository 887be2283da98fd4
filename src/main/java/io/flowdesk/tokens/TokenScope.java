package io.flowdesk.tokens;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an API token may do. A token acts as its owner, and only within its scopes: {@link ScopeRules} says which
 * scope each request needs. {@link #ADMIN} covers every request the owner may make; {@link #TICKETS_WRITE} includes
 * {@link #TICKETS_READ}. An owner may only grant scopes their role reaches ({@link #grantableBy}).
 */
public enum TokenScope {

    /** Read tickets, tasks, the inbox, templates and forms (as the owner sees them). */
    TICKETS_READ("tickets:read"),
    /** Open tickets, comment, attach, work tasks (as the owner may); includes {@link #TICKETS_READ}. */
    TICKETS_WRITE("tickets:write"),
    /** Hand mail and chat transcripts over ({@code /api/intake/*}) and nothing else. */
    INTAKE("intake"),
    /** Read reports and exports. */
    REPORTS_READ("reports:read"),
    /** Everything the owner may do, token management included. */
    ADMIN("admin");

    private final String id;

    TokenScope(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<TokenScope> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** Whether a token holding this scope may make a request that needs {@code needed}. */
    public boolean covers(TokenScope needed) {
        return this == needed || this == ADMIN || (this == TICKETS_WRITE && needed == TICKETS_READ);
    }

    /**
     * Whether {@code owner} may put this scope on a token of their own: never beyond what their role reaches. Intake
     * is for admins and service accounts (which admins own), reports for supervisors and admins, admin for admins.
     */
    public boolean grantableBy(CurrentUser owner) {
        return switch (this) {
            case TICKETS_READ, TICKETS_WRITE -> true;
            case INTAKE -> owner.has(Role.ADMIN) || owner.has(Role.SERVICE);
            case REPORTS_READ -> owner.has(Role.ADMIN) || owner.has(Role.SUPERVISOR);
            case ADMIN -> owner.has(Role.ADMIN);
        };
    }

    /** The catalogue key of the scope's label. */
    public String labelKey() {
        return "tokens.scope." + id.replace(':', '.');
    }
}
