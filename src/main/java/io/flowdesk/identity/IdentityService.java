package io.flowdesk.identity;

import io.flowdesk.identity.internal.DepartmentEntity;
import io.flowdesk.identity.internal.UserEntity;
import io.flowdesk.shared.Text;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Users, roles and departments. Passwords are stored as bcrypt hashes. */
@ApplicationScoped
public class IdentityService {

    @WithSession
    public Uni<Optional<CurrentUser>> findByUsername(String username) {
        return UserEntity.<UserEntity>find("username", username).firstResult()
                .map(user -> Optional.ofNullable(user).filter(u -> u.enabled).map(IdentityService::toCurrentUser));
    }

    /** Returns the user when the password matches. bcrypt runs on the caller's thread: call it off the event loop. */
    public static boolean passwordMatches(String password, String hash) {
        return password != null && hash != null && BcryptUtil.matches(password, hash);
    }

    /**
     * The credentials of the user signing in as {@code login}: a user name, or else an e-mail address that exactly
     * one enabled account has (so customers can sign in with either).
     */
    @WithSession
    public Uni<Optional<StoredCredentials>> credentials(String login) {
        return UserEntity.<UserEntity>find("username", login).firstResult().chain(user -> {
            if (user != null || login == null || !login.contains("@")) {
                return Uni.createFrom().item(user);
            }
            return UserEntity.<UserEntity>list("lower(email) = ?1 and enabled = true", login.strip().toLowerCase())
                    .map(list -> list.size() == 1 ? list.get(0) : null);
        }).map(user -> Optional.ofNullable(user).filter(u -> u.enabled)
                .map(u -> new StoredCredentials(toCurrentUser(u), u.passwordHash)));
    }

    /** The id of the customer account with this e-mail, or null. */
    @WithSession
    public Uni<Long> customerIdByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return UserEntity.<UserEntity>find("lower(email) = ?1 and roles = 'customer'", email.toLowerCase())
                .firstResult().map(u -> u == null ? null : u.id);
    }

    /** The language tag a user chose (zh-CN or en), or null when there is no such user. */
    @WithSession
    public Uni<String> localeOf(long userId) {
        return UserEntity.<UserEntity>findById(userId).map(u -> u == null ? null : u.locale);
    }

    /** Users whose names were mentioned, that exist and are enabled. */
    @WithSession
    public Uni<List<CurrentUser>> existing(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return UserEntity.<UserEntity>list("username in ?1 and enabled = true", List.copyOf(usernames))
                .map(list -> list.stream().map(IdentityService::toCurrentUser).toList());
    }

    /** Every enabled user who can work tasks (for transfer pickers): staff, agents, supervisors, partners. */
    @WithSession
    public Uni<List<CurrentUser>> workers() {
        return UserEntity.<UserEntity>list("enabled = true and roles not like '%customer%' order by username")
                .map(list -> list.stream().map(IdentityService::toCurrentUser)
                        .filter(u -> !u.has(Role.SERVICE))
                        .filter(u -> u.has(Role.STAFF) || u.has(Role.AGENT) || u.has(Role.SUPERVISOR)
                                || u.has(Role.PARTNER))
                        .toList());
    }

    /**
     * Creates a customer account (user name = e-mail). A guest account has a random password and is reached
     * through one-time codes. An existing account with that e-mail is a {@link io.flowdesk.shared.Conflict}
     * unless {@code reuse} is set, in which case it is returned.
     */
    @io.quarkus.hibernate.reactive.panache.common.WithTransaction
    public Uni<CurrentUser> createCustomer(String email, String name, String phone, String passwordHash, boolean guest,
            boolean reuse) {
        String username = email.strip().toLowerCase();
        return UserEntity.<UserEntity>find("username = ?1", username).firstResult().chain(existing -> {
            if (existing != null) {
                if (reuse && existing.enabled && existing.roles.equals(Role.CUSTOMER)) {
                    return Uni.createFrom().item(toCurrentUser(existing));
                }
                return Uni.createFrom().failure(new io.flowdesk.shared.Conflict(
                        Text.of("identity.error.accountExists")));
            }
            UserEntity user = new UserEntity();
            user.username = username;
            user.email = username;
            user.displayName = name == null || name.isBlank() ? username : name.strip();
            user.phone = phone == null || phone.isBlank() ? null : phone.strip();
            user.roles = Role.CUSTOMER;
            user.locale = "zh-CN";
            user.passwordHash = passwordHash;
            user.guest = guest;
            return user.persist().map(saved -> toCurrentUser(user));
        });
    }

    /** An enabled user by id (API tokens re-read their owner on every request, so a change of role counts at once). */
    @WithSession
    public Uni<Optional<CurrentUser>> findById(long id) {
        return UserEntity.<UserEntity>findById(id)
                .map(user -> Optional.ofNullable(user).filter(u -> u.enabled).map(IdentityService::toCurrentUser));
    }

    /** Service accounts (role {@link Role#SERVICE}), by user name. */
    @WithSession
    public Uni<List<CurrentUser>> serviceAccounts() {
        return UserEntity.<UserEntity>list("roles like ?1 order by username", "%" + Role.SERVICE + "%")
                .map(list -> list.stream().map(IdentityService::toCurrentUser).filter(u -> u.has(Role.SERVICE))
                        .toList());
    }

    /**
     * Creates a service account: a user without a password (so without basic auth or sign-in) whose roles are
     * {@link Role#SERVICE} plus the given ones. A taken user name is a {@link io.flowdesk.shared.Conflict}.
     */
    @io.quarkus.hibernate.reactive.panache.common.WithTransaction
    public Uni<CurrentUser> createServiceAccount(String username, String displayName, java.util.Collection<String> roles) {
        return UserEntity.<UserEntity>find("username = ?1", username).firstResult().chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new io.flowdesk.shared.Conflict(
                        Text.of("identity.error.accountExists")));
            }
            UserEntity user = new UserEntity();
            user.username = username;
            user.displayName = displayName;
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
            all.add(Role.SERVICE);
            all.addAll(roles);
            user.roles = String.join(",", all);
            user.locale = "en";
            user.passwordHash = null;
            return user.persist().map(saved -> toCurrentUser(user));
        });
    }

    @WithSession
    public Uni<List<Department>> departments() {
        return DepartmentEntity.<DepartmentEntity>listAll()
                .map(list -> list.stream().map(d -> new Department(d.key, d.nameZh, d.nameEn)).toList());
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    static CurrentUser toCurrentUser(UserEntity user) {
        Set<String> roles = Arrays.stream(user.roles.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new CurrentUser(user.id, user.username, user.displayName, user.email, user.phone, roles,
                Set.copyOf(user.departments), user.locale);
    }

    /** A user and the hash to check a password against. */
    public record StoredCredentials(CurrentUser user, String passwordHash) {
    }
}
