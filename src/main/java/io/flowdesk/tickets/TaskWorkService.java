package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormRef;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.tickets.internal.TicketTaskEntity;
import io.flowdesk.workflow.EngineBridge;
import io.flowdesk.workflow.TaskInfo;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Working on tasks: inbox lists, claim, release, complete with validated form data. */
@ApplicationScoped
public class TaskWorkService {

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineBridge bridge;

    @Inject
    TicketRelay relay;

    @Inject
    TemplateService templates;

    @Inject
    FormService forms;

    @Inject
    TicketService tickets;

    /** {@code mine}: open tasks assigned to me; {@code group}: unassigned open tasks of my departments. */
    public Uni<List<TaskView>> list(CurrentUser user, String scope) {
        String query;
        Map<String, Object> params;
        if (scope == null || scope.equals("mine")) {
            query = "state = 'OPEN' and assignee = :me order by createdAt";
            params = Map.of("me", user.username());
        } else if (scope.equals("group")) {
            if (user.departments().isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            query = "state = 'OPEN' and assignee is null and candidateGroup in :groups order by createdAt";
            params = Map.of("groups", List.copyOf(user.departments()));
        } else {
            return Uni.createFrom().failure(InvalidInput.of("query:scope", Text.of("ticket.error.scope"), "enum"));
        }
        return Panache.withSession(() -> TicketTaskEntity.<TicketTaskEntity>find(query, params).page(0, 500).list()
                .chain(tasks -> {
                    List<Long> ids = tasks.stream().map(t -> t.ticketId).distinct().toList();
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(List.<TaskView>of());
                    }
                    return TicketEntity.<TicketEntity>list("id in ?1", ids).map(list -> {
                        Map<Long, TicketEntity> byId = list.stream().collect(Collectors.toMap(t -> t.id, t -> t));
                        return tasks.stream().map(t -> view(t, byId.get(t.ticketId))).toList();
                    });
                }));
    }

    public Uni<TaskView> get(CurrentUser user, String taskId) {
        return Panache.withSession(() -> TicketTaskEntity.<TicketTaskEntity>findById(taskId).chain(task -> {
            if (task == null || !maySee(user, task.candidateGroup, task.assignee, task.completedBy)) {
                return Uni.createFrom().failure(new NotFound(Text.of("ticket.error.taskNotFound", taskId)));
            }
            return TicketEntity.<TicketEntity>findById(task.ticketId).map(ticket -> view(task, ticket));
        }));
    }

    public Uni<TaskView> claim(CurrentUser user, String taskId) {
        return visibleOpenTask(user, taskId).chain(task -> {
            if (task.assignee() != null) {
                if (task.assignee().equals(user.username())) {
                    return Uni.createFrom().item(task);
                }
                return Uni.createFrom().failure(new Conflict(Text.of("ticket.error.claimedAlready", task.assignee())));
            }
            return bridge.run(() -> engine.claim(taskId, user.username())).replaceWith(task);
        }).chain(task -> relay.drain(task.ticketId())).chain(() -> get(user, taskId));
    }

    public Uni<TaskView> unclaim(CurrentUser user, String taskId) {
        return visibleOpenTask(user, taskId).chain(task -> {
            boolean mayRelease = user.username().equals(task.assignee()) || user.has(Role.SUPERVISOR)
                    || user.has(Role.ADMIN);
            if (task.assignee() == null) {
                return Uni.createFrom().item(task);
            }
            if (!mayRelease) {
                return Uni.createFrom().failure(new Conflict(Text.of("ticket.error.claimedBy", task.assignee())));
            }
            return bridge.run(() -> engine.unclaim(taskId)).replaceWith(task);
        }).chain(task -> relay.drain(task.ticketId())).chain(() -> get(user, taskId));
    }

    /**
     * Completes a task with data validated against the form version pinned by the ticket's template version.
     * Returns the ticket afterwards (with its next tasks).
     */
    public Uni<TicketDetails> complete(CurrentUser user, String taskId, JsonNode data) {
        JsonNode submitted = data == null ? Json.MAPPER.createObjectNode() : data;
        if (!submitted.isObject()) {
            return Uni.createFrom().failure(InvalidInput.of("/data", Text.of("ticket.error.dataObject"), "type"));
        }
        // visibility from the task projection (one query); the engine re-checks state and assignee atomically
        return Panache.withSession(() -> TicketTaskEntity.<TicketTaskEntity>findById(taskId).chain(task -> {
            if (task == null || !maySee(user, task.candidateGroup, task.assignee, task.completedBy)) {
                return Uni.createFrom().failure(new NotFound(Text.of("ticket.error.taskNotFound", taskId)));
            }
            if (!TicketTaskEntity.OPEN.equals(task.state)) {
                return Uni.createFrom().failure(new Conflict(Text.of("ticket.error.taskDone", taskId)));
            }
            if (task.assignee != null && !task.assignee.equals(user.username())) {
                return Uni.createFrom().failure(new Conflict(Text.of("ticket.error.claimedBy", task.assignee)));
            }
            return TicketEntity.<TicketEntity>findById(task.ticketId).map(ticket -> new Object[] {task, ticket});
        })).chain(pair -> {
            TicketTaskEntity task = (TicketTaskEntity) pair[0];
            TicketEntity ticket = (TicketEntity) pair[1];
            return templates.byVersionId(ticket.templateVersionId)
                    .chain(template -> {
                        FormRef form = task.formKey == null ? null : template.form(task.formKey);
                        if (form == null) {
                            return Uni.createFrom().item(List.<io.flowdesk.shared.FieldError>of());
                        }
                        return forms.validate(form, submitted, "/data", user.locale());
                    })
                    .chain(errors -> {
                        if (!errors.isEmpty()) {
                            return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.formInvalid"), errors));
                        }
                        return bridge.run(() -> engine.complete(taskId, user.username(),
                                ProcessVariables.of(submitted), submitted.toString()));
                    })
                    .chain(() -> relay.drain(task.ticketId))
                    .chain(() -> tickets.details(task.ticketId));
        });
    }

    /**
     * The engine's view of an open task the user may work on. Unknown or not visible: 404. Known but already
     * completed: 409 (someone was faster).
     */
    private Uni<TaskInfo> visibleOpenTask(CurrentUser user, String taskId) {
        return bridge.call(() -> engine.task(taskId)).chain(found -> {
            if (found.isPresent()) {
                TaskInfo task = found.get();
                boolean visible = task.ticketId() != null && (user.has(Role.ADMIN)
                        || task.candidateGroups().stream().anyMatch(user::inDepartment)
                        || user.username().equals(task.assignee()));
                if (visible) {
                    return Uni.createFrom().item(task);
                }
                NotFound notFound = new NotFound(Text.of("ticket.error.taskNotFound", taskId));
                if (task.ticketId() == null || !user.has(Role.DESIGNER)) {
                    return Uni.createFrom().failure(notFound);
                }
                // designers walk "Try it" tickets through every step
                return Panache.withSession(() -> TicketEntity.<TicketEntity>findById(task.ticketId()))
                        .chain(ticket -> ticket != null && ticket.isTest ? Uni.createFrom().item(task)
                                : Uni.createFrom().failure(notFound));
            }
            return Panache.withSession(() -> TicketTaskEntity.<TicketTaskEntity>findById(taskId)).chain(done -> {
                if (done != null && maySee(user, done.candidateGroup, done.assignee, done.completedBy)) {
                    return Uni.createFrom().failure(new Conflict(Text.of("ticket.error.taskDone", taskId)));
                }
                return Uni.createFrom().failure(new NotFound(Text.of("ticket.error.taskNotFound", taskId)));
            });
        });
    }

    private static boolean maySee(CurrentUser user, String group, String assignee, String completedBy) {
        return user.has(Role.ADMIN) || user.inDepartment(group) || user.username().equals(assignee)
                || user.username().equals(completedBy);
    }

    static TaskView view(TicketTaskEntity t, TicketEntity ticket) {
        return new TaskView(t.taskId, ticket == null ? null : ticket.number, ticket == null ? null : ticket.title,
                ticket == null ? null : ticket.priority, t.taskDefKey, t.nameZh, t.nameEn, t.formKey, t.formVersion,
                t.candidateGroup, t.assignee, t.state, t.ticketStatus, t.createdAt, t.completedAt, t.completedBy);
    }

}
