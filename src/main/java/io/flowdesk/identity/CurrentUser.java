package io.flowdesk.identity;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;

/**
 * Who is calling: what every service receives to check role and object.
 *
 * @param id user id in {@code app_user}
 * @param username login name
 * @param displayName shown in views and on the timeline
 * @param roles see {@link Role}
 * @param departments department keys, which are the Flowable candidate groups the user works for
 */
public record CurrentUser(long id, String username, String displayName, String email, String phone,
        Set<String> roles, Set<String> departments, String locale) {

    public static final String ATTRIBUTE = "flowdesk.user";

    /** The same user speaking another language (the UI's current one). */
    public CurrentUser withLocale(String languageTag) {
        return new CurrentUser(id, username, displayName, email, phone, roles, departments, languageTag);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isCustomer() {
        return roles.contains(Role.CUSTOMER) && roles.size() == 1;
    }

    /** Agents, supervisors and admins work on any ticket; staff only through their departments. */
    public boolean seesAllTickets() {
        return has(Role.ADMIN) || has(Role.SUPERVISOR) || has(Role.AGENT);
    }

    /** A partner who is not also an internal role: sees masked personal data. */
    public boolean isPartner() {
        return roles.contains(Role.PARTNER) && !seesAllTickets() && !roles.contains(Role.STAFF);
    }

    public boolean inDepartment(String department) {
        return department != null && departments.contains(department);
    }

    public static CurrentUser of(SecurityIdentity identity) {
        CurrentUser user = identity.getAttribute(ATTRIBUTE);
        if (user == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return user;
    }
}
