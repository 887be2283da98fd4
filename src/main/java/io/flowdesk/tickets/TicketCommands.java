package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.notify.Notifications;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.tickets.internal.TicketTaskEntity;
import io.flowdesk.tickets.internal.WatcherEntity;
import io.flowdesk.workflow.EngineBridge;
import io.flowdesk.workflow.WorkflowEngine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The small command face of {@code tickets} for the features that react to ticket events ({@code sla},
 * {@code routing}, {@code automation}): they never write ticket tables themselves. Every command runs in the
 * caller's Hibernate Reactive session and transaction (an event consumer's batch), writes one timeline entry that
 * says why, and is a no-op when the ticket is already in the asked-for state, so a repeated delivery changes
 * nothing twice. Engine calls (assignment) are idempotent by nature.
 */
@ApplicationScoped
public class TicketCommands {

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineBridge bridge;

    @Inject
    Notifications notifications;

    /** A timeline entry of a feature's own kind (e.g. {@code SLA_WARNING}); {@code actor} null for the system. */
    public Uni<Void> record(long ticketId, String kind, String actor, String taskId, Text text, ObjectNode details,
            boolean internal) {
        return ticket(ticketId).chain(ticket -> touch(ticketId)
                .chain(() -> TicketRelay.timeline(ticket, kind, actor, taskId, text, details, internal)));
    }

    /** Sets the priority (and that of the open tasks); nothing happens when it already has it. */
    public Uni<Boolean> setPriority(long ticketId, String priority, String actor, Text why) {
        if (!Priority.ALL.contains(priority)) {
            return Uni.createFrom().failure(new IllegalArgumentException("priority " + priority));
        }
        // locked like the relay and a person's edit: the writers take turns instead of failing on the row version
        return lockedTicket(ticketId).chain(ticket -> {
            String from = ticket.priority;
            if (from.equals(priority)) {
                return Uni.createFrom().item(false);
            }
            ticket.priority = priority;
            ticket.updatedAt = FlowClock.offsetNow();
            return TicketTaskEntity.update("priority = ?1 where ticketId = ?2 and state = 'OPEN'", priority, ticket.id)
                    .chain(() -> TicketRelay.timeline(ticket, "PRIORITY_CHANGED", actor, null,
                            Text.of("timeline.text.priority", from, priority, why), TicketRelay.details("from", from,
                                    "to", priority, "by", actor == null ? "system" : actor), true))
                    .call(() -> ticket.processInstanceId == null ? Uni.createFrom().voidItem()
                            : bridge.run(() -> engine.setTicketVariable(ticket.processInstanceId, "ticketPriority",
                                    priority)))
                    .replaceWith(true);
        });
    }

    /**
     * Sets the ticket's status by a person's or a feature's decision ({@code STATUS_CHANGED}, public like the flow's
     * own); false when it has it already. The flow's next step still sets the status its template declares.
     */
    public Uni<Boolean> setStatus(long ticketId, String status, String actor, Text why) {
        if (!io.flowdesk.templates.TicketStatus.FOR_TASKS.contains(status)) {
            return Uni.createFrom().failure(new IllegalArgumentException("status " + status));
        }
        return ticket(ticketId).chain(ticket -> {
            String from = ticket.status;
            if (status.equals(from)) {
                return Uni.createFrom().item(false);
            }
            ticket.status = status;
            ticket.updatedAt = FlowClock.offsetNow();
            return TicketRelay.timeline(ticket, "STATUS_CHANGED", actor, null, Text.of("timeline.text.statusBy",
                    TimelineTexts.status(from), TimelineTexts.status(status), why), TicketRelay.details("from", from,
                            "to", status, "by", actor == null ? "system" : actor), false).replaceWith(true);
        });
    }

    /** Adds a watcher (CC); nothing happens when they already watch. */
    public Uni<Boolean> addWatcher(long ticketId, String username, String actor) {
        return ticket(ticketId).chain(ticket -> WatcherEntity.count("ticketId = ?1 and username = ?2", ticketId, username)
                .chain(count -> {
                    if (count > 0) {
                        return Uni.createFrom().item(false);
                    }
                    WatcherEntity watcher = new WatcherEntity();
                    watcher.ticketId = ticketId;
                    watcher.username = username;
                    watcher.createdAt = FlowClock.offsetNow();
                    return watcher.persist().chain(() -> TicketRelay.timeline(ticket, "WATCHER_ADDED", actor, null,
                            Text.of("timeline.text.watcher", username), TicketRelay.details("watcher", username), true))
                            .replaceWith(true);
                }));
    }

    /**
     * Gives an open task to a person (in the engine and in the ticket tables) and writes why on the timeline
     * ({@code kind} e.g. {@code TASK_ASSIGNED_AUTO}); false when the task is closed or already theirs.
     */
    public Uni<Boolean> assignTask(String taskId, String username, String kind, String actor, Text why,
            ObjectNode details) {
        return assignTask(taskId, username, kind, actor, why, details, null);
    }

    /**
     * {@link #assignTask} for a choice made among a department's members: false, and nothing written, when the task
     * has left {@code department} meanwhile (a rule moved it; the move's own event routes it again there).
     */
    public Uni<Boolean> assignTask(String taskId, String username, String kind, String actor, Text why,
            ObjectNode details, String department) {
        return TicketTaskEntity.locked(taskId).chain(task -> {
            if (task == null || !TicketTaskEntity.OPEN.equals(task.state) || username.equals(task.assignee)
                    || department != null && !department.equals(task.candidateGroup)) {
                return Uni.createFrom().item(false);
            }
            return bridge.run(() -> engine.assign(taskId, username)).chain(() -> ticket(task.ticketId)).chain(ticket -> {
                task.assignee = username;
                return touch(ticket.id).chain(() -> TicketRelay.timeline(ticket, kind, actor, taskId, why, details,
                        true)).replaceWith(true);
            });
        });
    }

    /** Moves an open task to a department's queue (unassigned); false when it is closed or already there. */
    public Uni<Boolean> moveTask(String taskId, String department, String actor, Text why) {
        return TicketTaskEntity.locked(taskId).chain(task -> {
            if (task == null || !TicketTaskEntity.OPEN.equals(task.state)
                    || department.equals(task.candidateGroup) && task.assignee == null) {
                return Uni.createFrom().item(false);
            }
            String from = task.assignee != null ? task.assignee : task.candidateGroup;
            return bridge.run(() -> engine.transferToDepartment(taskId, department)).chain(() -> ticket(task.ticketId))
                    .chain(ticket -> {
                        task.candidateGroup = department;
                        task.assignee = null;
                        return touch(ticket.id).chain(() -> TicketRelay.timeline(ticket, "TRANSFERRED", actor, taskId, why, TicketRelay.details(
                                "task", task.nameZh, "taskEn", task.nameEn, "from", from, "to", department), true))
                                .replaceWith(true);
                    });
        });
    }

    /** An in-app notification about a ticket (the notify hub adds more channels later). */
    public Uni<Void> notifyUser(String username, long ticketId, String kind, Text message) {
        // a test ticket ("Try it", ADR 0048) never reaches a real person: its timeline says whom it would have told
        return ticket(ticketId).chain(ticket -> ticket.isTest ? Uni.createFrom().voidItem()
                : notifications.notifyUser(username, ticket.id, ticket.number, kind, message));
    }

    /** Whether the ticket is a designer's test ticket ("Try it"): its effects stay inside it (ADR 0048). */
    public Uni<Boolean> isTest(long ticketId) {
        return ticket(ticketId).map(ticket -> ticket != null && ticket.isTest);
    }

    /** The ticket's number, status, priority, template, channel and customer, for rules and policies. */
    public Uni<TicketFacts> facts(long ticketId) {
        return ticket(ticketId).map(t -> new TicketFacts(t.id, t.number, t.templateKey, t.priority, t.status,
                t.channel, t.customerUserId, t.createdAt == null ? null : t.createdAt.toInstant(),
                t.processInstanceId != null && t.engineState != null, t.title));
    }

    public record TicketFacts(long id, String number, String templateKey, String priority, String status,
            String channel, Long customerUserId, java.time.Instant createdAt, boolean started, String title) {
    }

    /**
     * Moves {@code updated_at} without bumping the row version: a consumer's bookkeeping must never make a
     * person's concurrent edit (or the engine relay) fail on an optimistic lock.
     */
    private static Uni<Void> touch(long ticketId) {
        // an HQL update that is not "versioned" leaves row_version alone
        return TicketEntity.update("updatedAt = ?1 where id = ?2", FlowClock.offsetNow(), ticketId).replaceWithVoid();
    }

    private static Uni<TicketEntity> lockedTicket(long ticketId) {
        return TicketEntity.locked(ticketId)
                .map(ticket -> {
                    if (ticket == null) {
                        throw new NotFound("ticket " + ticketId);
                    }
                    return ticket;
                });
    }

    private static Uni<TicketEntity> ticket(long ticketId) {
        return TicketEntity.<TicketEntity>findById(ticketId).map(ticket -> {
            if (ticket == null) {
                throw new NotFound("ticket " + ticketId);
            }
            return ticket;
        });
    }

    /**
     * The SLA summary shown, sorted and filtered in the inbox: the earliest open deadline and the worst state. A
     * plain update that leaves the row version alone, so it never makes a person's concurrent edit fail.
     */
    public Uni<Void> setSlaSummary(long ticketId, java.time.Instant nextDueAt, String state) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session.createNativeQuery(
                "update ticket set sla_due_at = ?1, sla_state = ?2 where id = ?3")
                .setParameter(1, nextDueAt == null ? null : java.time.OffsetDateTime.ofInstant(nextDueAt,
                        java.time.ZoneOffset.UTC))
                .setParameter(2, state).setParameter(3, ticketId).executeUpdate()).replaceWithVoid();
    }

    /** The open tasks of a ticket, oldest first: what an escalation notifies about or reassigns. */
    public Uni<java.util.List<OpenTask>> openTasks(long ticketId) {
        return TicketTaskEntity.<TicketTaskEntity>list("ticketId = ?1 and state = 'OPEN' order by createdAt", ticketId)
                .map(tasks -> tasks.stream().map(t -> new OpenTask(t.taskId, t.candidateGroup, t.assignee, t.nameZh,
                        t.nameEn)).toList());
    }

    public record OpenTask(String taskId, String department, String assignee, String nameZh, String nameEn) {
    }

    /** Who watches the ticket (user names). */
    public Uni<java.util.List<String>> watchers(long ticketId) {
        return WatcherEntity.<WatcherEntity>list("ticketId = ?1 order by username", ticketId)
                .map(list -> list.stream().map(w -> w.username).toList());
    }

    // --- automation (ADR 0026): tags, fields, comments and the cause of an effect ---

    private static final String CAUSE = "flowdesk.automation.cause";

    /**
     * Runs {@code work} as the effect of a rule: every timeline entry it writes carries {@code automationRule} and
     * {@code automationDepth} in its details, so rules triggered by it know how deep the chain is.
     */
    public static <T> Uni<T> causedBy(String rule, int depth, java.util.function.Supplier<Uni<T>> work) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context == null) {
            return work.get();
        }
        return Uni.createFrom().<T>deferred(() -> {
            context.putLocal(CAUSE, new String[] {rule, Integer.toString(depth)});
            return work.get();
        }).eventually(() -> context.removeLocal(CAUSE));
    }

    /** The rule and depth set by {@link #causedBy} on this context, added to an entry's details. */
    static ObjectNode withCause(ObjectNode details) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        String[] cause = context == null ? null : context.getLocal(CAUSE);
        if (cause == null) {
            return details;
        }
        ObjectNode node = details == null ? io.flowdesk.shared.Json.MAPPER.createObjectNode() : details;
        node.put("automationRule", cause[0]).put("automationDepth", Integer.parseInt(cause[1]));
        return node;
    }

    /** The ticket's tags, sorted. */
    public Uni<java.util.List<String>> tags(long ticketId) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(
                "select tag from ticket_tag where ticket_id = ?1 order by tag", String.class).setParameter(1, ticketId)
                .getResultList());
    }

    /** Adds a tag ({@code TAG_ADDED}); false when the ticket has it already. Plain SQL: a tag may come and go in one batch. */
    public Uni<Boolean> addTag(long ticketId, String tag, String actor, Text why) {
        return ticket(ticketId).chain(ticket -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into ticket_tag (ticket_id, tag, created_at) values (?1, ?2, "
                        + "?3) on conflict do nothing").setParameter(1, ticketId).setParameter(2, tag)
                        .setParameter(3, FlowClock.offsetNow()).executeUpdate())
                .chain(added -> added == 0 ? Uni.createFrom().item(false)
                        : touch(ticketId).chain(() -> TicketRelay.timeline(ticket, "TAG_ADDED", actor, null,
                                Text.of("timeline.text.tagAdded", tag, why), TicketRelay.details("tag", tag,
                                        "field", "tags"), true)).replaceWith(true)));
    }

    /** Removes a tag ({@code TAG_REMOVED}); false when the ticket does not have it. */
    public Uni<Boolean> removeTag(long ticketId, String tag, String actor, Text why) {
        return ticket(ticketId).chain(ticket -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from ticket_tag where ticket_id = ?1 and tag = ?2")
                        .setParameter(1, ticketId).setParameter(2, tag).executeUpdate())
                .chain(deleted -> deleted == 0 ? Uni.createFrom().item(false)
                        : touch(ticketId).chain(() -> TicketRelay.timeline(ticket, "TAG_REMOVED", actor, null,
                                Text.of("timeline.text.tagRemoved", tag, why), TicketRelay.details("tag", tag,
                                        "field", "tags"), true)).replaceWith(true)));
    }

    /** Sets one top-level field of the ticket's data ({@code FIELD_SET}); false when it has that value already. */
    public Uni<Boolean> setField(long ticketId, String field, com.fasterxml.jackson.databind.JsonNode value,
            String actor, Text why) {
        return ticket(ticketId).chain(ticket -> {
            ObjectNode data = ticket.dataJson == null ? io.flowdesk.shared.Json.MAPPER.createObjectNode()
                    : io.flowdesk.shared.Json.parseObject(ticket.dataJson);
            if (value.equals(data.get(field))) {
                return Uni.createFrom().item(false);
            }
            var old = data.get(field);
            data.set(field, value);
            ObjectNode details = TicketRelay.details("field", field);
            details.set("from", old);
            details.set("to", value);
            return TicketEntity.update("dataJson = ?1, updatedAt = ?2 where id = ?3", data.toString(),
                    FlowClock.offsetNow(), ticketId).chain(() -> TicketRelay.timeline(ticket, "FIELD_SET", actor,
                            null, Text.of("timeline.text.fieldSet", field, value.isTextual() ? value.asText()
                                    : value.toString(), why), details, true)).replaceWith(true);
        });
    }

    /** A public reply ({@code REPLY}, authorKind {@code automation}) or internal note written by the system. */
    public Uni<Void> comment(long ticketId, String body, boolean internal, Text by) {
        return ticket(ticketId).chain(ticket -> touch(ticketId).chain(() -> TicketRelay.timeline(ticket,
                internal ? "NOTE" : "REPLY", null, null, Text.of("timeline.text.autoComment", by, body),
                TicketRelay.details("text", body, "authorKind", "automation"), internal)));
    }

    /** What a rule reads besides {@link #facts}: the customer's name and e-mail and the ticket's data. */
    public Uni<TicketContent> content(long ticketId) {
        return ticket(ticketId).map(t -> new TicketContent(t.customerName, t.customerEmail, t.dataJson == null
                ? "{}" : t.dataJson));
    }

    public record TicketContent(String customerName, String customerEmail, String dataJson) {
    }
}
