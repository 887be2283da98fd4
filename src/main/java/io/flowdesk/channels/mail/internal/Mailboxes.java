package io.flowdesk.channels.mail.internal;

import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.List;

/** The {@code mail_mailbox} rows (V33) in the caller's session. The sealed password never leaves this package. */
public final class Mailboxes {

    private Mailboxes() {
    }

    /** One mailbox; {@code host} null for a mailbox that only takes mail handed over (pipe, REST). */
    public record Mailbox(String key, String address, String templateKey, String department, String host,
            Integer port, boolean tls, String username, String passwordSealed, String folder, String processedFolder,
            int pollSeconds, boolean enabled, Long uidValidity, long lastUid, String lastError,
            OffsetDateTime lastPolledAt) {

        public boolean fetched() {
            return host != null && !host.isBlank() && enabled;
        }
    }

    private static final String COLUMNS = "key, address, template_key, department, host, port, tls, username, "
            + "password_sealed, folder, processed_folder, poll_seconds, enabled, uid_validity, last_uid, last_error, "
            + "last_polled_at";

    public static Uni<Mailbox> find(String key) {
        return MailStore.rows("select " + COLUMNS + " from mail_mailbox where key = ?1", key)
                .map(rows -> rows.isEmpty() ? null : of(rows.get(0)));
    }

    public static Uni<List<Mailbox>> all() {
        return MailStore.rows("select " + COLUMNS + " from mail_mailbox order by key")
                .map(rows -> rows.stream().map(Mailboxes::of).toList());
    }

    /** Creates or updates a mailbox; a null {@code passwordSealed} keeps the stored one. */
    public static Uni<Void> save(Mailbox m, OffsetDateTime now) {
        return MailStore.update("insert into mail_mailbox (key, address, template_key, department, host, port, tls, "
                + "username, password_sealed, folder, processed_folder, poll_seconds, enabled, updated_at) values (?1, "
                + "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) on conflict (key) do update set address = "
                + "excluded.address, template_key = excluded.template_key, department = excluded.department, host = "
                + "excluded.host, port = excluded.port, tls = excluded.tls, username = excluded.username, "
                + "password_sealed = coalesce(excluded.password_sealed, mail_mailbox.password_sealed), folder = "
                + "excluded.folder, processed_folder = excluded.processed_folder, poll_seconds = excluded.poll_seconds, "
                + "enabled = excluded.enabled, updated_at = excluded.updated_at", m.key(), m.address(),
                m.templateKey(), m.department(), m.host(), m.port(), m.tls(), m.username(), m.passwordSealed(),
                m.folder(), m.processedFolder(), m.pollSeconds(), m.enabled(), now);
    }

    /**
     * Moves the watermark forward only (a late, slower import of a lower UID never moves it back); a new
     * UIDVALIDITY starts over.
     */
    public static Uni<Void> watermark(String key, long uidValidity, long uid) {
        return MailStore.update("update mail_mailbox set last_uid = case when uid_validity is distinct from ?2 then ?3 "
                + "else greatest(last_uid, ?3) end, uid_validity = ?2 where key = ?1", key, uidValidity, uid);
    }

    public static Uni<Void> polled(String key, String error, OffsetDateTime at) {
        return MailStore.update("update mail_mailbox set last_error = ?2, last_polled_at = ?3 where key = ?1", key,
                error, at);
    }

    private static Mailbox of(Object[] r) {
        return new Mailbox((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                r[5] == null ? null : ((Number) r[5]).intValue(), (Boolean) r[6], (String) r[7], (String) r[8],
                (String) r[9], (String) r[10], ((Number) r[11]).intValue(), (Boolean) r[12],
                r[13] == null ? null : ((Number) r[13]).longValue(), ((Number) r[14]).longValue(), (String) r[15],
                MailStore.toOffset(r[16]));
    }
}
