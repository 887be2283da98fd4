package io.flowdesk.reports.board;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.reports.ReportService;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.SqlTime;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Read-only wall-board links for a TV without a session (ADR 0036): a random token (256 bits, shown once; only its
 * SHA-256 is stored) that shows one board with its creator's rights, re-checked at every read, until it is revoked.
 */
@ApplicationScoped
public class BoardTokens {

    public static final String PATH = "board/tv/";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    BoardService boards;

    @Inject
    IdentityService identity;

    @Inject
    AuditLog audit;

    /** A link as listed (never the token itself). */
    public record Link(long id, String label, String department, String createdBy, Instant createdAt,
            Instant revokedAt) {
    }

    /** A new link: the only time the token is seen. */
    public record Created(long id, String label, String department, String token, String path) {
    }

    public Uni<Created> create(CurrentUser user, String department, String label) {
        ReportService.check(user);
        String dep = department == null || department.isBlank() ? null : department.strip();
        String name = label == null || label.isBlank() ? "TV" : label.strip();
        if (name.length() > 200) {
            return Uni.createFrom().failure(InvalidInput.of("/label", Text.of("reports.board.error.label",
                    Text.of("reports.board.label")), "max-length"));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // the department is checked the way the board checks it (422 naming the field)
        return boards.board(user, dep, Locale.ENGLISH).chain(ignored -> Panache.withTransaction(() -> Panache
                .getSession().chain(s -> s.createNativeQuery("insert into report_board_token (token_hash, department,"
                        + " label, created_by, created_at) values (?1, ?2, ?3, ?4, ?5) returning id", Long.class)
                        .setParameter(1, hash(token)).setParameter(2, dep).setParameter(3, name)
                        .setParameter(4, user.username()).setParameter(5, FlowClock.offsetNow()).getSingleResult())
                .call(id -> audit.record(user.username(), "reports.board.link.create", "report_board_token",
                        String.valueOf(id), Map.of("label", name, "department", dep == null ? "" : dep)))))
                .map(id -> new Created(id, name, dep, token, "/" + PATH + token));
    }

    public Uni<List<Link>> list(CurrentUser user) {
        ReportService.check(user);
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("select id, label, "
                + "department, created_by, created_at, revoked_at from report_board_token order by id", Object[].class)
                .getResultList())).map(rows -> rows.stream().map(r -> new Link(((Number) r[0]).longValue(),
                        (String) r[1], (String) r[2], (String) r[3], SqlTime.instant(r[4]), SqlTime.instantOrNull(
                                r[5]))).toList());
    }

    public Uni<Void> revoke(CurrentUser user, long id) {
        ReportService.check(user);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("update "
                + "report_board_token set revoked_at = coalesce(revoked_at, ?1) where id = ?2")
                .setParameter(1, FlowClock.offsetNow()).setParameter(2, id).executeUpdate())
                .chain(n -> n == 0 ? Uni.createFrom().failure(new NotFound(Text.of("reports.board.error.link")))
                        : audit.record(user.username(), "reports.board.link.revoke", "report_board_token",
                                String.valueOf(id), Map.of())));
    }

    /**
     * The board a link shows, read with its creator's rights; an unknown or revoked token, or a creator who may no
     * longer read reports, is a 404 (nothing tells a guesser which).
     */
    public Uni<WallBoard> board(String token, Locale locale) {
        if (token == null || token.length() > 100) {
            return Uni.createFrom().failure(new NotFound(Text.of("reports.board.error.link")));
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("select created_by, "
                + "department from report_board_token where token_hash = ?1 and revoked_at is null", Object[].class)
                .setParameter(1, hash(token)).getResultList()))
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().failure(new NotFound(Text.of("reports.board.error.link")));
                    }
                    String department = (String) rows.get(0)[1];
                    return Panache.withSession(() -> identity.findByUsername((String) rows.get(0)[0]))
                            .chain(owner -> owner.isEmpty() || !BoardService.mayRead(owner.get())
                                    ? Uni.createFrom().failure(new NotFound(Text.of("reports.board.error.link")))
                                    : boards.board(owner.get(), department, locale));
                });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
