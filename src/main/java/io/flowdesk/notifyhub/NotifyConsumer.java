package io.flowdesk.notifyhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.notify.NoticeEvents;
import io.flowdesk.notify.NotifyHub;
import io.flowdesk.routing.Strategy;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketEvent;
import io.flowdesk.tickets.TicketEventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hub's reader of the ticket event stream (consumer {@code notify}; its cursor starts at the end of history, V19).
 * It turns facts into notices that no direct call makes: assigned to me, new in my queue, customer replied, ticket
 * resolved (mail to the customer), department robots for queue and SLA events, outbound webhooks for subscribed
 * kinds and {@code WEBHOOK_REQUESTED} from the rules. SLA warnings, breaches and escalations already notify people
 * (the SLA handler calls {@code TicketCommands.notifyUser}); here they only reach robots and webhooks. Everything is
 * written in the batch's transaction, so each event's notices exist exactly once.
 *
 * <p>This lives apart from {@code notify} because {@code tickets} calls {@code notify}: a consumer inside it would
 * make the two depend on each other.
 */
@ApplicationScoped
public class NotifyConsumer implements TicketEventConsumer {

    @Inject
    TicketCommands commands;

    @Inject
    NotifyHub hub;

    @ConfigProperty(name = "flowdesk.routing.announce-p1", defaultValue = "true")
    boolean announceP1;

    @Override
    public String name() {
        return "notify";
    }

    @Override
    public Uni<Void> handle(List<TicketEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TicketEvent event : events) {
            chain = chain.chain(() -> one(event));
        }
        return chain;
    }

    private Uni<Void> one(TicketEvent event) {
        // a designer's test ticket tells no real person and calls no webhook (ADR 0048)
        return commands.isTest(event.ticketId()).onFailure(io.flowdesk.shared.NotFound.class).recoverWithItem(true)
                .chain(test -> test ? Uni.createFrom().voidItem() : effects(event));
    }

    private Uni<Void> effects(TicketEvent event) {
        return commands.facts(event.ticketId()).onFailure(io.flowdesk.shared.NotFound.class).recoverWithNull()
                .chain(ticket -> {
                    if (ticket == null) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> effects = switch (event.kind()) {
                        case "TASK_STARTED" -> taskStarted(event, ticket);
                        case "REPLY" -> "customer".equals(event.details().path("authorKind").asText(""))
                                ? customerReplied(event, ticket) : Uni.createFrom().voidItem();
                        case "ENDED" -> resolved(event, ticket);
                        case "SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED" -> slaRobots(event, ticket);
                        case "WEBHOOK_REQUESTED" -> requested(event, ticket);
                        default -> Uni.createFrom().voidItem();
                    };
                    return effects.chain(() -> event.internal() ? Uni.createFrom().voidItem()
                            : hub.webhooks("e:" + event.id(), ticket.id(), event.kind(), key -> body(key, event,
                                    ticket, event.details())));
                });
    }

    private Uni<Void> taskStarted(TicketEvent event, TicketCommands.TicketFacts ticket) {
        JsonNode d = event.details();
        String assignee = text(d, "assignee");
        String department = text(d, "department");
        Text task = Text.bilingual(d.path("task").asText(""), d.path("taskEn").asText(d.path("task").asText("")));
        if (assignee != null) {
            return assignee.equals(event.actor()) ? Uni.createFrom().voidItem()
                    : commands.notifyUser(assignee, ticket.id(), "ASSIGNED", Text.of("notify.hub.assigned",
                            ticket.number(), task, ticket.title()));
        }
        if (department == null || Strategy.of(text(d, "assignment")) != Strategy.QUEUE) {
            return Uni.createFrom().voidItem(); // routing assigns it and notifies the one it chose
        }
        Text said = Text.of("notify.hub.queue", ticket.number(), task, ticket.title());
        Uni<Void> robots = hub.robots("e:" + event.id(), department, NoticeEvents.QUEUE, ticket.id(), ticket.number(),
                "QUEUE_NEW", Text.of("notify.robot.title.queue", ticket.number()), said);
        if (announceP1 && "P1".equals(text(d, "priority"))) {
            return robots; // routing announces a P1 left in a queue to the whole department already
        }
        return robots.chain(() -> hub.departmentMembers(department)).chain(members -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String member : members) {
                if (!member.equals(event.actor())) {
                    chain = chain.chain(() -> commands.notifyUser(member, ticket.id(), "QUEUE_NEW", said));
                }
            }
            return chain;
        });
    }

    /** Assignees of the open tasks hear it; watchers already did (every reply notifies the watchers). */
    private Uni<Void> customerReplied(TicketEvent event, TicketCommands.TicketFacts ticket) {
        return commands.openTasks(ticket.id()).chain(tasks -> commands.watchers(ticket.id()).chain(watchers -> {
            Set<String> to = new LinkedHashSet<>();
            tasks.stream().map(TicketCommands.OpenTask::assignee).filter(a -> a != null && !watchers.contains(a))
                    .forEach(to::add);
            String excerpt = excerpt(event.details().path("text").asText(""));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String user : to) {
                chain = chain.chain(() -> commands.notifyUser(user, ticket.id(), "CUSTOMER_REPLY",
                        Text.of("notify.hub.customerReplied", ticket.number(), excerpt)));
            }
            return chain;
        }));
    }

    private Uni<Void> resolved(TicketEvent event, TicketCommands.TicketFacts ticket) {
        return hub.mailCustomer("e:" + event.id() + ":customer:email", ticket.id(), "RESOLVED",
                Text.of("notify.mail.subject.resolved", ticket.number()),
                Text.of("notify.hub.resolved", ticket.number(), ticket.title()));
    }

    private Uni<Void> slaRobots(TicketEvent event, TicketCommands.TicketFacts ticket) {
        String noticeEvent = NoticeEvents.of(event.kind());
        return commands.openTasks(ticket.id()).chain(tasks -> {
            Set<String> departments = new LinkedHashSet<>();
            tasks.stream().map(TicketCommands.OpenTask::department).filter(d -> d != null).forEach(departments::add);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String department : departments) {
                chain = chain.chain(() -> hub.robots("e:" + event.id(), department, noticeEvent, ticket.id(),
                        ticket.number(), event.kind(), Text.of("notify.robot.title." + noticeEvent, ticket.number()),
                        Text.of("notify.hub.sla." + noticeEvent, ticket.number(), ticket.title(), ticket.priority())));
            }
            return chain;
        });
    }

    /** The rules' "call a webhook" action: details {@code endpoint}, {@code rule}, {@code payload}. */
    private Uni<Void> requested(TicketEvent event, TicketCommands.TicketFacts ticket) {
        JsonNode d = event.details();
        String endpoint = text(d, "endpoint");
        String key = "e:" + event.id() + ":" + (endpoint == null ? "" : endpoint) + ":webhook";
        ObjectNode body = body(key, event, ticket, d.path("payload"));
        body.put("rule", d.path("rule").asText(""));
        return hub.webhook(key, endpoint, ticket.id(), event.kind(), body);
    }

    private static ObjectNode body(String key, TicketEvent event, TicketCommands.TicketFacts ticket, JsonNode data) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("id", key).put("event", event.kind())
                .put("at", event.at().toString()).put("eventId", event.id());
        body.putObject("ticket").put("id", ticket.id()).put("number", ticket.number()).put("title", ticket.title())
                .put("priority", ticket.priority()).put("status", ticket.status());
        body.set("data", data == null || data.isMissingNode() ? Json.MAPPER.createObjectNode() : data);
        return body;
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
