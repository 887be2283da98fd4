package io.flowdesk.channels.chat.internal;

import io.flowdesk.channels.chat.ChatIntakeResult;
import io.flowdesk.channels.chat.ChatTranscript;
import io.flowdesk.channels.mail.internal.MailImporter;
import io.flowdesk.channels.mail.internal.MailStore;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FlowClock;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Imports one transcript in one transaction (ADR 0043): the conversation's row is claimed and locked first, so a
 * second post of the same conversation (also a concurrent one) waits and then adds only the messages past those
 * already recorded (by position). A new conversation, or one whose ticket is closed, gets a new ticket through
 * {@link TicketService#createPending} like mail in; its flow is started after the commit (the reconciler does it
 * after a crash). Every message goes on the timeline as a public {@code REPLY} with {@code channel: chat}.
 */
@ApplicationScoped
public class ChatImporter {

    private static final Logger LOG = Logger.getLogger(ChatImporter.class);
    /** The intake's own identity on tickets and the timeline. */
    static final CurrentUser CHAT = new CurrentUser(0, "chat", "Chat", null, null, Set.of(Role.AGENT), Set.of(),
            "zh-CN");

    @Inject
    TicketService tickets;

    @Inject
    TicketCommands commands;

    /** What the transaction decided, and the ticket whose flow to start after it. */
    private record Done(ChatIntakeResult result, Long startTicket) {
    }

    public Uni<ChatIntakeResult> post(ChatTranscript chat) {
        return Panache.withTransaction(() -> write(chat))
                .call(done -> done.startTicket() == null ? Uni.createFrom().voidItem()
                        : tickets.ensureStarted(done.startTicket()).onFailure().recoverWithUni(e -> {
                            LOG.warnf(e, "starting the flow of chat ticket %s", done.result().ticketNumber());
                            return Uni.createFrom().voidItem();
                        }))
                .map(Done::result);
    }

    private Uni<Done> write(ChatTranscript chat) {
        OffsetDateTime now = FlowClock.offsetNow();
        List<ChatTranscript.Message> all = chat.messages();
        return ChatStore.lock(chat.conversationId(), now).chain(conversation -> {
            List<ChatTranscript.Message> fresh = all.subList(Math.min(conversation.messageCount(), all.size()),
                    all.size());
            if (conversation.ticketId() == null) {
                return create(chat, fresh, null, now);
            }
            return MailStore.ticketById(conversation.ticketId()).chain(ticket -> {
                if (fresh.isEmpty()) {
                    return Uni.createFrom().item(new Done(new ChatIntakeResult(ChatIntakeResult.UNCHANGED,
                            ticket.number(), 0, null), null));
                }
                if ("ENDED".equals(ticket.engineState())) {
                    return create(chat, fresh, ticket, now);
                }
                return messages(ticket.id(), fresh).chain(() -> advance(chat, ticket.id(), now))
                        .map(v -> new Done(new ChatIntakeResult(ChatIntakeResult.APPENDED, ticket.number(),
                                fresh.size(), null), null));
            });
        });
    }

    /** A new ticket for these messages; with {@code closed} set, a follow-up of the conversation's closed ticket. */
    private Uni<Done> create(ChatTranscript chat, List<ChatTranscript.Message> messages, MailStore.TicketRow closed,
            OffsetDateTime now) {
        String title = MailImporter.clip(messages.stream().filter(ChatTranscript.Message::customer).findFirst()
                .orElse(messages.get(0)).text().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElse(""), 300);
        String transcript = MailImporter.clip(messages.stream().map(ChatImporter::line)
                .collect(Collectors.joining("\n")), 20_000);
        var data = Json.MAPPER.createObjectNode().put("title", title).put("description", transcript);
        CreateTicketRequest request = new CreateTicketRequest(chat.template(), title, null,
                new Customer(chat.name(), chat.email(), chat.phone()), data, "chat", null);
        return tickets.createPending(CHAT, request).chain(pending -> MailStore.flush()
                .chain(() -> closed == null ? Uni.createFrom().voidItem() : link(closed, pending))
                .chain(() -> messages(pending.id(), messages))
                .chain(() -> advance(chat, pending.id(), now))
                .map(v -> new Done(new ChatIntakeResult(closed == null ? ChatIntakeResult.CREATED
                        : ChatIntakeResult.FOLLOW_UP, pending.number(), messages.size(),
                        closed == null ? null : closed.number()), pending.id())));
    }

    private Uni<Void> messages(long ticketId, List<ChatTranscript.Message> messages) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ChatTranscript.Message m : messages) {
            var details = Json.MAPPER.createObjectNode().put("text", m.text())
                    .put("authorKind", m.customer() ? "customer" : "staff").put("channel", "chat")
                    .put("from", author(m)).put("at", m.at().toString());
            chain = chain.chain(() -> commands.record(ticketId, "REPLY", null, null,
                    Text.literal(MailImporter.clip(author(m) + ": " + m.text(), 500)), details, false));
        }
        return chain.chain(MailStore::flush);
    }

    private Uni<Void> link(MailStore.TicketRow closed, TicketService.Pending fresh) {
        return commands.record(fresh.id(), "NOTE", null, null, Text.of("chat.timeline.followUp", closed.number()),
                Json.MAPPER.createObjectNode().put("linkedTicket", closed.number()), true)
                .chain(() -> commands.record(closed.id(), "NOTE", null, null,
                        Text.of("chat.timeline.followedBy", fresh.number()),
                        Json.MAPPER.createObjectNode().put("linkedTicket", fresh.number()), true));
    }

    private static Uni<Void> advance(ChatTranscript chat, long ticketId, OffsetDateTime now) {
        List<ChatTranscript.Message> all = chat.messages();
        return ChatStore.advance(chat.conversationId(), ticketId, all.size(), all.get(all.size() - 1).at(), now);
    }

    private static String author(ChatTranscript.Message m) {
        return m.author() != null ? m.author() : m.customer() ? "customer" : "agent";
    }

    private static String line(ChatTranscript.Message m) {
        return "[" + m.at() + "] " + author(m) + ": " + m.text();
    }
}
