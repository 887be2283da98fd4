package io.flowdesk.macros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.macros.internal.MacroEntity;
import io.flowdesk.macros.internal.MacroInput;
import io.flowdesk.macros.internal.MacroRows;
import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Placeholders;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.CollaborationService;
import io.flowdesk.tickets.Priority;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketCommands.OpenTask;
import io.flowdesk.tickets.TicketService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Macros and canned replies (ADR 0027): who may use, create, change and delete which, the search, and applying a
 * macro to a ticket in one transaction through {@link TicketCommands} and {@link CollaborationService}.
 */
@ApplicationScoped
public class MacroService {

    @Inject
    TicketService tickets;

    @Inject
    TicketCommands commands;

    @Inject
    CollaborationService collaboration;

    @Inject
    IdentityService identity;

    @Inject
    AuditLog audit;

    // ---- reading ----

    /** The macros the user may use, filtered by {@code query} (name and text; case-insensitive, Chinese as is). */
    public Uni<List<Macro>> usable(CurrentUser user, String query, Locale locale) {
        refuseCustomer(user);
        return Panache.withSession(() -> MacroRows.candidates(user)).map(list -> MacroRows.sorted(list.stream()
                .map(m -> MacroRows.toMacro(m, user)).filter(m -> MacroRows.matches(m, query)).toList(), locale));
    }

    public Uni<Macro> get(CurrentUser user, String key) {
        refuseCustomer(user);
        return Panache.withSession(() -> visible(user, key)).map(m -> MacroRows.toMacro(m, user));
    }

    // ---- writing ----

    public Uni<Macro> create(CurrentUser user, JsonNode body) {
        refuseCustomer(user);
        MacroInput in = MacroInput.read(body, true);
        String owner = in.scope().equals(Macro.PERSONAL) ? user.username() : null;
        String key = in.key() != null ? in.key() : "m-" + UUID.randomUUID().toString().substring(0, 8);
        return checkTargets(in).invoke(() -> {
            if (!MacroRows.mayOwn(user, owner, in.department())) {
                throw new Forbidden(Text.of("macros.error.shareForbidden"));
            }
        }).chain(() -> Panache.withTransaction(() -> MacroEntity.<MacroEntity>findById(key)
                .chain(existing -> {
                    if (existing != null) {
                        throw new Conflict(Text.of("macros.error.exists", key));
                    }
                    MacroEntity m = new MacroEntity();
                    m.key = key;
                    m.createdAt = FlowClock.offsetNow();
                    m.createdBy = user.username();
                    copy(in, owner, m);
                    return m.persist().call(() -> audit.record(user.username(), "macro.create", "macro", key,
                            Map.of("scope", in.scope()))).replaceWith(m);
                }))).map(m -> MacroRows.toMacro(m, user));
    }

    /** Changes a macro; the body carries the {@code version} it read, a newer one in the store is a 409. */
    public Uni<Macro> update(CurrentUser user, String key, JsonNode body) {
        refuseCustomer(user);
        MacroInput in = MacroInput.read(body, false);
        return checkTargets(in).chain(() -> Panache.withTransaction(() -> visible(user, key).chain(m -> {
            if (!MacroRows.editable(user, m)) {
                throw new Forbidden(Text.of("macros.error.forbidden"));
            }
            String owner = in.scope().equals(Macro.PERSONAL) ? (m.owner != null ? m.owner : user.username()) : null;
            if (!MacroRows.mayOwn(user, owner, in.department())) {
                throw new Forbidden(Text.of("macros.error.shareForbidden"));
            }
            if (in.version() != m.rowVersion) {
                throw new Conflict(Text.of("macros.error.stale"));
            }
            copy(in, owner, m);
            return audit.record(user.username(), "macro.update", "macro", key, Map.of("scope", in.scope()))
                    .chain(() -> Panache.getSession()).chain(s -> s.flush()).replaceWith(m);
        }))).map(m -> MacroRows.toMacro(m, user));
    }

    public Uni<Void> delete(CurrentUser user, String key) {
        refuseCustomer(user);
        return Panache.withTransaction(() -> visible(user, key).chain(m -> {
            if (!MacroRows.editable(user, m)) {
                throw new Forbidden(Text.of("macros.error.forbidden"));
            }
            return m.delete().call(() -> audit.record(user.username(), "macro.delete", "macro", key, Map.of()));
        }));
    }

    private static void copy(MacroInput in, String owner, MacroEntity m) {
        m.nameZh = in.nameZh();
        m.nameEn = in.nameEn();
        m.owner = owner;
        m.department = owner == null ? in.department() : null;
        m.replyZh = in.replyZh();
        m.replyEn = in.replyEn();
        m.replyInternal = in.internal();
        m.actionsJson = Json.write(in.actions());
        m.updatedAt = FlowClock.offsetNow();
    }

    /** The department of a shared macro and every transfer target must exist. */
    private Uni<Void> checkTargets(MacroInput in) {
        return identity.departments().chain(departments -> {
            if (in.department() != null && department(departments, in.department()) == null) {
                throw MacroInput.unknown("/department", "department", "unknownDepartment", in.department());
            }
            return targets(in.actions(), departments);
        });
    }

    private Uni<Void> targets(List<Macro.Action> actions, List<Department> departments) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Macro.Action a = actions.get(i);
            if (!a.type().equals("transfer")) {
                continue;
            }
            if (a.department() != null && department(departments, a.department()) == null) {
                throw MacroInput.unknown("/actions/" + i + "/department", "department", "unknownDepartment",
                        a.department());
            }
            if (a.user() != null) {
                users.add(a.user());
            }
        }
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return identity.existing(users).map(found -> {
            for (int i = 0; i < actions.size(); i++) {
                String u = actions.get(i).user();
                if (u != null && found.stream().noneMatch(f -> f.username().equals(u) && !f.isCustomer())) {
                    throw MacroInput.unknown("/actions/" + i + "/user", "user", "unknownUser", u);
                }
            }
            return null;
        }).replaceWithVoid();
    }

    // ---- applying ----

    /** What applying would do, with the reply filled in; nothing changes. */
    public Uni<MacroPreview> preview(CurrentUser user, String number, String key, Locale uiLocale) {
        refuseCustomer(user);
        return Panache.withSession(() -> plan(user, number, key, uiLocale)).map(Plan::preview);
    }

    /**
     * Applies the macro in one transaction: status, tags, the reply (or note), priority, then the transfer, and one
     * {@code MACRO_APPLIED} entry naming the macro in both languages and what it did. Every check (permissions,
     * departments, colleagues) runs before the first change; a failure after it rolls everything back.
     */
    public Uni<MacroPreview> apply(CurrentUser user, String number, String key, Locale uiLocale) {
        refuseCustomer(user);
        return Panache.withTransaction(() -> plan(user, number, key, uiLocale).chain(plan -> run(user, plan)));
    }

    private record Plan(long ticketId, String number, MacroEntity macro, List<Macro.Action> actions, String reply,
            String language, List<OpenTask> tasks, Map<String, Text> targets, List<Text> effects) {
        MacroPreview preview() {
            return new MacroPreview(macro.key, number, reply, language, macro.replyInternal, effects);
        }

        Text name() {
            return Text.bilingual(macro.nameZh, macro.nameEn);
        }
    }

    private Uni<Plan> plan(CurrentUser user, String number, String key, Locale uiLocale) {
        return tickets.id(user, number).chain(id -> visible(user, key).chain(macro -> commands.facts(id)
                .chain(facts -> commands.content(id).chain(content -> commands.openTasks(id).chain(tasks -> {
                    List<Macro.Action> actions = MacroRows.actions(macro.actionsJson);
                    mayApply(user, actions, tasks);
                    Uni<String> language = !macro.replyInternal && facts.customerUserId() != null
                            ? identity.localeOf(facts.customerUserId()) : Uni.createFrom().nullItem();
                    return language.chain(customer -> identity.departments().call(departments -> targets(actions,
                            departments)).chain(departments -> names(actions, departments)).map(targets -> {
                                Locale chosen = customer != null ? Messages.locale(customer) : uiLocale;
                                boolean zh = Messages.isChinese(chosen);
                                String template = zh ? or(macro.replyZh, macro.replyEn) : or(macro.replyEn,
                                        macro.replyZh);
                                String reply = template == null ? null : Placeholders.fill(template,
                                        new Placeholders.Values(facts.number(), facts.title(), facts.priority(),
                                                facts.status(), facts.templateKey(), content.customerName(),
                                                user.displayName(), Json.parse(content.dataJson())));
                                List<Macro.Action> steps = new ArrayList<>(actions);
                                if (reply != null) {
                                    steps.add(new Macro.Action(REPLY, null, null, null));
                                }
                                steps = ordered(steps);
                                List<Text> effects = new ArrayList<>();
                                for (Macro.Action a : steps) {
                                    effects.add(describe(a, facts.priority(), targets, macro.replyInternal));
                                }
                                return new Plan(id, facts.number(), macro, steps, reply, Messages.tag(
                                        chosen), tasks, targets, effects);
                            }));
                })))));
    }

    /** The reply as a step among the actions. */
    private static final String REPLY = "reply";

    /**
     * Status and tags first, then the reply, the priority, and the transfer last: priority and transfer also write
     * to the engine, which no rollback reaches, so they come after everything that may still fail.
     */
    private static List<Macro.Action> ordered(List<Macro.Action> actions) {
        List<String> order = List.of("status", "addTag", "removeTag", REPLY, "priority", "transfer");
        return actions.stream().sorted(java.util.Comparator.comparingInt(a -> order.indexOf(a.type()))).toList();
    }

    /**
     * Who may apply what: anyone who may post on the ticket may apply a reply (partners within their scope);
     * changing status and tags and transferring needs someone who works the ticket (agents, supervisors, admins,
     * or staff of an open step's department or its assignee); the priority needs an agent, supervisor or admin.
     */
    private static void mayApply(CurrentUser user, List<Macro.Action> actions, List<OpenTask> tasks) {
        boolean works = user.seesAllTickets() || !user.isPartner() && tasks.stream().anyMatch(t -> user.inDepartment(
                t.department()) || user.username().equals(t.assignee()));
        for (Macro.Action a : actions) {
            boolean allowed = a.type().equals("priority") ? user.seesAllTickets() : works;
            if (!allowed) {
                throw new Forbidden(Text.of("macros.error.applyForbidden", Text.of("macros.label." + label(a))));
            }
        }
    }

    private static String label(Macro.Action a) {
        return switch (a.type()) {
            case "addTag", "removeTag" -> "tag";
            default -> a.type();
        };
    }

    /** The transfer targets' names: a department in both languages, a colleague by name. */
    private Uni<Map<String, Text>> names(List<Macro.Action> actions, List<Department> departments) {
        Map<String, Text> names = new java.util.HashMap<>();
        List<String> users = new ArrayList<>();
        for (Macro.Action a : actions) {
            if (a.department() != null) {
                Department d = department(departments, a.department());
                names.put("department:" + a.department(), Text.bilingual(d.nameZh(), d.nameEn()));
            }
            if (a.user() != null) {
                users.add(a.user());
            }
        }
        if (users.isEmpty()) {
            return Uni.createFrom().item(names);
        }
        return identity.existing(users).map(found -> {
            found.forEach(u -> names.put("user:" + u.username(), Text.literal(u.displayName())));
            return names;
        });
    }

    private static Text describe(Macro.Action a, String priority, Map<String, Text> targets, boolean internal) {
        return switch (a.type()) {
            case REPLY -> Text.of(internal ? "macros.done.note" : "macros.done.reply");
            case "status" -> Text.of("macros.done.status", Text.of("status." + a.value()));
            case "priority" -> Text.of("macros.done.priority", target(a.value(), priority));
            case "addTag" -> Text.of("macros.done.addTag", a.value());
            case "removeTag" -> Text.of("macros.done.removeTag", a.value());
            case "transfer" -> a.department() != null
                    ? Text.of("macros.done.transferDepartment", targets.get("department:" + a.department()))
                    : Text.of("macros.done.transferUser", targets.get("user:" + a.user()));
            default -> Text.literal(a.type());
        };
    }

    /** P4 → P3 → P2 → P1 for {@code raise}; a named priority as it is. */
    static String target(String value, String current) {
        if (!"raise".equals(value)) {
            return value;
        }
        int i = Priority.ALL.indexOf(current);
        return i <= 0 ? current : Priority.ALL.get(i - 1);
    }

    private Uni<MacroPreview> run(CurrentUser user, Plan plan) {
        Text why = Text.of("macros.why", plan.name());
        List<Text> said = new ArrayList<>();
        long id = plan.ticketId();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < plan.actions().size(); i++) {
            Macro.Action a = plan.actions().get(i);
            Text described = plan.effects().get(i);
            chain = chain.chain(() -> action(user, plan, a, why).invoke(changed -> said.add(changed ? described
                    : Text.of("macros.done.unchanged", described)))).replaceWithVoid();
        }
        return chain.chain(() -> {
            ObjectNode details = Json.MAPPER.createObjectNode().put("macro", plan.macro().key)
                    .put("nameZh", plan.macro().nameZh).put("nameEn", plan.macro().nameEn)
                    .put("language", plan.language());
            ArrayNode types = details.putArray("actions");
            plan.actions().stream().filter(a -> !a.type().equals(REPLY)).forEach(a -> types.add(a.type()));
            if (plan.reply() != null) {
                details.put("reply", plan.macro().replyInternal ? "note" : "public");
            }
            return commands.record(id, "MACRO_APPLIED", user.username(), null, Text.of("macros.timeline.applied",
                    plan.name(), joined(said, 0)), details, true);
        }).call(() -> audit.record(user.username(), "macro.apply", "ticket", plan.number(), Map.of("macro",
                plan.macro().key))).map(v -> new MacroPreview(plan.macro().key, plan.number(), plan.reply(),
                        plan.language(), plan.macro().replyInternal, List.copyOf(said)));
    }

    private Uni<Boolean> action(CurrentUser user, Plan plan, Macro.Action a, Text why) {
        long id = plan.ticketId();
        String actor = user.username();
        return switch (a.type()) {
            case REPLY -> collaboration.post(user, plan.number(), plan.reply(), plan.macro().replyInternal)
                    .replaceWith(true);
            case "status" -> commands.setStatus(id, a.value(), actor, why);
            case "addTag" -> commands.addTag(id, a.value(), actor, why);
            case "removeTag" -> commands.removeTag(id, a.value(), actor, why);
            case "priority" -> commands.facts(id).chain(f -> {
                String to = target(a.value(), f.priority());
                return to.equals(f.priority()) ? Uni.createFrom().item(false)
                        : commands.setPriority(id, to, actor, why);
            });
            case "transfer" -> {
                if (plan.tasks().isEmpty()) {
                    yield Uni.createFrom().item(false);
                }
                OpenTask task = plan.tasks().get(0);
                Text step = Text.bilingual(task.nameZh(), task.nameEn() == null || task.nameEn().isBlank()
                        ? task.nameZh() : task.nameEn());
                if (a.department() != null) {
                    yield commands.moveTask(task.taskId(), a.department(), actor, Text.of("timeline.text.transferred",
                            step, plan.targets().get("department:" + a.department()), why));
                }
                ObjectNode details = Json.MAPPER.createObjectNode().put("task", task.nameZh())
                        .put("taskEn", task.nameEn()).put("to", a.user()).put("macro", plan.macro().key);
                if (task.assignee() != null || task.department() != null) {
                    details.put("from", task.assignee() != null ? task.assignee() : task.department());
                }
                yield commands.assignTask(task.taskId(), a.user(), "TRANSFERRED", actor, Text.of(
                        "timeline.text.transferred", step, plan.targets().get("user:" + a.user()), why), details);
            }
            default -> Uni.createFrom().item(false);
        };
    }

    static Text joined(List<Text> parts, int from) {
        if (from >= parts.size()) {
            return Text.of("macros.done.nothing");
        }
        if (from == parts.size() - 1) {
            return parts.get(from);
        }
        return Text.of("macros.done.join", parts.get(from), joined(parts, from + 1));
    }

    // ---- helpers ----

    private static Uni<MacroEntity> visible(CurrentUser user, String key) {
        return MacroEntity.<MacroEntity>findById(key).map(m -> {
            if (m == null || !MacroRows.visible(user, m)) {
                throw new NotFound(Text.of("macros.error.notFound", key));
            }
            return m;
        });
    }

    private static void refuseCustomer(CurrentUser user) {
        if (user.isCustomer()) {
            throw new Forbidden(Text.of("macros.error.customer"));
        }
    }

    private static Department department(List<Department> departments, String key) {
        return departments.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
