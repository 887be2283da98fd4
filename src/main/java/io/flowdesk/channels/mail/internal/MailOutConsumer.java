package io.flowdesk.channels.mail.internal;

import io.flowdesk.notify.NotifyHub;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.TicketEvent;
import io.flowdesk.tickets.TicketEventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mail out (consumer {@code mail-out}, its cursor starts at the end of history, V42; ADR 0051): a public reply by
 * staff or a partner on a ticket that came by mail is mailed to the ticket's customer and to its mail watchers (the
 * addresses CC'd on its mail). Customers' own replies and every internal note are never mailed, so a machine on the
 * other end that answers everything gets at most one mail per reply an agent writes. The deliveries are written in
 * the batch's transaction (once per event and address) and sent by the notify hub with the ticket's threading.
 */
@ApplicationScoped
public class MailOutConsumer implements TicketEventConsumer {

    public static final String KIND = "MAIL_REPLY";

    @Inject
    NotifyHub hub;

    @Override
    public String name() {
        return "mail-out";
    }

    @Override
    public Uni<Void> handle(List<TicketEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TicketEvent event : events) {
            if ("REPLY".equals(event.kind()) && !event.internal()) {
                chain = chain.chain(() -> reply(event));
            }
        }
        return chain;
    }

    private Uni<Void> reply(TicketEvent event) {
        var details = event.details();
        String author = details.path("authorKind").asText("");
        if (author.equals("customer") || "email".equals(details.path("channel").asText(""))) {
            return Uni.createFrom().voidItem(); // what came by mail is not sent out again
        }
        String text = details.path("text").asText("");
        return MailStore.ticketById(event.ticketId()).chain(ticket -> {
            if (ticket == null) {
                return Uni.createFrom().voidItem();
            }
            return MailStore.mailWatchers(ticket.id()).chain(watchers -> {
                Map<String, String> to = new LinkedHashMap<>();
                if ("email".equals(ticket.channel()) && ticket.customerEmail() != null) {
                    to.put(ticket.customerEmail().toLowerCase(), null);
                }
                watchers.forEach(w -> to.putIfAbsent((String) w[0], (String) w[1]));
                if (to.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                return MailStore.locales(List.copyOf(to.keySet())).chain(locales -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (var e : to.entrySet()) {
                        String address = e.getKey();
                        String name = e.getValue() == null ? "" : e.getValue();
                        chain = chain.chain(() -> hub.mailAddress("e:" + event.id() + ":mail:" + address, address,
                                name, locales.getOrDefault(address, "zh-CN"), ticket.id(), ticket.number(), KIND,
                                Text.of("mail.out.reply.subject", ticket.number(), ticket.title()),
                                Text.literal(text), "/portal/tickets/" + ticket.number()));
                    }
                    return chain;
                });
            });
        });
    }
}
