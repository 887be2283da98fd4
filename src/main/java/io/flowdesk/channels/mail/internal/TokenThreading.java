package io.flowdesk.channels.mail.internal;

import io.flowdesk.channels.mail.ReplyToken;
import io.flowdesk.channels.mail.ThreadIndex;
import io.flowdesk.notify.MailThreading;
import io.flowdesk.shared.FlowClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Notification mails about a ticket thread like one conversation in Gmail, Outlook and Foxmail (ADR 0042, 0051):
 * the signed reply token as Message-ID (the same for a retried send of one delivery), In-Reply-To the conversation's
 * last message and References its thread id plus the last messages, a Reply-To address carrying the signed ticket
 * number (which threads a reply even when a mail system strips the headers), Thread-Topic the ticket's title and
 * Thread-Index the ticket's header block plus one child block per earlier message. Each mail to the customer's side
 * (a recipient by address, not a staff member's notice) is recorded in {@code mail_thread_id} as the conversation's
 * newest message; staff notices hang on the conversation without joining it.
 */
@ApplicationScoped
public class TokenThreading implements MailThreading {

    /** References name the thread id and at most this many of the latest messages (headers have limits). */
    static final int REFERENCES = 9;
    /** Thread-Index children beyond this are left off (Outlook reads at most a few hundred bytes). */
    static final int CHILDREN = 60;

    @Inject
    MailSettings settings;

    @Override
    public String messageId(String ticketNumber, String domain) {
        return settings.token().map(t -> t.messageId(ticketNumber, domain)).orElse(null);
    }

    @Override
    public Headers headers(String ticketNumber, String deliveryKey, String domain, boolean conversation) {
        Optional<ReplyToken> token = settings.token();
        if (token.isEmpty()) {
            return null;
        }
        String id = token.get().messageId(ticketNumber, domain, deliveryKey);
        String replyTo = settings.replyTo().map(base -> token.get().replyAddress(ticketNumber, base)).orElse(null);
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> MailStore
                    .ticketByNumber(ticketNumber).chain(ticket -> ticket == null
                            ? io.smallrye.mutiny.Uni.createFrom().item(new Headers(id, null, List.of(), replyTo, null,
                                    null))
                            : MailStore.conversation(ticket.id()).chain(rows -> {
                                List<ThreadIndex.Child> before = new ArrayList<>();
                                boolean known = false;
                                for (ThreadIndex.Child row : rows) {
                                    if (row.messageId().equals(id)) {
                                        known = true; // a retried send: the same place in the conversation
                                        break;
                                    }
                                    before.add(row);
                                }
                                Headers headers = headers(ticket, id, replyTo, before);
                                return known || !conversation ? io.smallrye.mutiny.Uni.createFrom().item(headers)
                                        : MailStore.outgoing(ticket.id(), id, FlowClock.offsetNow()).replaceWith(
                                                headers);
                            }))));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Headers headers(MailStore.TicketRow ticket, String id, String replyTo,
            List<ThreadIndex.Child> before) {
        List<String> ids = before.stream().map(ThreadIndex.Child::messageId).toList();
        List<String> references = ids.subList(Math.max(0, ids.size() - REFERENCES), ids.size());
        String inReplyTo = ids.isEmpty() ? null : ids.get(ids.size() - 1);
        Instant start = ticket.createdAt() == null ? FlowClock.instant() : ticket.createdAt().toInstant();
        String index = ThreadIndex.of(ticket.number(), start, before.subList(0, Math.min(CHILDREN, before.size())));
        return new Headers(id, inReplyTo, List.copyOf(references), replyTo, ticket.title(), index);
    }
}
