package io.flowdesk.identity;

import io.flowdesk.identity.internal.DepartmentEntity;
import io.flowdesk.identity.internal.UserEntity;
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

    @WithSession
    public Uni<Optional<StoredCredentials>> credentials(String username) {
        return UserEntity.<UserEntity>find("username", username).firstResult()
                .map(user -> Optional.ofNullable(user).filter(u -> u.enabled)
                        .map(u -> new StoredCredentials(toCurrentUser(u), u.passwordHash)));
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
