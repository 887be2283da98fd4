package io.flowdesk.channels.mail.internal;

import io.flowdesk.channels.mail.MailImport;
import io.flowdesk.channels.mail.MailParser;
import io.flowdesk.channels.mail.ParsedMail;
import io.flowdesk.channels.mail.ReplyToken;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.CreateTicketRequest;
import io.flowdesk.tickets.Customer;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Imports one raw message for a mailbox in one transaction (ADR 0042): the {@code mail_message} row is claimed
 * first, so the unique keys (mailbox + UIDVALIDITY + UID, Message-ID, content hash) stop a second import of the
 * same message before anything else is written, also when two imports race; then the ticket or the timeline entry
 * and the thread ids. After the commit the flow is started (the reconciler finishes it after a crash), a reopening
 * done, the first task moved to the mailbox's department and attachments stored.
 */
@ApplicationScoped
public class MailImporter {

    private static final Logger LOG = Logger.getLogger(MailImporter.class);
    /** The intake's own identity on tickets and the timeline. */
    static final CurrentUser MAIL = new CurrentUser(0, "mail", "Mail", null, null, Set.of(Role.AGENT), Set.of(),
            "zh-CN");
    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon)@.*",
            Pattern.CASE_INSENSITIVE);
    private static final int ATTEMPTS = 3;

    @Inject
    TicketService tickets;

    @Inject
    TicketCommands commands;

    @Inject
    MailSettings settings;

    @Inject
    MailAfterCommit after;

    @Inject
    io.flowdesk.identity.GuestCustomers guests;

    /** What the transaction decided, for the steps after the commit. */
    record Done(MailImport result, Long ticketId, Long startTicket, ParsedMail parsed) {
    }

    /** Imports a message; {@code uidValidity}/{@code uid} are null for mail handed over instead of fetched. */
    public Uni<MailImport> importMessage(String mailboxKey, byte[] raw, Long uidValidity, Long uid) {
        String hash = contentHash(raw);
        ParsedMail parsed;
        String error = null;
        try {
            parsed = MailParser.parse(raw);
        } catch (MailParser.Unparsable e) {
            parsed = null;
            error = e.getMessage();
        }
        ParsedMail mail = parsed;
        String why = error;
        return Panache.withSession(() -> Mailboxes.find(mailboxKey)).chain(box -> {
            if (box == null) {
                return Uni.createFrom().failure(InvalidInput.of("/mailbox", Text.of("mail.error.mailbox", mailboxKey),
                        "unknown"));
            }
            return attempt(box, raw, hash, mail, why, uidValidity, uid, 1);
        });
    }

    /**
     * Imports an unparsed message again: if it still cannot be read nothing changes; if it can, its old record goes
     * and the import is written in the same transaction (a crash leaves either the old record or the new import).
     * Null when there is no such unparsed message.
     */
    public Uni<MailImport> retry(long mailId) {
        return Panache.withSession(() -> MailStore.rows("select u.raw, m.mailbox from mail_unparsed u join "
                + "mail_message m on m.id = u.mail_id where u.mail_id = ?1", mailId)).chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    byte[] raw = (byte[]) rows.get(0)[0];
                    String mailbox = (String) rows.get(0)[1];
                    ParsedMail mail;
                    try {
                        mail = MailParser.parse(raw);
                    } catch (MailParser.Unparsable e) {
                        return Uni.createFrom().item(new MailImport(MailImport.UNPARSED, null, true, false,
                                clip(e.getMessage(), 2000)));
                    }
                    return Panache.withSession(() -> Mailboxes.find(mailbox)).chain(box -> box == null
                            ? Uni.createFrom().failure(InvalidInput.of("/mailbox", Text.of("mail.error.mailbox",
                                    mailbox), "unknown"))
                            : Panache.withTransaction(() -> MailStore.update("delete from mail_message where id = ?1",
                                    mailId).chain(() -> write(box, raw, contentHash(raw), mail, null, null, null)))
                                    .call(done -> after.run(box, done)).map(Done::result));
                });
    }

    private Uni<MailImport> attempt(Mailboxes.Mailbox box, byte[] raw, String hash, ParsedMail mail, String error,
            Long uidValidity, Long uid, int attempt) {
        String messageId = mail == null ? null : mail.messageId();
        return Panache.withSession(() -> MailStore.known(box.key(), uidValidity, uid, messageId, hash))
                .chain(known -> {
                    if (known != null) {
                        return Uni.createFrom().item(new MailImport(known.outcome(), known.ticketNumber(), true,
                                known.review(), known.detail()));
                    }
                    return Panache.withTransaction(() -> write(box, raw, hash, mail, error, uidValidity, uid))
                            .call(done -> after.run(box, done))
                            .map(Done::result)
                            .onFailure(e -> attempt < ATTEMPTS && isUniqueViolation(e)).recoverWithUni(e ->
                                    // another import of the same message (or the same new customer) won: look again
                                    attempt(box, raw, hash, mail, error, uidValidity, uid, attempt + 1));
                });
    }

    private Uni<Done> write(Mailboxes.Mailbox box, byte[] raw, String hash, ParsedMail mail, String error,
            Long uidValidity, Long uid) {
        OffsetDateTime now = FlowClock.offsetNow();
        String sender = mail == null ? null : mail.from().email();
        String subject = mail == null ? null : mail.subject();
        return MailStore.claim(box.key(), uidValidity, uid, mail == null ? null : mail.messageId(), hash, sender,
                subject, now).chain(id -> {
                    if (mail == null) {
                        return MailStore.unparsed(id, raw, error)
                                .chain(() -> done(id, MailImport.UNPARSED, null, null, false, error, null, null));
                    }
                    return decide(box, id, mail, now);
                });
    }

    private Uni<Done> decide(Mailboxes.Mailbox box, long id, ParsedMail mail, OffsetDateTime now) {
        Optional<ReplyToken> token = settings.token();
        if (mail.messageId() != null && token.isPresent() && token.get().ticketOf(List.of(mail.messageId()))
                .isPresent()) {
            return done(id, MailImport.OWN, null, null, false, "FlowDesk's own message", null, mail);
        }
        if (mail.report() || DAEMON.matcher(mail.from().email()).matches()) {
            Uni<Void> marks = Uni.createFrom().voidItem();
            for (String address : mail.bounced()) {
                marks = marks.chain(() -> MailStore.undeliverable(address.toLowerCase(), "delivery report", now));
            }
            return marks.chain(() -> done(id, MailImport.BOUNCE, null, null, false,
                    String.join(", ", mail.bounced()), null, mail));
        }
        if (mail.auto() != null) {
            return auto(id, mail);
        }
        return thread(mail).chain(ticket -> ticket == null ? create(box, id, mail, now, null)
                : reply(box, id, mail, ticket, now));
    }

    /** Threading in the order of issue 12: reply token, In-Reply-To / References, the number in the subject. */
    private Uni<MailStore.TicketRow> thread(ParsedMail mail) {
        List<String> ids = mail.ancestors();
        List<String> tokens = new ArrayList<>(ids);
        mail.to().forEach(a -> tokens.add(a.email()));
        mail.cc().forEach(a -> tokens.add(a.email()));
        Optional<String> byToken = settings.token().flatMap(t -> t.ticketOf(tokens));
        Uni<MailStore.TicketRow> first = byToken.isPresent() ? MailStore.ticketByNumber(byToken.get())
                : Uni.createFrom().nullItem();
        return first.chain(found -> found != null ? Uni.createFrom().item(found)
                : MailStore.ticketOfMessageIds(ids).chain(ticketId -> ticketId == null ? Uni.createFrom().nullItem()
                        : MailStore.ticketById(ticketId)))
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : ReplyToken.numberInSubject(mail.subject()).map(MailStore::ticketByNumber)
                                .orElse(Uni.createFrom().nullItem()));
    }

    /**
     * A machine's mail (auto-reply, out-of-office, another helpdesk's notice, FlowDesk's own X-Loop): recorded, on
     * the ticket it threads to as an internal note, never answered and never part of the conversation (ADR 0051).
     */
    private Uni<Done> auto(long id, ParsedMail mail) {
        String detail = clip(mail.auto(), 2000);
        return thread(mail).chain(ticket -> {
            Uni<Void> note = ticket == null ? Uni.createFrom().voidItem() : commands.record(ticket.id(), "NOTE", null,
                    null, Text.of("mail.timeline.auto", mail.from().email(), detail), Json.MAPPER.createObjectNode()
                            .put("from", mail.from().email()).put("channel", "email").put("auto", detail), true)
                    .chain(MailStore::flush);
            return note.chain(() -> MailStore.finish(id, MailImport.AUTO, ticket == null ? null : ticket.id(),
                    ticket == null ? null : ticket.number(), false, detail))
                    .map(v -> new Done(new MailImport(MailImport.AUTO, ticket == null ? null : ticket.number(), false,
                            false, detail), null, null, mail));
        });
    }

    /**
     * CC'd addresses become the ticket's mail watchers (ADR 0051): they get its public replies by mail and may write
     * on it. FlowDesk's own addresses (every mailbox, the reply address, any signed token) and the sender are left
     * out, so FlowDesk never mails itself.
     */
    private Uni<Void> watchers(long ticketId, ParsedMail mail, MailStore.TicketRow ticket) {
        List<ParsedMail.Address> cc = mail.cc().stream().filter(a -> !a.email().equalsIgnoreCase(mail.from().email()))
                .filter(a -> ticket == null || ticket.customerEmail() == null
                        || !a.email().equalsIgnoreCase(ticket.customerEmail()))
                .filter(a -> settings.token().flatMap(t -> t.ticketOf(List.of(a.email()))).isEmpty())
                .filter(a -> settings.replyTo().map(r -> !sameMailbox(r, a.email())).orElse(true))
                .toList();
        if (cc.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return MailStore.flush().chain(() -> MailStore.ownAddresses()).chain(own -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ParsedMail.Address a : cc) {
                if (own.stream().noneMatch(o -> sameMailbox(o, a.email()))) {
                    chain = chain.chain(() -> MailStore.watch(ticketId, a.email(), clip(a.name(), 200),
                            FlowClock.offsetNow()));
                }
            }
            return chain;
        });
    }

    /** {@code support@x} and {@code support+anything@x} are one mailbox. */
    static boolean sameMailbox(String own, String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\+[^@]*@", "@");
        String o = own.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\+[^@]*@", "@");
        return a.equals(o);
    }

    private Uni<Done> reply(Mailboxes.Mailbox box, long id, ParsedMail mail, MailStore.TicketRow ticket,
            OffsetDateTime now) {
        String sender = mail.from().email();
        String body = body(mail);
        return MailStore.onTicket(ticket, sender).chain(onTicket -> {
            var details = Json.MAPPER.createObjectNode().put("text", body).put("authorKind", "customer")
                    .put("from", sender).put("channel", "email").put("subject", mail.subject());
            if (!onTicket) {
                details.put("review", true);
                return commands.record(ticket.id(), "NOTE", null, null, Text.of("mail.timeline.review", sender,
                        clip(body, 400)), details, true).chain(MailStore::flush)
                        .chain(() -> done(id, MailImport.REVIEW, ticket.id(), ticket.number(), true, sender, null,
                                mail));
            }
            boolean closed = "ENDED".equals(ticket.engineState());
            boolean expired = closed && ticket.resolvedAt() != null
                    && ticket.resolvedAt().isBefore(now.minusDays(settings.reopenDays()));
            if (expired) {
                return create(box, id, mail, now, ticket);
            }
            return commands.record(ticket.id(), "REPLY", null, null, Text.literal(clip(body, 500)), details, false)
                    .chain(() -> watchers(ticket.id(), mail, ticket))
                    .chain(MailStore::flush)
                    .chain(() -> done(id, closed ? MailImport.REOPENED : MailImport.REPLIED, ticket.id(),
                            ticket.number(), false, null, null, mail));
        });
    }

    /** A new ticket, or with {@code after} set a follow-up of a ticket closed longer than the reopen window. */
    private Uni<Done> create(Mailboxes.Mailbox box, long id, ParsedMail mail, OffsetDateTime now,
            MailStore.TicketRow after) {
        String sender = mail.from().email();
        return MailStore.createdSince(sender, now.minusMinutes(settings.throttleMinutes())).chain(count -> {
            if (count >= settings.throttleCount()) {
                LOG.warnf("mail from %s throttled: %d tickets in %d minutes", sender, count,
                        settings.throttleMinutes());
                return done(id, MailImport.THROTTLED, null, null, false, count + " tickets in "
                        + settings.throttleMinutes() + " minutes", null, mail);
            }
            String name = mail.from().shownName();
            var data = Json.MAPPER.createObjectNode().put("title", title(mail)).put("description",
                    clip(body(mail), 20_000));
            CreateTicketRequest request = new CreateTicketRequest(box.templateKey(), title(mail), null,
                    new Customer(clip(name, 200), sender, null), data, "email", null);
            return customer(sender, name).chain(() -> tickets.createPending(MAIL, request))
                    .chain(pending -> (after == null ? Uni.createFrom().voidItem() : link(after, pending))
                            .chain(() -> watchers(pending.id(), mail, null))
                            .chain(MailStore::flush)
                            .chain(() -> done(id, after == null ? MailImport.CREATED : MailImport.FOLLOW_UP,
                                    pending.id(), pending.number(), false, after == null ? null : after.number(),
                                    pending.id(), mail)))
                    .onFailure(InvalidInput.class).recoverWithUni(e -> done(id, MailImport.REJECTED, null, null,
                            false, clip(((InvalidInput) e).errors().stream()
                            .map(f -> f.pointer() + ": " + f.message(io.flowdesk.shared.Messages.EN))
                            .collect(java.util.stream.Collectors.joining("; ")), 1000), null, mail));
        });
    }

    private Uni<Void> link(MailStore.TicketRow closed, TicketService.Pending fresh) {
        var details = Json.MAPPER.createObjectNode().put("linkedTicket", closed.number());
        return commands.record(fresh.id(), "NOTE", null, null, Text.of("mail.timeline.followUp", closed.number()),
                details, true).chain(() -> commands.record(closed.id(), "NOTE", null, null,
                        Text.of("mail.timeline.followedBy", fresh.number()),
                        Json.MAPPER.createObjectNode().put("linkedTicket", fresh.number()), true));
    }

    /** New senders become guest customers by address ({@link io.flowdesk.identity.GuestCustomers}). */
    private Uni<Void> customer(String email, String name) {
        return guests.ensure(email, name, null);
    }

    private static Uni<Done> done(long id, String outcome, Long ticketId, String number, boolean review,
            String detail, Long startTicket, ParsedMail mail) {
        String clipped = detail == null ? null : clip(detail, 2000);
        Uni<Void> thread = ticketId == null || mail == null || mail.messageId() == null || review
                ? Uni.createFrom().voidItem() : MailStore.thread(ticketId, List.of(mail.messageId()));
        return MailStore.finish(id, outcome, ticketId, number, review, clipped).chain(() -> thread)
                .map(v -> new Done(new MailImport(outcome, number, false, review, clipped), ticketId, startTicket,
                        mail));
    }

    private static String title(ParsedMail mail) {
        String subject = mail.subject() == null ? "" : mail.subject().strip();
        if (subject.isEmpty()) {
            String text = body(mail);
            subject = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        }
        return subject.isEmpty() ? "(无主题 no subject)" : clip(subject, 300);
    }

    private static String body(ParsedMail mail) {
        String text = mail.text() == null ? "" : mail.text().strip();
        return text.isEmpty() ? "(空 empty)" : text;
    }

    public static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** sha-256 of the raw bytes with CRLF and CR as LF (a relay that rewrites line ends sends the same message). */
    static String contentHash(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace('\r', '\n');
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("23505") || message.contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }
}
