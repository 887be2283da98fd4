package io.flowdesk.tickets;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.TicketClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.forms.FormRef;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.tickets.internal.EngineEventEntity;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.tickets.internal.TicketEventEntity;
import io.flowdesk.tickets.internal.TicketTaskEntity;
import io.flowdesk.workflow.EngineEventKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies the engine outbox to the ticket tables: task projection, ticket status, current step, merged data
 * and timeline. Per ticket, under a row lock, in event order, deleting what it applied in the same transaction,
 * so applying twice is impossible and a crash in between only delays it.
 */
@ApplicationScoped
public class TicketRelay {

    @Inject
    TemplateService templates;

    @Inject
    NotifyStep notifyStep;

    public Uni<Void> drain(long ticketId) {
        return linkAndDrain(ticketId, null);
    }

    /**
     * Links a PENDING ticket to its process instance (when given) and applies the outbox, in one transaction:
     * one commit fewer per created ticket than linking and draining apart.
     */
    public Uni<Void> linkAndDrain(long ticketId, String processInstanceId) {
        return Panache.withTransaction(() -> TicketEntity.locked(ticketId)
                .chain(ticket -> {
                    if (ticket == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (processInstanceId != null && TicketEntity.PENDING.equals(ticket.engineState)) {
                        ticket.processInstanceId = processInstanceId;
                        ticket.engineState = TicketEntity.ACTIVE;
                        ticket.updatedAt = FlowClock.offsetNow();
                    }
                    return EngineEventEntity.<EngineEventEntity>list("ticketId = ?1 order by id", ticketId)
                            .chain(events -> events.isEmpty() ? Uni.createFrom().voidItem() : apply(ticket, events));
                }));
    }

    /** Drains every ticket that has pending engine events (periodic job and start-up). */
    public Uni<Integer> drainAll(int limit) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select distinct ticket_id from engine_event limit " + limit, Long.class)
                .getResultList()))
                .chain(ids -> Multi.createFrom().iterable(ids).onItem()
                        .transformToUniAndConcatenate(id -> drain(id).replaceWith(1)).collect().asList()
                        .map(List::size));
    }

    private Uni<Void> apply(TicketEntity ticket, List<EngineEventEntity> events) {
        return templates.byVersionId(ticket.templateVersionId).chain(template -> TicketTaskEntity
                .<TicketTaskEntity>list("ticketId = ?1", ticket.id).chain(tasks -> {
                    State state = new State(ticket, template, tasks.stream()
                            .collect(Collectors.toMap(t -> t.taskId, t -> t, (a, b) -> a, LinkedHashMap::new)));
                    return Multi.createFrom().iterable(events).onItem()
                            .transformToUniAndConcatenate(event -> applyOne(state, event)).collect().last()
                            .chain(ignored -> {
                                long maxId = events.get(events.size() - 1).id;
                                ticket.currentStep = state.currentStep();
                                ticket.updatedAt = FlowClock.offsetNow();
                                return EngineEventEntity.delete("ticketId = ?1 and id <= ?2", ticket.id, maxId);
                            }).replaceWithVoid();
                }));
    }

    private Uni<Void> applyOne(State state, EngineEventEntity event) {
        JsonNode payload = Json.parse(event.payloadJson == null ? "{}" : event.payloadJson);
        TicketEntity ticket = state.ticket;
        OffsetDateTime now = FlowClock.offsetNow();
        EngineEventKind kind = EngineEventKind.valueOf(event.kind);
        switch (kind) {
            case TASK_CREATED -> {
                if (state.tasks.containsKey(event.taskId)) {
                    return Uni.createFrom().voidItem();
                }
                TicketTaskEntity task = new TicketTaskEntity();
                task.taskId = event.taskId;
                task.ticketId = ticket.id;
                task.taskDefKey = payload.path("taskDefKey").asText();
                task.nameZh = payload.path("name").asText(task.taskDefKey);
                task.nameEn = payload.path("nameEn").asText(task.nameZh);
                task.formKey = payload.path("formKey").asText(null);
                FormRef pinned = task.formKey == null ? null : state.template.form(task.formKey);
                task.formVersion = pinned == null ? null : pinned.version();
                task.candidateGroup = payload.path("candidateGroup").asText(null);
                task.assignee = payload.path("assignee").asText(null);
                task.ticketStatus = payload.path("ticketStatus").asText(null);
                task.state = TicketTaskEntity.OPEN;
                task.priority = ticket.priority;
                task.createdAt = now;
                state.tasks.put(task.taskId, task);
                String status = task.ticketStatus != null ? task.ticketStatus : TicketStatus.OPEN;
                return task.persist()
                        .chain(() -> timeline(ticket, "TASK_STARTED", null, task.taskId,
                                Text.of("timeline.text.taskStarted", TimelineTexts.task(task.nameZh, task.nameEn)),
                                details("task", task.nameZh, "taskEn", task.nameEn, "department", task.candidateGroup,
                                        "taskDefKey", task.taskDefKey, "assignee", task.assignee,
                                        "priority", task.priority, "assignment", text(payload, "assignment"),
                                        "skills", text(payload, "skills"),
                                        "targetMinutes", text(payload, "targetMinutes")),
                                true))
                        .chain(() -> setStatus(ticket, status, null));
            }
            case TASK_ASSIGNED -> {
                TicketTaskEntity task = state.tasks.get(event.taskId);
                if (task == null || !TicketTaskEntity.OPEN.equals(task.state)) {
                    return Uni.createFrom().voidItem();
                }
                String assignee = payload.path("assignee").asText(null);
                if (java.util.Objects.equals(assignee, task.assignee)) {
                    return Uni.createFrom().voidItem();
                }
                task.assignee = assignee;
                return timeline(ticket, assignee == null ? "TASK_UNCLAIMED" : "TASK_CLAIMED", assignee, task.taskId,
                        assignee == null
                                ? Text.of("timeline.text.taskReleased", TimelineTexts.task(task.nameZh, task.nameEn))
                                : Text.of("timeline.text.taskClaimed", assignee,
                                        TimelineTexts.task(task.nameZh, task.nameEn)),
                        details("task", task.nameZh, "taskEn", task.nameEn), true);
            }
            case TASK_COMPLETED -> {
                TicketTaskEntity task = state.tasks.get(event.taskId);
                if (task == null || !TicketTaskEntity.OPEN.equals(task.state)) {
                    return Uni.createFrom().voidItem();
                }
                String actor = payload.path("actor").asText(payload.path("assignee").asText(null));
                String submittedText = payload.path("submitted").asText(null);
                ObjectNode submitted = submittedText == null ? Json.MAPPER.createObjectNode()
                        : Json.parseObject(submittedText);
                task.state = TicketTaskEntity.COMPLETED;
                task.completedAt = now;
                task.completedBy = actor;
                task.dataJson = submitted.toString();
                ArrayNode changes = mergeData(ticket, submitted);
                ObjectNode details = details("task", task.nameZh, "taskEn", task.nameEn);
                details.set("changes", changes);
                return timeline(ticket, "TASK_COMPLETED", actor, task.taskId,
                        Text.of("timeline.text.taskCompleted", actor == null ? "" : actor,
                                TimelineTexts.task(task.nameZh, task.nameEn)), details, true);
            }
            case TASK_DELETED -> {
                TicketTaskEntity task = state.tasks.get(event.taskId);
                if (task == null || !TicketTaskEntity.OPEN.equals(task.state)) {
                    return Uni.createFrom().voidItem();
                }
                task.state = TicketTaskEntity.CANCELLED;
                task.completedAt = now;
                return timeline(ticket, "TASK_CANCELLED", null, task.taskId,
                        Text.of("timeline.text.taskCancelled", TimelineTexts.task(task.nameZh, task.nameEn)),
                        details("task", task.nameZh, "taskEn", task.nameEn), true);
            }
            case MIGRATED -> {
                return migrated(state, payload);
            }
            case END_REACHED -> {
                state.endStatus = payload.path("ticketStatus").asText(null);
                state.endName = payload.path("name").asText(null);
                return Uni.createFrom().voidItem();
            }
            case PROCESS_ENDED, PROCESS_CANCELLED -> {
                String status = kind == EngineEventKind.PROCESS_CANCELLED ? TicketStatus.CANCELLED
                        : state.endStatus != null ? state.endStatus : TicketStatus.RESOLVED;
                ticket.engineState = TicketEntity.ENDED;
                ticket.resolvedAt = now;
                return setStatus(ticket, status, state.endName)
                        .chain(() -> timeline(ticket, "ENDED", null, null, state.endName != null
                                ? Text.of("timeline.text.endedAt", state.endName) : Text.of("timeline.text.ended"),
                                details("status", status, "end", state.endName), false));
            }
            case NOTIFY -> {
                return notifyStep.apply(ticket, state.tasks.values(), payload)
                        .chain(count -> timeline(ticket, "NOTIFIED", null, null, Text.of("timeline.text.notified",
                                TimelineTexts.recipient(payload.path("to").asText()), count), details("to", payload.path("to").asText(), "message",
                                        payload.path("message").asText()), true));
            }
            default -> {
                return Uni.createFrom().voidItem();
            }
        }
    }

    /**
     * The process instance moved to another version of its template (ADR 0047; written before the engine moved it, so
     * the steps the move creates are read against the new version): the ticket follows the version, takes the filled
     * defaults into its data, and its kept open steps take their new names and forms. One timeline entry tells the move.
     */
    private Uni<Void> migrated(State state, JsonNode payload) {
        TicketEntity ticket = state.ticket;
        long targetVersionId = payload.path("targetVersionId").asLong();
        return templates.byVersionId(targetVersionId).chain(target -> {
            state.template = target;
            ticket.templateVersionId = targetVersionId;
            JsonNode filled = payload.path("filled");
            ArrayNode changes = filled.isObject() && filled.size() > 0 ? mergeData(ticket, (ObjectNode) filled)
                    : Json.MAPPER.createArrayNode();
            ObjectNode details = details("fromVersion", payload.path("fromVersion").asText(), "toVersion",
                    payload.path("toVersion").asText(), "runId", payload.path("runId").asText());
            ArrayNode steps = details.putArray("steps");
            Text summary = null;
            java.util.Set<String> touched = new java.util.HashSet<>();
            for (JsonNode step : payload.path("steps")) {
                ObjectNode entry = steps.addObject();
                entry.setAll((ObjectNode) step.deepCopy());
                // Flowable keeps the task of a user task mapped to a user task (same id, new key and name); one it
                // replaces instead arrives as TASK_DELETED and TASK_CREATED after this entry
                {
                    for (TicketTaskEntity task : state.tasks.values()) {
                        if (TicketTaskEntity.OPEN.equals(task.state) && task.taskDefKey.equals(step.path("from")
                                .asText()) && touched.add(task.taskId)) {
                            task.taskDefKey = step.path("to").asText();
                            task.nameZh = step.path("toZh").asText(task.nameZh);
                            task.nameEn = step.path("toEn").asText(task.nameEn);
                            task.formKey = step.path("formKey").asText(null);
                            FormRef pinned = task.formKey == null ? null : target.form(task.formKey);
                            task.formVersion = pinned == null ? null : pinned.version();
                            entry.put("taskId", task.taskId);
                        }
                    }
                }
                Text one = Text.of("timeline.migrated.step." + step.path("change").asText("moved"),
                        TimelineTexts.task(step.path("fromZh").asText(), step.path("fromEn").asText()),
                        TimelineTexts.task(step.path("toZh").asText(), step.path("toEn").asText()));
                summary = summary == null ? one : Text.of("timeline.migrated.join", summary, one);
            }
            details.set("changes", changes);
            return timeline(ticket, "MIGRATED", payload.path("actor").asText(null), null,
                    Text.of("timeline.text.migrated", payload.path("fromVersion").asText(),
                            payload.path("toVersion").asText(), summary == null ? Text.literal("") : summary),
                    details, true);
        });
    }

    private static ArrayNode mergeData(TicketEntity ticket, ObjectNode submitted) {
        ObjectNode data = Json.parseObject(ticket.dataJson);
        ArrayNode changes = Json.MAPPER.createArrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = submitted.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode before = data.get(field.getKey());
            if (before == null || !before.equals(field.getValue())) {
                ObjectNode change = changes.addObject();
                change.put("field", field.getKey());
                change.set("from", before);
                change.set("to", field.getValue());
            }
            data.set(field.getKey(), field.getValue());
        }
        ticket.dataJson = data.toString();
        return changes;
    }

    private static Uni<Void> setStatus(TicketEntity ticket, String status, String reason) {
        if (status == null || status.equals(ticket.status)) {
            return Uni.createFrom().voidItem();
        }
        String from = ticket.status;
        ticket.status = status;
        return timeline(ticket, "STATUS_CHANGED", null, null, Text.of("timeline.text.status",
                TimelineTexts.status(from), TimelineTexts.status(status)),
                details("from", from, "to", status, "reason", reason), false);
    }

    /** Adds an entry; its summary is stored as key and arguments, with an English copy for logs and search. */
    static Uni<Void> timeline(TicketEntity ticket, String kind, String actor, String taskId, Text text,
            ObjectNode details, boolean internal) {
        String summary = text.in(Messages.EN);
        TicketEventEntity entry = new TicketEventEntity();
        entry.ticketId = ticket.id;
        entry.at = FlowClock.offsetNow();
        entry.kind = kind;
        entry.actor = actor;
        entry.taskId = taskId;
        entry.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
        entry.summaryText = StoredText.write(text);
        ObjectNode caused = TicketCommands.withCause(details);
        entry.detailsJson = caused == null ? null : caused.toString();
        entry.internal = internal;
        // a test ticket's entries carry its virtual time (ADR 0048); a real ticket's, the shared clock's (no query)
        return TicketClock.stamp(ticket.id, ticket.isTest).invoke(at -> entry.at = at)
                .chain(() -> entry.persist()).replaceWithVoid();
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    static ObjectNode details(String... pairs) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                node.put(pairs[i], pairs[i + 1]);
            }
        }
        return node;
    }

    private static final class State {
        final TicketEntity ticket;
        PublishedTemplate template;
        final Map<String, TicketTaskEntity> tasks;
        String endStatus;
        String endName;

        State(TicketEntity ticket, PublishedTemplate template, Map<String, TicketTaskEntity> tasks) {
            this.ticket = ticket;
            this.template = template;
            this.tasks = tasks;
        }

        String currentStep() {
            String open = tasks.values().stream().filter(t -> TicketTaskEntity.OPEN.equals(t.state))
                    .map(t -> t.nameZh + " / " + t.nameEn).collect(Collectors.joining(", "));
            return open.isEmpty() ? null : open.length() > 400 ? open.substring(0, 400) : open;
        }
    }
}
