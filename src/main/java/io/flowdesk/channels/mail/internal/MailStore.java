package io.flowdesk.channels.mail.internal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The mail-in tables (V29, V33) in the caller's session and transaction, by plain SQL. Tickets are only read here
 * (number, customer, state); every write to a ticket goes through {@code tickets}.
 */
public final class MailStore {

    private MailStore() {
    }

    /** An earlier record of the same message. */
    public record Known(long id, String outcome, String ticketNumber, boolean review, String detail) {
    }

    /** What threading and the reply rules read of a ticket. */
    public record TicketRow(long id, String number, String customerEmail, String engineState,
            OffsetDateTime resolvedAt, String title, OffsetDateTime createdAt, String channel) {
    }

    /** The same message by (mailbox, UIDVALIDITY, UID), Message-ID or content hash, whichever matches. */
    public static Uni<Known> known(String mailbox, Long uidValidity, Long uid, String messageId, String hash) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (mailbox != null && uidValidity != null && uid != null) {
            params.add(mailbox);
            params.add(uidValidity);
            params.add(uid);
            where.add("(mailbox = ?1 and uid_validity = ?2 and uid = ?3)");
        }
        if (messageId != null) {
            params.add(messageId);
            where.add("message_id = ?" + params.size());
        }
        params.add(hash);
        where.add("content_hash = ?" + params.size());
        return rows("select id, outcome, ticket_number, review, detail from mail_message where "
                + String.join(" or ", where) + " order by id limit 1", params.toArray())
                .map(rows -> rows.isEmpty() ? null : new Known(((Number) rows.get(0)[0]).longValue(),
                        (String) rows.get(0)[1], (String) rows.get(0)[2], (Boolean) rows.get(0)[3],
                        (String) rows.get(0)[4]));
    }

    /** Claims the message: the unique keys make a second import of it fail here, before anything else is written. */
    public static Uni<Long> claim(String mailbox, Long uidValidity, Long uid, String messageId, String hash,
            String sender, String subject, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into mail_message (mailbox, uid_validity, "
                + "uid, message_id, content_hash, sender, subject, outcome, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, "
                + "?7, 'pending', ?8) returning id", Long.class)
                .setParameter(1, mailbox).setParameter(2, uidValidity).setParameter(3, uid)
                .setParameter(4, messageId).setParameter(5, hash).setParameter(6, sender)
                .setParameter(7, subject).setParameter(8, at).getSingleResult());
    }

    public static Uni<Void> finish(long id, String outcome, Long ticketId, String number, boolean review,
            String detail) {
        return update("update mail_message set outcome = ?1, ticket_id = ?2, ticket_number = ?3, review = ?4, "
                + "detail = ?5 where id = ?6", outcome, ticketId, number, review, detail, id);
    }

    /** The message's own id and the ids it names now lead to this ticket. */
    public static Uni<Void> thread(long ticketId, List<String> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String id : ids) {
            chain = chain.chain(() -> update("insert into mail_thread_id (message_id, ticket_id, at) values (?1, ?2, "
                    + "?3) on conflict (message_id) do nothing", id, ticketId, io.flowdesk.shared.FlowClock.offsetNow()));
        }
        return chain;
    }

    /** The ticket's conversation in order: accepted incoming and FlowDesk's outgoing Message-IDs (V42). */
    public static Uni<List<io.flowdesk.channels.mail.ThreadIndex.Child>> conversation(long ticketId) {
        return rows("select message_id, at from mail_thread_id where ticket_id = ?1 order by seq", ticketId)
                .map(rows -> rows.stream().map(r -> new io.flowdesk.channels.mail.ThreadIndex.Child((String) r[0],
                        r[1] == null ? null : toOffset(r[1]).toInstant())).toList());
    }

    /** One of FlowDesk's mails about the ticket is now the conversation's newest message. */
    public static Uni<Void> outgoing(long ticketId, String messageId, OffsetDateTime at) {
        return update("insert into mail_thread_id (message_id, ticket_id, outgoing, at) values (?1, ?2, true, ?3) "
                + "on conflict (message_id) do nothing", messageId, ticketId, at);
    }

    /** The ticket the first of these Message-IDs (in their order) is known for. */
    public static Uni<Long> ticketOfMessageIds(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String marks = IntStream.rangeClosed(1, ids.size()).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
        return rows("select message_id, ticket_id from mail_thread_id where message_id in (" + marks + ")",
                ids.toArray()).map(rows -> {
                    Map<String, Long> found = rows.stream().collect(Collectors.toMap(r -> (String) r[0],
                            r -> ((Number) r[1]).longValue(), (a, b) -> a));
                    return ids.stream().filter(found::containsKey).map(found::get).findFirst().orElse(null);
                });
    }

    public static Uni<TicketRow> ticketByNumber(String number) {
        return ticket("t.number = ?1", number);
    }

    public static Uni<TicketRow> ticketById(long id) {
        return ticket("t.id = ?1", id);
    }

    private static Uni<TicketRow> ticket(String where, Object key) {
        return rows("select t.id, t.number, t.customer_email, t.engine_state, t.resolved_at, t.title, t.created_at, "
                + "t.channel from ticket t where " + where, key).map(rows -> rows.isEmpty() ? null
                        : new TicketRow(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1],
                                (String) rows.get(0)[2], (String) rows.get(0)[3], toOffset(rows.get(0)[4]),
                                (String) rows.get(0)[5], toOffset(rows.get(0)[6]), (String) rows.get(0)[7]));
    }

    /**
     * Whether this address belongs on the ticket: its customer, a watcher, or someone whose earlier mail on it was
     * accepted as a public message.
     */
    public static Uni<Boolean> onTicket(TicketRow ticket, String email) {
        if (ticket.customerEmail() != null && ticket.customerEmail().equalsIgnoreCase(email)) {
            return Uni.createFrom().item(true);
        }
        return rows("select 1 from mail_message where ticket_id = ?1 and lower(sender) = ?2 and not review "
                + "and outcome in ('created', 'replied', 'reopened', 'follow-up') union all select 1 from "
                + "ticket_watcher w join app_user u on u.username = w.username where w.ticket_id = ?1 "
                + "and lower(u.email) = ?2 union all select 1 from mail_watcher where ticket_id = ?1 and address = ?2 "
                + "limit 1", ticket.id(), email.toLowerCase()).map(r -> !r.isEmpty());
    }

    /** A CC'd address watches the ticket by mail (V42); once is enough. */
    public static Uni<Void> watch(long ticketId, String address, String name, OffsetDateTime at) {
        return update("insert into mail_watcher (ticket_id, address, name, added_at) values (?1, ?2, ?3, ?4) "
                + "on conflict do nothing", ticketId, address.toLowerCase(), name, at);
    }

    /** A ticket's mail watchers: address and name, in the order they came. */
    public static Uni<List<Object[]>> mailWatchers(long ticketId) {
        return rows("select address, name from mail_watcher where ticket_id = ?1 order by added_at, address",
                ticketId);
    }

    /** The language of those addresses that have an account (by e-mail), lower-cased address → locale. */
    public static Uni<Map<String, String>> locales(List<String> addresses) {
        if (addresses.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String marks = IntStream.rangeClosed(1, addresses.size()).mapToObj(i -> "?" + i)
                .collect(Collectors.joining(", "));
        return rows("select lower(email), locale from app_user where lower(email) in (" + marks + ")",
                addresses.toArray()).map(rows -> rows.stream().collect(Collectors.toMap(r -> (String) r[0],
                        r -> (String) r[1], (a, b) -> a)));
    }

    /** Every mailbox's address: FlowDesk never makes itself a watcher. */
    public static Uni<List<String>> ownAddresses() {
        return rows("select address from mail_mailbox where address is not null").map(r -> r.stream()
                .map(x -> (String) x[0]).toList());
    }

    /** Tickets this sender opened by mail since then (the throttle). */
    public static Uni<Long> createdSince(String sender, OffsetDateTime since) {
        return rows("select count(*) from mail_message where sender = ?1 and outcome in ('created', 'follow-up') "
                + "and received_at >= ?2", sender, since).map(r -> ((Number) r.get(0)[0]).longValue());
    }

    public static Uni<Void> unparsed(long mailId, byte[] raw, String error) {
        return update("insert into mail_unparsed (mail_id, raw, error) values (?1, ?2, ?3)", mailId, raw, error);
    }

    public static Uni<Void> undeliverable(String address, String reason, OffsetDateTime at) {
        return update("insert into mail_undeliverable (address, reason, marked_at) values (?1, ?2, ?3) "
                + "on conflict (address) do update set reason = excluded.reason, marked_at = excluded.marked_at",
                address, reason, at);
    }

    /** Writes pending entities (the ticket path's) before plain SQL that refers to them. */
    public static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }

    public static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            // a one-column result comes as plain values: every row is an array here
            return query.getResultList().map(list -> list.stream()
                    .map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList());
        });
    }

    public static Uni<Void> update(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    public static OffsetDateTime toOffset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
