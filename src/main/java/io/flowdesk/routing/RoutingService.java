package io.flowdesk.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.routing.internal.RoutingStore;
import io.flowdesk.routing.internal.RoutingStore.MemberRow;
import io.flowdesk.routing.internal.RoutingStore.WaitingRow;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.TicketCommands;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Automatic assignment: loads what the {@link Router} weighs (members, availability, shift, skills, load, round-robin
 * memory, the customer's previous agent), decides, and applies the decision through {@link TicketCommands}, writing
 * why on the timeline. Everything runs in the caller's session and transaction; deciding and assigning are serialized
 * across nodes by one advisory lock, so two decisions never see the same load.
 */
@ApplicationScoped
public class RoutingService {

    /** How many waiting tasks one hand-out looks at. */
    static final int HAND_OUT_LIMIT = 100;

    @Inject
    RoutingStore store;

    @Inject
    TicketCommands commands;

    @Inject
    AuditLog audit;

    @Inject
    IdentityService identity;

    @Inject
    Instance<ShiftCalendars> shifts;

    // ---- deciding ----

    /** The task as routing sees it now (from its projection and its TASK_STARTED facts), or null when not open. */
    public Uni<RoutingTask> task(String taskId) {
        return task(taskId, false);
    }

    /** As {@link #task(String)}; with {@code unassignedOnly}, null when someone has it already. */
    public Uni<RoutingTask> task(String taskId, boolean unassignedOnly) {
        return store.openTask(taskId).chain(row -> {
            if (row == null || unassignedOnly && row[2] != null) {
                return Uni.createFrom().nullItem();
            }
            long ticketId = ((Number) row[0]).longValue();
            String department = (String) row[1];
            String priority = (String) row[3];
            return store.startedDetails(taskId).chain(json -> {
                JsonNode details = json == null ? Json.MAPPER.createObjectNode() : Json.parse(json);
                Strategy strategy = Strategy.of(details.path("assignment").asText(null));
                Map<String, Integer> skills = Skills.parse(details.path("skills").asText(null));
                return task(taskId, ticketId, department, strategy, skills, priority);
            });
        });
    }

    private Uni<RoutingTask> task(String taskId, long ticketId, String department, Strategy strategy,
            Map<String, Integer> skills, String priority) {
        Uni<String> lastServer = strategy == Strategy.STICKY ? store.lastServer(ticketId, taskId)
                : Uni.createFrom().nullItem();
        return lastServer.map(previous -> new RoutingTask(taskId, ticketId, department, strategy, skills, priority,
                previous));
    }

    /** The department's members with everything the filters and choosers weigh, at FlowClock's now. */
    public Uni<List<Agent>> agents(String department, boolean withSkills) {
        Instant now = FlowClock.instant();
        return store.members(department).chain(members -> {
            Uni<Map<String, Map<String, Integer>>> skills = withSkills ? store.skillsOfDepartment(department)
                    : Uni.createFrom().item(Map.of());
            return skills.chain(skillMap -> store.loadsOfDepartment(department).chain(loads -> onShift(members, now)
                    .map(shift -> members.stream().map(m -> new Agent(m.username(), m.displayName(), m.status(),
                            skillMap.getOrDefault(m.username(), Map.of()), loads.getOrDefault(m.username(), 0),
                            m.capacity(), shift.getOrDefault(m.calendarKey(), true), m.lastAssignedAt())).toList())));
        });
    }

    private Uni<Map<String, Boolean>> onShift(List<MemberRow> members, Instant now) {
        Set<String> keys = new LinkedHashSet<>();
        members.forEach(m -> {
            if (m.calendarKey() != null) {
                keys.add(m.calendarKey());
            }
        });
        Map<String, Boolean> result = new HashMap<>();
        if (keys.isEmpty() || shifts.isUnsatisfied()) {
            return Uni.createFrom().item(result);
        }
        ShiftCalendars calendars = shifts.get();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String key : keys) {
            chain = chain.chain(() -> calendars.isWorking(key, now).invoke(w -> result.put(key, w)).replaceWithVoid());
        }
        return chain.replaceWith(result);
    }

    /** The decision for a task, without writing anything (the preview and the real decision both start here). */
    public Uni<Decision> decide(RoutingTask task) {
        if (task.department() == null) {
            return Uni.createFrom().item(new Decision(task.strategy(), null, List.of(), List.of(), false));
        }
        return agents(task.department(), !task.requiredSkills().isEmpty()).map(agents -> Router.decide(task, agents));
    }

    /**
     * Decides and applies: assigns with why on the timeline, or flags the task as waiting (once) and tells the
     * department's supervisors. Call with {@link #lock()} held.
     */
    public Uni<Decision> route(RoutingTask task) {
        return store.flush().chain(() -> decide(task)).call(decision -> apply(task, decision));
    }

    /** Serializes deciding and assigning (one at a time across nodes, until the transaction ends). */
    public Uni<Void> lock() {
        return store.lock();
    }

    private Uni<Void> apply(RoutingTask task, Decision decision) {
        if (decision.strategy() == Strategy.QUEUE) {
            return Uni.createFrom().voidItem();
        }
        Instant now = FlowClock.instant();
        ObjectNode details = RoutingTexts.details(decision);
        Text why = RoutingTexts.why(decision, !task.requiredSkills().isEmpty());
        Uni<Void> saved = store.saveDecision(task.taskId(), task.ticketId(), task.department(),
                decision.strategy().id(), decision.chosen(), details.get("candidates").toString(),
                details.get("excluded").toString(), now);
        if (decision.chosen() != null) {
            String chosen = decision.chosen();
            return saved.chain(() -> commands.assignTask(task.taskId(), chosen, "TASK_ASSIGNED_AUTO", null, why,
                    details, task.department())).chain(assigned -> !assigned ? Uni.createFrom().voidItem()
                            : store.touchLastAssigned(chosen, task.department(), now)
                                    .chain(() -> store.unflag(task.taskId()))
                                    .chain(() -> commands.notifyUser(chosen, task.ticketId(), "TASK_ASSIGNED_AUTO",
                                            Text.of("routing.notify.assigned", why))));
        }
        return saved.chain(() -> store.flagWaiting(task.taskId(), task.ticketId(), task.department(),
                decision.strategy().id(), Skills.format(task.requiredSkills()), now)).chain(flagged -> {
                    if (!flagged) {
                        return Uni.createFrom().voidItem();
                    }
                    return commands.record(task.ticketId(), "ROUTING_WAITING", null, task.taskId(), why, details, true)
                            .chain(() -> store.supervisors(task.department()))
                            .chain(supervisors -> each(supervisors, s -> commands.notifyUser(s, task.ticketId(),
                                    "ROUTING_WAITING", Text.of("routing.notify.waiting", task.department(), why))));
                });
    }

    /** P1: everyone in the department hears of it (the queue already lists P1 first). */
    public Uni<Void> announceUrgent(long ticketId, String department, Text task) {
        return store.members(department).chain(members -> each(members.stream().map(MemberRow::username).toList(),
                m -> commands.notifyUser(m, ticketId, "ROUTING_URGENT", Text.of("routing.notify.urgent", task,
                        department))));
    }

    /**
     * Hands out waiting tasks of these departments (all when null) in priority, deadline and age order, while
     * someone is eligible. Call with {@link #lock()} held. Answers how many were assigned.
     */
    public Uni<Integer> handOut(List<String> departments) {
        return store.pruneWaiting().chain(() -> store.waiting(departments, HAND_OUT_LIMIT)).chain(rows -> {
            int[] assigned = {0};
            Set<String> full = new java.util.HashSet<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (WaitingRow row : rows) {
                chain = chain.chain(() -> {
                    if (full.contains(row.department() + "|" + row.skills())) {
                        return Uni.createFrom().voidItem();
                    }
                    return task(row.taskId(), row.ticketId(), row.department(), Strategy.of(row.strategy()),
                            Skills.parse(row.skills()), row.priority())
                            .chain(task -> store.flush().chain(() -> decide(task)).chain(decision -> {
                                if (decision.chosen() == null) {
                                    // nobody for this kind of task: the later ones of the same kind wait as well
                                    full.add(row.department() + "|" + row.skills());
                                    return Uni.createFrom().voidItem();
                                }
                                assigned[0]++;
                                return apply(task, decision);
                            }));
                });
            }
            return chain.map(ignored -> assigned[0]);
        });
    }

    // ---- the REST and view face ----

    /** A dry run: the same answer the real decision would give now; nothing is written. */
    public record Preview(String taskId, String strategy, String chosen, boolean emptyPool, boolean fallback,
            boolean waiting, List<Decision.Candidate> candidates, List<Map<String, String>> excluded, String why) {
    }

    public Uni<Preview> preview(CurrentUser user, String taskId, Locale locale) {
        return Panache.withSession(() -> store.task(taskId).chain(row -> {
            if (row == null || !maySee(user, (String) row[1], (String) row[2], (String) row[3])) {
                return Uni.createFrom().failure(new NotFound(Text.of("ticket.error.taskNotFound", taskId)));
            }
            return task(taskId).chain(task -> {
                if (task == null) {
                    return Uni.createFrom().failure(new io.flowdesk.shared.Conflict(Text.of("ticket.error.taskDone",
                            taskId)));
                }
                return decide(task).chain(decision -> store.isWaiting(taskId).map(waiting -> new Preview(taskId,
                        decision.strategy().id(), decision.chosen(), decision.emptyPool(), decision.fallback(),
                        waiting, decision.candidates(), decision.excluded().stream().map(e -> {
                            Map<String, String> m = new LinkedHashMap<>();
                            m.put("username", e.username());
                            m.put("reason", e.reason().id());
                            m.put("detail", e.detail());
                            return m;
                        }).toList(), RoutingTexts.why(decision, !task.requiredSkills().isEmpty()).in(locale))));
            });
        }));
    }

    private static boolean maySee(CurrentUser user, String department, String assignee, String completedBy) {
        if (user.isCustomer() || user.isPartner()) {
            return false;
        }
        return user.seesAllTickets() || user.inDepartment(department) || user.username().equals(assignee)
                || user.username().equals(completedBy);
    }

    public record AvailabilityView(String username, String status, Instant changedAt) {
    }

    public Uni<AvailabilityView> availability(CurrentUser user) {
        return Panache.withSession(() -> store.member(user.username())).map(m -> new AvailabilityView(user.username(),
                m == null ? Availability.OFFLINE.id() : m.status().id(), m == null ? null : m.changedAt()));
    }

    /** The agent's own status; coming online hands out what waits in their departments. */
    public Uni<AvailabilityView> setAvailability(CurrentUser user, String status) {
        if (user.isCustomer()) {
            return Uni.createFrom().failure(new Forbidden(Text.of("routing.error.staffOnly")));
        }
        var parsed = Availability.parse(status == null ? null : status.strip());
        if (parsed.isEmpty()) {
            return Uni.createFrom().failure(InvalidInput.of("/status", Text.of("routing.error.status",
                    Text.of("routing.field.status")), "enum"));
        }
        Availability to = parsed.get();
        Instant now = FlowClock.instant();
        return Panache.withTransaction(() -> store.member(user.username()).chain(before -> {
            if (before != null && before.status() == to && before.changedAt() != null) {
                return Uni.createFrom().item(new AvailabilityView(user.username(), to.id(), before.changedAt()));
            }
            return store.setStatus(user.username(), to, now)
                    .chain(() -> audit.record(user.username(), "routing.availability", "user", user.username(),
                            Map.of("from", before == null ? "offline" : before.status().id(), "to", to.id())))
                    .chain(() -> to != Availability.ONLINE ? Uni.createFrom().item(0)
                            : lock().chain(() -> store.departmentsOf(user.username())).chain(this::handOut))
                    .replaceWith(new AvailabilityView(user.username(), to.id(), now));
        }));
    }

    public record SkillView(String key, String nameZh, String nameEn, int level) {
    }

    public record BoardRow(String username, String displayName, List<String> departments, String status,
            Instant changedAt, int load, int capacity, String calendar, boolean onShift, List<SkillView> skills) {
    }

    public record SkillName(String key, String nameZh, String nameEn) {
    }

    public Uni<List<SkillName>> catalogue() {
        return Panache.withSession(() -> store.catalogue()).map(names -> names.entrySet().stream()
                .map(e -> new SkillName(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }

    /** Supervisors and admins: who is online, their load and capacity, skills, per department. */
    public Uni<List<BoardRow>> board(CurrentUser user, String department) {
        if (!user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("routing.error.supervisorsOnly")));
        }
        return Panache.withSession(() -> departments(user, department).chain(keys -> {
            Map<String, MemberRow> members = new LinkedHashMap<>();
            Map<String, List<String>> departmentsOf = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String key : keys) {
                chain = chain.chain(() -> store.members(key).invoke(rows -> rows.forEach(m -> {
                    if (m.roles() != null && m.roles().contains(Role.CUSTOMER)) {
                        return;
                    }
                    members.putIfAbsent(m.username(), m);
                    departmentsOf.computeIfAbsent(m.username(), u -> new ArrayList<>()).add(key);
                })).replaceWithVoid());
            }
            return chain.chain(() -> {
                List<String> names = members.keySet().stream().sorted().toList();
                Instant now = FlowClock.instant();
                return store.loadsOf(names).chain(loads -> store.skillsOf(names).chain(skills -> store.catalogue()
                        .chain(catalogue -> onShift(List.copyOf(members.values()), now).map(shift -> names.stream()
                                .map(members::get).map(m -> new BoardRow(m.username(), m.displayName(),
                                        departmentsOf.get(m.username()), m.status().id(), m.changedAt(),
                                        loads.getOrDefault(m.username(), 0), m.capacity(), m.calendarKey(),
                                        shift.getOrDefault(m.calendarKey(), true),
                                        skills.getOrDefault(m.username(), Map.of()).entrySet().stream()
                                                .map(s -> new SkillView(s.getKey(), name(catalogue, s.getKey(), 0),
                                                        name(catalogue, s.getKey(), 1), s.getValue()))
                                                .sorted(java.util.Comparator.comparing(SkillView::key)).toList()))
                                .toList()))));
            });
        }));
    }

    private static String name(Map<String, String[]> catalogue, String key, int index) {
        String[] names = catalogue.get(key);
        return names == null ? key : names[index];
    }

    private Uni<List<String>> departments(CurrentUser user, String department) {
        return identity.departments().map(all -> {
            List<String> keys = all.stream().map(io.flowdesk.identity.Department::key).toList();
            if (department != null && !department.isBlank()) {
                if (!keys.contains(department)) {
                    throw InvalidInput.of("query:department", Text.of("routing.error.departmentUnknown",
                            Text.of("routing.field.department"), department), "enum");
                }
                return List.of(department);
            }
            return user.has(Role.ADMIN) ? keys
                    : keys.stream().filter(user::inDepartment).toList();
        });
    }

    public record SkillLevel(String key, Integer level) {
    }

    /** Admins: replaces a user's skills (audited). Errors name the field by its label. */
    public Uni<List<SkillView>> setSkills(CurrentUser admin, String username, List<SkillLevel> skills) {
        if (!admin.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("routing.error.adminsOnly")));
        }
        List<SkillLevel> given = skills == null ? List.of() : skills;
        return Panache.withTransaction(() -> existingUser(username).chain(() -> store.catalogue()).chain(catalogue -> {
            List<FieldError> errors = new ArrayList<>();
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (int i = 0; i < given.size(); i++) {
                SkillLevel s = given.get(i);
                String key = s == null || s.key() == null ? "" : s.key().strip();
                if (!catalogue.containsKey(key)) {
                    errors.add(FieldError.of("/skills/" + i + "/key", Text.of("routing.error.skillUnknown",
                            Text.of("routing.field.skill"), key), "enum"));
                } else if (s.level() == null || s.level() < 1 || s.level() > 5) {
                    errors.add(FieldError.of("/skills/" + i + "/level", Text.of("routing.error.level",
                            Text.of("routing.field.level")), "range"));
                } else {
                    levels.put(key, s.level());
                }
            }
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new InvalidInput(Text.of("routing.error.invalid"), errors));
            }
            return store.replaceSkills(username, levels)
                    .chain(() -> audit.record(admin.username(), "routing.skills", "user", username,
                            Map.of("skills", Skills.format(levels))))
                    .replaceWith(levels.entrySet().stream().map(e -> new SkillView(e.getKey(),
                            catalogue.get(e.getKey())[0], catalogue.get(e.getKey())[1], e.getValue())).toList());
        }));
    }

    public record CapacityView(String username, int capacity, String calendar) {
    }

    /** Admins: the agent's capacity (weighted units) and optional shift calendar (audited); may hand work out. */
    public Uni<CapacityView> setCapacity(CurrentUser admin, String username, Integer capacity, String calendar) {
        if (!admin.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("routing.error.adminsOnly")));
        }
        if (capacity == null || capacity < 0 || capacity > 1000) {
            return Uni.createFrom().failure(InvalidInput.of("/capacity", Text.of("routing.error.capacity",
                    Text.of("routing.field.capacity")), "range"));
        }
        String key = calendar == null || calendar.isBlank() ? null : calendar.strip();
        if (key != null && !key.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            return Uni.createFrom().failure(InvalidInput.of("/calendar", Text.of("routing.error.calendar",
                    Text.of("routing.field.calendar")), "pattern"));
        }
        Uni<Boolean> known = key == null || shifts.isUnsatisfied() ? Uni.createFrom().item(true)
                : shifts.get().exists(key);
        // the calendar lookup has its own session: ask it before this transaction opens one
        return known.chain(ok -> ok ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(InvalidInput.of("/calendar", Text.of("routing.error.calendarUnknown",
                        Text.of("routing.field.calendar"), key), "exists")))
                .chain(() -> Panache.withTransaction(() -> existingUser(username)
                .chain(() -> store.setCapacity(username, capacity, key, FlowClock.instant()))
                .chain(() -> audit.record(admin.username(), "routing.capacity", "user", username,
                        key == null ? Map.of("capacity", capacity) : Map.of("capacity", capacity, "calendar", key)))
                .chain(() -> lock()).chain(() -> store.departmentsOf(username)).chain(this::handOut)
                .replaceWith(new CapacityView(username, capacity, key))));
    }

    private Uni<Void> existingUser(String username) {
        return store.member(username).chain(m -> m == null
                ? Uni.createFrom().failure(new NotFound(Text.of("routing.error.userUnknown", username)))
                : Uni.createFrom().voidItem());
    }

    public record Reassigned(String taskId, String assignee, String department) {
    }

    /** Supervisors: give an open task to a person or a department's queue, with a reason (on the timeline). */
    public Uni<Reassigned> reassign(CurrentUser user, String taskId, String toUser, String toDepartment,
            String reason) {
        if (!user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("routing.error.supervisorsOnly")));
        }
        String why = reason == null ? "" : reason.strip();
        String person = toUser == null || toUser.isBlank() ? null : toUser.strip();
        String department = toDepartment == null || toDepartment.isBlank() ? null : toDepartment.strip();
        List<FieldError> errors = new ArrayList<>();
        if (person == null && department == null || person != null && department != null) {
            errors.add(FieldError.of("/user", Text.of("routing.error.target", Text.of("routing.field.user"),
                    Text.of("routing.field.department")), "oneOf"));
        }
        if (why.isEmpty()) {
            errors.add(FieldError.of("/reason", Text.of("routing.error.required", Text.of("routing.field.reason")),
                    "required"));
        } else if (why.length() > 500) {
            errors.add(FieldError.of("/reason", Text.of("routing.error.tooLong", Text.of("routing.field.reason"), 500),
                    "maxLength"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("routing.error.invalid"), errors));
        }
        return Panache.withTransaction(() -> store.openTask(taskId).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(new NotFound(Text.of("ticket.error.taskNotFound", taskId)));
            }
            long ticketId = ((Number) row[0]).longValue();
            if (department != null) {
                return departments(user, department).chain(ok -> commands.moveTask(taskId, department,
                        user.username(), Text.of("routing.timeline.moved", department, user.username(), why)))
                        .chain(() -> store.unflag(taskId)).replaceWith(new Reassigned(taskId, null, department));
            }
            return store.member(person).chain(m -> {
                if (m == null || m.roles() == null || m.roles().equals(Role.CUSTOMER)) {
                    return Uni.createFrom().failure(InvalidInput.of("/user", Text.of("routing.error.userUnknownField",
                            Text.of("routing.field.user"), person), "exists"));
                }
                ObjectNode details = Json.MAPPER.createObjectNode().put("to", person).put("reason", why)
                        .put("from", (String) row[2]);
                return lock().chain(() -> commands.assignTask(taskId, person, "TASK_REASSIGNED", user.username(),
                        Text.of("routing.timeline.reassigned", person, user.username(), why), details))
                        .chain(() -> store.unflag(taskId))
                        .chain(() -> commands.notifyUser(person, ticketId, "TASK_REASSIGNED",
                                Text.of("routing.notify.reassigned", user.username(), why)))
                        .replaceWith(new Reassigned(taskId, person, (String) row[1]));
            });
        }));
    }

    private static <T> Uni<Void> each(List<T> items, java.util.function.Function<T, Uni<Void>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> work.apply(item));
        }
        return chain;
    }
}
