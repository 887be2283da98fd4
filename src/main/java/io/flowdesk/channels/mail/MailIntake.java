package io.flowdesk.channels.mail;

import io.flowdesk.channels.mail.internal.MailImporter;
import io.flowdesk.channels.mail.internal.Mailboxes;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.notify.SecretSeal;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mail in's public face (ADR 0042): a raw message handed over by a mail server ({@code POST /api/intake/mail},
 * {@code bin/flowdesk mail-pipe}) imports exactly as a fetched one; admins configure the mailboxes (the IMAP
 * password is sealed with the secrets key and never shown again).
 */
@ApplicationScoped
public class MailIntake {

    /** Larger messages are refused before parsing (attachments have their own, smaller limit). */
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @Inject
    MailImporter importer;

    @Inject
    SecretSeal seal;

    public record MailboxRequest(String address, String template, String department, String host, Integer port,
            Boolean tls, String username, String password, String folder, String processedFolder,
            Integer pollSeconds, Boolean enabled) {
    }

    /** A mailbox as admins read it: the password only as "set". */
    public record MailboxView(String key, String address, String template, String department, String host,
            Integer port, boolean tls, String username, boolean passwordSet, String folder, String processedFolder,
            int pollSeconds, boolean enabled, Long uidValidity, long lastUid, String lastError,
            OffsetDateTime lastPolledAt) {
    }

    public Uni<MailImport> handOver(CurrentUser user, String mailbox, byte[] raw) {
        if (!user.has(Role.ADMIN) && !user.has(Role.INTAKE)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("mail.error.forbidden")));
        }
        if (mailbox == null || mailbox.isBlank()) {
            return Uni.createFrom().failure(InvalidInput.of("mailbox", Text.of("mail.error.mailboxRequired"),
                    "required"));
        }
        if (raw == null || raw.length == 0) {
            return Uni.createFrom().failure(InvalidInput.of("/body", Text.of("mail.error.empty"), "required"));
        }
        if (raw.length > MAX_BYTES) {
            return Uni.createFrom().failure(InvalidInput.of("/body", Text.of("mail.error.tooLarge",
                    MAX_BYTES / 1024 / 1024), "max-size"));
        }
        return importer.importMessage(mailbox.strip(), raw, null, null);
    }

    public Uni<List<MailboxView>> mailboxes(CurrentUser user) {
        return admin(user).chain(() -> Panache.withSession(Mailboxes::all))
                .map(list -> list.stream().map(MailIntake::view).toList());
    }

    public Uni<MailboxView> saveMailbox(CurrentUser user, String key, MailboxRequest r) {
        return admin(user).chain(() -> {
            List<FieldError> errors = new ArrayList<>();
            if (key == null || !KEY.matcher(key).matches()) {
                errors.add(FieldError.of("key", Text.of("mail.error.key"), "pattern"));
            }
            if (r == null) {
                errors.add(FieldError.of("", Text.of("mail.error.body"), "required"));
                return Uni.createFrom().failure(new InvalidInput(Text.of("mail.error.invalid"), errors));
            }
            if (r.address() == null || !r.address().strip().matches("[^\\s@<>,;]+@[^\\s@<>,;]+\\.[^\\s@<>,;]+")) {
                errors.add(FieldError.of("/address", Text.of("mail.error.address"), "required"));
            }
            boolean imap = r.host() != null && !r.host().isBlank();
            if (imap && (r.port() == null || r.port() < 1 || r.port() > 65535)) {
                errors.add(FieldError.of("/port", Text.of("mail.error.port"), "range"));
            }
            if (imap && (r.username() == null || r.username().isBlank())) {
                errors.add(FieldError.of("/username", Text.of("mail.error.username"), "required"));
            }
            int poll = r.pollSeconds() == null ? 60 : r.pollSeconds();
            if (poll < 5 || poll > 86_400) {
                errors.add(FieldError.of("/pollSeconds", Text.of("mail.error.poll"), "range"));
            }
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new InvalidInput(Text.of("mail.error.invalid"), errors));
            }
            String sealed = r.password() == null || r.password().isEmpty() ? null : seal.seal(r.password());
            var box = new Mailboxes.Mailbox(key, blank(r.address()), r.template() == null || r.template().isBlank()
                    ? "general-inquiry" : r.template().strip(), blank(r.department()), imap ? r.host().strip() : null,
                    r.port(), r.tls() == null || r.tls(), blank(r.username()), sealed,
                    r.folder() == null || r.folder().isBlank() ? "INBOX" : r.folder().strip(),
                    blank(r.processedFolder()), poll, r.enabled() == null || r.enabled(), null, 0, null, null);
            return Panache.withTransaction(() -> Mailboxes.save(box, FlowClock.offsetNow()))
                    .chain(() -> Panache.withSession(() -> Mailboxes.find(key))).map(MailIntake::view);
        });
    }

    /** A message that could not be read, as admins list it (the raw bytes only by download). */
    public record UnparsedView(long id, String mailbox, String sender, String subject, String error,
            OffsetDateTime receivedAt, int size) {
    }

    /** The unparsed list: newest first, dismissed ones left out. */
    public Uni<List<UnparsedView>> unparsed(CurrentUser user) {
        return admin(user).chain(() -> Panache.withSession(() -> io.flowdesk.channels.mail.internal.MailStore.rows(
                "select m.id, m.mailbox, m.sender, m.subject, u.error, m.received_at, length(u.raw) from mail_unparsed u "
                        + "join mail_message m on m.id = u.mail_id where u.dismissed_at is null "
                        + "order by m.received_at desc, m.id desc limit 500")))
                .map(rows -> rows.stream().map(r -> new UnparsedView(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2], (String) r[3], (String) r[4],
                        io.flowdesk.channels.mail.internal.MailStore.toOffset(r[5]), ((Number) r[6]).intValue()))
                        .toList());
    }

    /** The raw message as it came, for download. */
    public Uni<byte[]> unparsedRaw(CurrentUser user, long id) {
        return admin(user).chain(() -> Panache.withSession(() -> io.flowdesk.channels.mail.internal.MailStore.rows(
                "select raw from mail_unparsed where mail_id = ?1", id))).map(rows -> {
                    if (rows.isEmpty()) {
                        throw new io.flowdesk.shared.NotFound(Text.of("mail.error.unparsedMissing", id));
                    }
                    return (byte[]) rows.get(0)[0];
                });
    }

    /** Reads the message again (after a parser fix, say): a ticket or reply now, or it stays on the list. */
    public Uni<MailImport> retry(CurrentUser user, long id) {
        return admin(user).chain(() -> importer.retry(id)).onItem().ifNull().failWith(() ->
                new io.flowdesk.shared.NotFound(Text.of("mail.error.unparsedMissing", id)));
    }

    /** Hides the entry from the list (the raw message is kept). */
    public Uni<Void> dismiss(CurrentUser user, long id) {
        return admin(user).chain(() -> Panache.withTransaction(() -> io.flowdesk.channels.mail.internal.MailStore
                .rows("update mail_unparsed set dismissed_at = ?1 where mail_id = ?2 returning mail_id",
                        FlowClock.offsetNow(), id))).map(rows -> {
                            if (rows.isEmpty()) {
                                throw new io.flowdesk.shared.NotFound(Text.of("mail.error.unparsedMissing", id));
                            }
                            return null;
                        });
    }

    private static Uni<Void> admin(CurrentUser user) {
        return user.has(Role.ADMIN) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new Forbidden(Text.of("mail.error.forbidden")));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static MailboxView view(Mailboxes.Mailbox m) {
        return new MailboxView(m.key(), m.address(), m.templateKey(), m.department(), m.host(), m.port(), m.tls(),
                m.username(), m.passwordSealed() != null, m.folder(), m.processedFolder(), m.pollSeconds(),
                m.enabled(), m.uidValidity(), m.lastUid(), plainError(m.lastError()), m.lastPolledAt());
    }

    /** The poller's error without Java class names (admins read what the server said). */
    static String plainError(String error) {
        return error == null ? null : error.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)?:\\s*",
                "").strip();
    }
}
