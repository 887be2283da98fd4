package io.flowdesk.tickets;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.TicketClock;
import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.notify.Notifications;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.tickets.internal.TicketEventEntity;
import io.flowdesk.tickets.internal.TicketTaskEntity;
import io.flowdesk.tickets.internal.WatcherEntity;
import io.flowdesk.workflow.EngineBridge;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working together on a ticket: internal notes and public replies with @mentions, transfers, priority changes
 * and watchers. Every action lands on the timeline and in the audit log.
 */
@ApplicationScoped
public class CollaborationService {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9_.-]{2,64})");

    @Inject
    TicketService tickets;

    @Inject
    IdentityService identity;

    @Inject
    Notifications notifications;

    @Inject
    AuditLog audit;

    @Inject
    WorkflowEngine engine;

    @Inject
    io.flowdesk.templates.TemplateService templates;

    @Inject
    EngineBridge bridge;

    /**
     * An internal note ({@code internal = true}, never shown to customers) or a public reply. Mentioned users
     * ({@code @agent2}) who may see the ticket get an in-app notification; watchers are told about replies.
     */
    public Uni<TimelineEntry> post(CurrentUser user, String number, String text, boolean internal) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > 10_000) {
            return Uni.createFrom().failure(InvalidInput.of("/text", Text.of("ticket.error.noteText"), "required"));
        }
        boolean hidden = internal && !user.isCustomer();
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(body);
        while (matcher.find()) {
            mentioned.add(matcher.group(1));
        }
        Uni<List<CurrentUser>> mentionedUsers = user.isCustomer() ? Uni.createFrom().item(List.of())
                : identity.existing(mentioned);
        return mentionedUsers.chain(users -> Panache.withTransaction(() -> tickets.accessibleForUpdate(user, number)
                .call(ticket -> partnerMayPost(user, ticket, hidden))
                .chain(ticket -> tickets.partnerTasks(user, ticket).chain(mine -> {
                    TicketEventEntity entry = new TicketEventEntity();
                    entry.ticketId = ticket.id;
                    entry.at = FlowClock.offsetNow();
                    entry.kind = hidden ? "NOTE" : "REPLY";
                    entry.actor = user.username();
                    entry.summary = body.length() > 200 ? body.substring(0, 200) + "…" : body;
                    var details = TicketRelay.details("text", body, "authorKind",
                            user.isCustomer() ? "customer" : user.isPartner() ? "partner" : "staff");
                    var names = details.putArray("mentions");
                    users.stream().filter(u -> !u.isCustomer()).forEach(u -> names.add(u.username()));
                    entry.summaryText = StoredText.write(Text.literal(entry.summary));
                    entry.detailsJson = details.toString();
                    entry.internal = hidden;
                    // a partner's note belongs to their task: staff see it, other partners never do
                    entry.taskId = mine == null || mine.isEmpty() ? null : mine.iterator().next();
                    ticket.updatedAt = entry.at;
                    // a test ticket's entry carries its virtual time (ADR 0048)
                    return TicketClock.stamp(ticket.id, ticket.isTest).invoke(at -> entry.at = at)
                            .chain(() -> entry.persist())
                            .call(() -> Multi.createFrom().iterable(users).filter(u -> !u.isCustomer()
                                    && !(hidden && u.isPartner()) && !u.username().equals(user.username())).onItem()
                                    .transformToUniAndConcatenate(u -> notifications.notifyUser(u.username(), ticket.id, ticket.number,
                                            "MENTION", Text.of("notify.mention", user.displayName(), ticket.number,
                                                    entry.summary)))
                                    .collect().last())
                            .call(() -> hidden ? Uni.createFrom().voidItem()
                                    : notifyWatchers(ticket, user, "REPLY", Text.of("notify.reply",
                                            user.displayName(), ticket.number, entry.summary)))
                            .call(() -> audit.record(user.username(), hidden ? "ticket.note" : "ticket.reply",
                                    "ticket", ticket.number, Map.of("mentions", names.toString())))
                            .map(saved -> toEntry(entry));
                }))));
    }

    /**
     * A partner (another company) writes internal notes for staff; a public reply to the customer only where the
     * ticket's template allows it ({@code partnersMayReplyToCustomer}).
     */
    private Uni<Void> partnerMayPost(CurrentUser user, TicketEntity ticket, boolean hidden) {
        if (!user.isPartner() || hidden) {
            return Uni.createFrom().voidItem();
        }
        return templates.byVersionId(ticket.templateVersionId).chain(t -> t.partnersMayReplyToCustomer()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new Forbidden(io.flowdesk.shared.Text.of("tickets.partner.noReply"))));
    }

    /** Whether this user may send public replies on this ticket (for the views: partners only if allowed). */
    public Uni<Boolean> mayReplyToCustomer(CurrentUser user, String number) {
        if (!user.isPartner()) {
            return Uni.createFrom().item(true);
        }
        return Panache.withSession(() -> tickets.accessible(user, number).chain(ticket -> templates
                .byVersionId(ticket.templateVersionId)).map(t -> t.partnersMayReplyToCustomer()));
    }

    /**
     * Transfers an open task to another department (back into its queue) or to a person, with a reason.
     * Allowed for agents, supervisors, admins and whoever may work the task now.
     */
    public Uni<TaskView> transfer(CurrentUser user, String taskId, String toDepartment, String toUser, String reason) {
        List<FieldError> errors = new ArrayList<>();
        boolean toDept = toDepartment != null && !toDepartment.isBlank();
        boolean toPerson = toUser != null && !toUser.isBlank();
        if (toDept == toPerson) {
            errors.add(FieldError.of("/department", Text.of("ticket.error.transferTarget"), "required"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            errors.add(FieldError.of("/reason", Text.of("ticket.error.reason"), "required"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.transferInvalid"), errors));
        }
        return Panache.withSession(() -> TicketTaskEntity.<TicketTaskEntity>findById(taskId)).chain(task -> {
            if (task == null || !TicketTaskEntity.OPEN.equals(task.state) || !(user.seesAllTickets()
                    || user.inDepartment(task.candidateGroup) || user.username().equals(task.assignee))) {
                return Uni.createFrom().failure(new NotFound(Text.of("ticket.error.taskNotOpen", taskId)));
            }
            if (user.isCustomer() || user.isPartner() && !user.username().equals(task.assignee)) {
                return Uni.createFrom().failure(new Forbidden(Text.of("ticket.error.transferForbidden")));
            }
            // the target's name, in both languages for a department
            Uni<Text> target = toDept ? identity.departments().map(list -> {
                Department department = list.stream().filter(d -> d.key().equals(toDepartment)).findFirst()
                        .orElseThrow(() -> InvalidInput.of("/department", Text.of("ticket.error.unknownDepartment",
                                toDepartment), "unknown"));
                return Text.bilingual(department.nameZh(), department.nameEn());
            }) : identity.existing(List.of(toUser)).map(list -> {
                if (list.isEmpty() || list.get(0).isCustomer()) {
                    throw InvalidInput.of("/user", Text.of("ticket.error.unknownWorker", toUser), "unknown");
                }
                return Text.literal(list.get(0).displayName());
            });
            return target.call(t -> bridge.run(() -> {
                if (toDept) {
                    engine.transferToDepartment(taskId, toDepartment);
                } else {
                    engine.assign(taskId, toUser);
                }
            })).chain(targetName -> Panache.withTransaction(() -> TicketTaskEntity.<TicketTaskEntity>findById(taskId)
                    .chain(fresh -> TicketEntity.locked(fresh.ticketId).chain(ticket -> {
                        String from = fresh.assignee != null ? fresh.assignee : fresh.candidateGroup;
                        if (toDept) {
                            fresh.candidateGroup = toDepartment;
                            fresh.assignee = null;
                        } else {
                            fresh.assignee = toUser;
                        }
                        ticket.updatedAt = FlowClock.offsetNow();
                        String to = toDept ? toDepartment : toUser;
                        var details = TicketRelay.details("task", fresh.nameZh, "taskEn", fresh.nameEn, "from", from,
                                "to", to, "reason", reason.strip());
                        return TicketRelay.timeline(ticket, "TRANSFERRED", user.username(), taskId,
                                Text.of("timeline.text.transferred", TimelineTexts.task(fresh.nameZh, fresh.nameEn),
                                        targetName, reason.strip()), details, true)
                                .call(() -> toPerson ? notifications.notifyUser(toUser, ticket.id, ticket.number, "TRANSFER",
                                        Text.of("notify.transfer", user.displayName(), ticket.number,
                                                TimelineTexts.task(fresh.nameZh, fresh.nameEn), reason.strip()))
                                        : Uni.createFrom().voidItem())
                                .call(() -> audit.record(user.username(), "task.transfer", "ticket", ticket.number,
                                        Map.of("task", taskId, "from", String.valueOf(from), "to", to, "reason",
                                                reason.strip())))
                                .map(v -> TaskWorkService.view(fresh, ticket));
                    }))));
        });
    }

    /** Changes a ticket's priority with a reason (agents, supervisors, admins). */
    public Uni<TicketDetails> changePriority(CurrentUser user, String number, String priority, String reason) {
        if (!user.seesAllTickets()) {
            return Uni.createFrom().failure(new Forbidden(Text.of("ticket.error.priorityForbidden")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (priority == null || !Priority.ALL.contains(priority)) {
            errors.add(FieldError.of("/priority", Text.of("ticket.error.priority", String.join(", ", Priority.ALL)),
                    "enum"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            errors.add(FieldError.of("/reason", Text.of("ticket.error.reason"), "required"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.priorityInvalid"), errors));
        }
        return Panache.withTransaction(() -> tickets.accessibleForUpdate(user, number).chain(ticket -> {
            String from = ticket.priority;
            if (from.equals(priority)) {
                return Uni.createFrom().item(ticket);
            }
            ticket.priority = priority;
            ticket.updatedAt = FlowClock.offsetNow();
            return TicketTaskEntity.update("priority = ?1 where ticketId = ?2 and state = 'OPEN'", priority, ticket.id)
                    .chain(() -> TicketRelay.timeline(ticket, "PRIORITY_CHANGED", user.username(), null,
                    Text.of("timeline.text.priority", from, priority, reason.strip()),
                    TicketRelay.details("from", from, "to", priority, "reason", reason.strip()), true)
                    .call(() -> audit.record(user.username(), "ticket.priority", "ticket", number,
                            Map.of("from", from, "to", priority, "reason", reason.strip()))))
                    // under the row lock, so the engine's copy ends as the last change made it (ADR 0030)
                    .call(() -> ticket.processInstanceId == null ? Uni.createFrom().voidItem()
                            : bridge.run(() -> engine.setTicketVariable(ticket.processInstanceId, "ticketPriority",
                                    priority)))
                    .replaceWith(ticket);
        })).chain(ticket -> tickets.get(user, number));
    }

    public Uni<List<String>> watchers(CurrentUser user, String number) {
        return Panache.withSession(() -> tickets.accessible(user, number).chain(ticket -> WatcherEntity
                .<WatcherEntity>list("ticketId = ?1 order by username", ticket.id))
                .map(list -> list.stream().map(w -> w.username).toList()));
    }

    /** Adds a watcher (CC); staff may add anyone who works tasks, everyone else only themselves. */
    public Uni<List<String>> watch(CurrentUser user, String number, String username) {
        String who = username == null || username.isBlank() ? user.username() : username;
        if (user.isCustomer()) {
            return Uni.createFrom().failure(new Forbidden(Text.of("ticket.error.watchCustomer")));
        }
        if (!who.equals(user.username()) && !user.seesAllTickets()) {
            // a ticket the caller cannot see stays invisible (404) even here
            return Panache.withSession(() -> tickets.accessible(user, number)).chain(ticket -> Uni.createFrom()
                    .failure(new Forbidden(Text.of("ticket.error.watchOthers"))));
        }
        return identity.existing(List.of(who)).chain(found -> {
            if (found.isEmpty() || found.get(0).isCustomer()) {
                return Uni.createFrom().failure(InvalidInput.of("/username", Text.of("ticket.error.cannotWatch", who),
                        "unknown"));
            }
            return Panache.withTransaction(() -> tickets.accessibleForUpdate(user, number).chain(ticket -> WatcherEntity
                    .count("ticketId = ?1 and username = ?2", ticket.id, who).chain(count -> {
                        if (count > 0) {
                            return Uni.createFrom().voidItem();
                        }
                        WatcherEntity watcher = new WatcherEntity();
                        watcher.ticketId = ticket.id;
                        watcher.username = who;
                        watcher.createdAt = FlowClock.offsetNow();
                        return watcher.persist().call(() -> TicketRelay.timeline(ticket, "WATCHER_ADDED",
                                user.username(), null, Text.of("timeline.text.watcher", who), TicketRelay.details("watcher", who), true))
                                .call(() -> audit.record(user.username(), "ticket.watch", "ticket", number,
                                        Map.of("watcher", who)))
                                .replaceWithVoid();
                    }))).chain(() -> watchers(user, number));
        });
    }

    public Uni<List<String>> unwatch(CurrentUser user, String number, String username) {
        String who = username == null || username.isBlank() ? user.username() : username;
        if (!who.equals(user.username()) && !user.seesAllTickets()) {
            return Uni.createFrom().failure(new Forbidden(Text.of("ticket.error.unwatchOthers")));
        }
        return Panache.withTransaction(() -> tickets.accessibleForUpdate(user, number).chain(ticket -> WatcherEntity
                .delete("ticketId = ?1 and username = ?2", ticket.id, who)
                .call(() -> audit.record(user.username(), "ticket.unwatch", "ticket", number, Map.of("watcher", who)))))
                .chain(() -> watchers(user, number));
    }

    private Uni<Void> notifyWatchers(TicketEntity ticket, CurrentUser actor, String kind, Text text) {
        return WatcherEntity.<WatcherEntity>list("ticketId = ?1", ticket.id).chain(list -> Multi.createFrom()
                .iterable(list).filter(w -> !w.username.equals(actor.username())).onItem()
                .transformToUniAndConcatenate(w -> notifications.notifyUser(w.username, ticket.id, ticket.number, kind, text))
                .collect().last()).replaceWithVoid();
    }

    static TimelineEntry toEntry(TicketEventEntity e) {
        return TimelineTexts.entry(e, false, TimelineTexts.parse(e.detailsJson), null, Set.of());
    }

}
