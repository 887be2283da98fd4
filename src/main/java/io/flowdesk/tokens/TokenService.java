package io.flowdesk.tokens;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.tokens.internal.ApiTokenEntity;
import io.flowdesk.tokens.internal.TokenSecrets;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Personal access tokens and service accounts (ADR 0050): create (the secret is answered once, only its hash is
 * kept), list, revoke. Everyone signed in manages their own tokens; admins manage service accounts and their tokens
 * and may revoke anyone's. Creating and revoking are audited.
 */
@ApplicationScoped
public class TokenService {

    /** Roles an admin may give a service account besides {@code service}. */
    public static final List<String> SERVICE_ROLES = List.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);

    static final int MAX_NAME = 100;
    static final int MAX_DAYS = 3660;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    @Inject
    IdentityService identity;

    @Inject
    AuditLog audit;

    @Inject
    TokensConfig config;

    /** The scopes this user may put on a token of their own. */
    public List<TokenScope> grantable(CurrentUser owner) {
        return Arrays.stream(TokenScope.values()).filter(s -> s.grantableBy(owner)).toList();
    }

    /** The scopes a service account may be given: those its roles reach. */
    public List<TokenScope> grantable(ServiceAccount account) {
        Set<String> roles = new LinkedHashSet<>(account.roles());
        roles.add(Role.SERVICE);
        return grantable(new CurrentUser(0, account.username(), account.displayName(), null, null, Set.copyOf(roles),
                Set.of(), null));
    }

    public int maxRatePerMinute() {
        return config.requestsPerMinute();
    }

    @WithSession
    public Uni<List<TokenView>> mine(CurrentUser user) {
        return ApiTokenEntity.<ApiTokenEntity>list("userId = ?1 order by id desc", user.id())
                .map(list -> list.stream().map(e -> view(e, user.username(), user.has(Role.SERVICE))).toList());
    }

    @WithTransaction
    public Uni<CreatedToken> createMine(CurrentUser user, CreateTokenRequest request) {
        return create(user, owner(user), request);
    }

    @WithTransaction
    public Uni<Void> revokeMine(CurrentUser user, String id) {
        return ApiTokenEntity.<ApiTokenEntity>find("publicId = ?1 and userId = ?2", id, user.id()).firstResult()
                .chain(token -> token == null ? Uni.createFrom().failure(notFound()) : revoke(user, token));
    }

    /** Every token (admins): newest first. */
    @WithSession
    public Uni<List<TokenView>> all(CurrentUser admin) {
        return requireAdmin(admin).chain(() -> ApiTokenEntity.<ApiTokenEntity>list("order by id desc"))
                .chain(this::views);
    }

    @WithTransaction
    public Uni<Void> revokeAny(CurrentUser admin, String id) {
        return requireAdmin(admin).chain(() -> ApiTokenEntity.<ApiTokenEntity>find("publicId", id).firstResult())
                .chain(found -> {
                    ApiTokenEntity token = (ApiTokenEntity) found;
                    return token == null ? Uni.createFrom().<Void>failure(notFound()) : revoke(admin, token);
                });
    }

    public Uni<List<ServiceAccount>> serviceAccounts(CurrentUser admin) {
        return requireAdmin(admin).chain(() -> identity.serviceAccounts()).chain(accounts -> activeCounts()
                .map(counts -> accounts.stream().map(a -> new ServiceAccount(a.username(), a.displayName(),
                        a.roles().stream().filter(r -> !r.equals(Role.SERVICE)).sorted().toList(),
                        counts.getOrDefault(a.id(), 0L).intValue())).toList()));
    }

    public Uni<ServiceAccount> createServiceAccount(CurrentUser admin, ServiceAccount.Create request) {
        return requireAdmin(admin).chain(() -> {
            List<FieldError> errors = new ArrayList<>();
            String username = request == null || request.username() == null ? "" : request.username().strip();
            if (!USERNAME.matcher(username).matches()) {
                errors.add(FieldError.of("/username", Text.of("tokens.error.username"), "pattern"));
            }
            String displayName = request == null || request.displayName() == null || request.displayName().isBlank()
                    ? username : request.displayName().strip();
            if (displayName.length() > 200) {
                errors.add(FieldError.of("/displayName", Text.of("tokens.error.displayName"), "maxLength"));
            }
            List<String> roles = request == null || request.roles() == null ? List.of() : request.roles();
            for (String role : roles) {
                if (!SERVICE_ROLES.contains(role)) {
                    errors.add(FieldError.of("/roles", Text.of("tokens.error.role", String.valueOf(role)), "enum"));
                }
            }
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new InvalidInput(Text.of("tokens.error.invalid"), errors));
            }
            return identity.createServiceAccount(username, displayName, new LinkedHashSet<>(roles))
                    .onFailure(Conflict.class).transform(e -> new Conflict(Text.of("tokens.error.usernameTaken",
                            username)))
                    .call(created -> recordServiceAccount(admin, created))
                    .map(created -> new ServiceAccount(created.username(), created.displayName(),
                            roles.stream().distinct().sorted().toList(), 0));
        });
    }

    private Uni<Void> recordServiceAccount(CurrentUser admin, CurrentUser created) {
        return io.quarkus.hibernate.reactive.panache.Panache.withTransaction(() -> audit.record(admin.username(), "SERVICE_ACCOUNT_CREATED", "app_user", created.username(),
                Map.of("roles", created.roles().stream().sorted().toList())));
    }

    @WithSession
    public Uni<List<TokenView>> serviceAccountTokens(CurrentUser admin, String username) {
        return requireAdmin(admin).chain(() -> serviceAccount(username)).chain(account -> ApiTokenEntity
                .<ApiTokenEntity>list("userId = ?1 order by id desc", account.id())
                .map(list -> list.stream().map(e -> view(e, account.username(), true)).toList()));
    }

    @WithTransaction
    public Uni<CreatedToken> createForServiceAccount(CurrentUser admin, String username, CreateTokenRequest request) {
        return requireAdmin(admin).chain(() -> serviceAccount(username))
                .chain(account -> create(admin, account, request));
    }

    // ---- steps ----

    private Uni<CreatedToken> create(CurrentUser actor, CurrentUser owner, CreateTokenRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(FieldError.of("/name", Text.of("tokens.error.name", MAX_NAME), "required"));
        }
        Set<TokenScope> scopes = new LinkedHashSet<>();
        List<String> asked = request == null || request.scopes() == null ? List.of() : request.scopes();
        for (String id : asked) {
            Optional<TokenScope> scope = TokenScope.of(id);
            if (scope.isEmpty()) {
                errors.add(FieldError.of("/scopes", Text.of("tokens.error.scopeUnknown", String.valueOf(id)), "enum"));
            } else {
                scopes.add(scope.get());
            }
        }
        if (asked.isEmpty()) {
            errors.add(FieldError.of("/scopes", Text.of("tokens.error.scopes"), "required"));
        }
        OffsetDateTime now = FlowClock.offsetNow();
        OffsetDateTime expires = null;
        if (request != null && request.expiresAt() != null) {
            expires = request.expiresAt().withOffsetSameInstant(ZoneOffset.UTC);
            if (!expires.isAfter(now) || expires.isAfter(now.plusDays(MAX_DAYS))) {
                errors.add(FieldError.of("/expiresAt", Text.of("tokens.error.expires", MAX_DAYS), "range"));
            }
        } else if (request != null && request.expiresInDays() != null) {
            if (request.expiresInDays() < 1 || request.expiresInDays() > MAX_DAYS) {
                errors.add(FieldError.of("/expiresInDays", Text.of("tokens.error.expires", MAX_DAYS), "range"));
            } else {
                expires = now.plusDays(request.expiresInDays());
            }
        }
        Integer rate = request == null ? null : request.ratePerMinute();
        if (rate != null && (rate < 1 || rate > config.requestsPerMinute())) {
            errors.add(FieldError.of("/ratePerMinute", Text.of("tokens.error.rate", config.requestsPerMinute()),
                    "range"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("tokens.error.invalid"), errors));
        }
        for (TokenScope scope : scopes) {
            if (!scope.grantableBy(owner)) {
                return Uni.createFrom().failure(new Forbidden(Text.of("tokens.error.beyondRole", scope.id())));
            }
        }
        OffsetDateTime expiresAt = expires;
        return ApiTokenEntity.count("userId = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)",
                owner.id(), now).chain(live -> {
                    if (live >= config.maxPerUser()) {
                        return Uni.createFrom().failure(new Conflict(Text.of("tokens.error.tooMany",
                                config.maxPerUser())));
                    }
                    TokenSecrets.Minted minted = TokenSecrets.mint();
                    ApiTokenEntity token = new ApiTokenEntity();
                    token.publicId = minted.publicId();
                    token.userId = owner.id();
                    token.name = name;
                    token.secretHash = minted.hash();
                    token.scopes = String.join(",", scopes.stream().map(TokenScope::id).toList());
                    token.ratePerMinute = rate;
                    token.createdBy = actor.username();
                    token.createdAt = now;
                    token.expiresAt = expiresAt;
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("name", name);
                    details.put("owner", owner.username());
                    details.put("scopes", scopes.stream().map(TokenScope::id).toList());
                    details.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
                    return token.persist().chain(() -> audit.record(actor.username(), "TOKEN_CREATED", "api_token",
                            minted.publicId(), details)).map(v -> new CreatedToken(minted.token(),
                                    view(token, owner.username(), owner.has(Role.SERVICE))));
                });
    }

    private Uni<Void> revoke(CurrentUser actor, ApiTokenEntity token) {
        if (token.revokedAt != null) {
            return Uni.createFrom().voidItem();
        }
        token.revokedAt = FlowClock.offsetNow();
        token.revokedBy = actor.username();
        return token.persist().chain(() -> audit.record(actor.username(), "TOKEN_REVOKED", "api_token",
                token.publicId, Map.of("name", token.name)));
    }

    /** The owner as stored, without the roles a token request carries only for its duration. */
    private static CurrentUser owner(CurrentUser user) {
        if (!user.has(Role.INTAKE)) {
            return user;
        }
        Set<String> roles = new LinkedHashSet<>(user.roles());
        roles.remove(Role.INTAKE);
        return new CurrentUser(user.id(), user.username(), user.displayName(), user.email(), user.phone(),
                Set.copyOf(roles), user.departments(), user.locale());
    }

    private Uni<CurrentUser> serviceAccount(String username) {
        return identity.findByUsername(username).chain(found -> found.filter(u -> u.has(Role.SERVICE))
                .map(u -> Uni.createFrom().item(u))
                .orElseGet(() -> Uni.createFrom().failure(new NotFound(Text.of("tokens.error.noServiceAccount",
                        String.valueOf(username))))));
    }

    private Uni<List<TokenView>> views(List<ApiTokenEntity> tokens) {
        if (tokens.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session
                .createNativeQuery("select id, username, roles from app_user where id in (:ids)", Object[].class)
                .setParameter("ids", tokens.stream().map(t -> t.userId).distinct().toList()).getResultList())
                .map(rows -> {
                    Map<Long, Object[]> users = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        users.put(((Number) r[0]).longValue(), r);
                    }
                    return tokens.stream().map(t -> {
                        Object[] u = users.get(t.userId);
                        String roles = u == null ? "" : String.valueOf(u[2]);
                        return view(t, u == null ? "?" : String.valueOf(u[1]),
                                Arrays.asList(roles.split(",")).contains(Role.SERVICE));
                    }).toList();
                });
    }

    private Uni<Map<Long, Long>> activeCounts() {
        OffsetDateTime now = FlowClock.offsetNow();
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> ApiTokenEntity
                .<ApiTokenEntity>list("revokedAt is null and (expiresAt is null or expiresAt > ?1)", now)
                .map(list -> {
                    Map<Long, Long> counts = new LinkedHashMap<>();
                    list.forEach(t -> counts.merge(t.userId, 1L, Long::sum));
                    return counts;
                }));
    }

    private static TokenView view(ApiTokenEntity t, String owner, boolean serviceAccount) {
        OffsetDateTime now = FlowClock.offsetNow();
        String status = t.revokedAt != null ? "revoked"
                : t.expiresAt != null && !t.expiresAt.isAfter(now) ? "expired" : "active";
        return new TokenView(t.publicId, TokenSecrets.PREFIX + t.publicId, t.name, owner, serviceAccount,
                Arrays.asList(t.scopes.split(",")), t.ratePerMinute, t.createdBy, t.createdAt, t.expiresAt,
                t.revokedAt, t.revokedBy, t.lastUsedAt, t.lastUsedAddress, status);
    }

    private static Uni<Void> requireAdmin(CurrentUser user) {
        return user.has(Role.ADMIN) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new Forbidden(Text.of("tokens.error.forbidden")));
    }

    private static NotFound notFound() {
        return new NotFound(Text.of("tokens.error.notFound"));
    }
}
