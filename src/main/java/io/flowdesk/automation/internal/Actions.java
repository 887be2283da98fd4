package io.flowdesk.automation.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.automation.Rule;
import io.flowdesk.automation.Rule.Action;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.Priority;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketCommands.OpenTask;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;

/** Runs a rule's actions through {@link TicketCommands}; says in words what each did (or would do, for a dry run). */
@ApplicationScoped
public class Actions {

    public static final List<String> TYPES = List.of("priority", "route", "addTag", "removeTag", "watcher", "notify",
            "reply", "note", "setField", "webhook");

    @Inject
    TicketCommands commands;

    @Inject
    IdentityService identity;

    /** What the action does, in words, for the timeline and the dry run. */
    public static Text describe(Action a, Snapshot t) {
        return switch (a.type()) {
            case "priority" -> Text.of("automation.done.priority", target(a.value(), t.priority()));
            case "route" -> a.user() != null ? Text.of("automation.done.routeUser", a.user())
                    : Text.of("automation.done.routeDepartment", String.valueOf(a.department()));
            case "addTag" -> Text.of("automation.done.addTag", a.value());
            case "removeTag" -> Text.of("automation.done.removeTag", a.value());
            case "watcher" -> Text.of("automation.done.watcher", a.user());
            case "notify" -> Text.of("automation.done.notify", a.to() == null ? "" : "user".equals(a.to())
                    ? String.valueOf(a.user()) : Text.of("automation.to." + a.to()));
            case "reply" -> Text.of("automation.done.reply");
            case "note" -> Text.of("automation.done.note");
            case "setField" -> Text.of("automation.done.setField", a.field(), a.value());
            case "webhook" -> Text.of("automation.done.webhook", a.endpoint());
            default -> Text.literal(a.type());
        };
    }

    /** P4 → P3 → P2 → P1; a named priority as it is. */
    static String target(String value, String current) {
        if (!"raise".equals(value)) {
            return value;
        }
        int i = Priority.ALL.indexOf(current);
        return i <= 0 ? current : Priority.ALL.get(i - 1);
    }

    /** Runs one action; answers whether it changed something. */
    public Uni<Boolean> run(Rule rule, Action a, Snapshot t, Text why) {
        long id = t.id();
        return switch (a.type()) {
            case "priority" -> {
                String to = target(a.value(), t.priority());
                yield to == null || to.equals(t.priority()) ? Uni.createFrom().item(false)
                        : commands.setPriority(id, to, null, why);
            }
            case "route" -> commands.openTasks(id).chain(tasks -> {
                if (tasks.isEmpty()) {
                    return Uni.createFrom().item(false);
                }
                OpenTask task = tasks.get(0);
                if (a.user() != null) {
                    ObjectNode details = Json.MAPPER.createObjectNode().put("reason", "rule").put("rule", rule.key());
                    return commands.assignTask(task.taskId(), a.user(), "TASK_ASSIGNED_RULE", null, why, details);
                }
                return commands.moveTask(task.taskId(), a.department(), null, why);
            });
            case "addTag" -> commands.addTag(id, a.value(), null, why);
            case "removeTag" -> commands.removeTag(id, a.value(), null, why);
            case "watcher" -> commands.addWatcher(id, a.user(), null);
            case "notify" -> recipients(id, a).chain(users -> {
                Text message = a.text() == null ? Text.of("automation.notify.default", name(rule), t.number(),
                        t.title()) : Text.bilingual(fill(a.text(), t), fill(a.textEn() == null ? a.text() : a.textEn(),
                                t));
                Uni<Void> each = Uni.createFrom().voidItem();
                for (String user : users) {
                    each = each.chain(() -> commands.notifyUser(user, id, "RULE", message));
                }
                return each.replaceWith(!users.isEmpty());
            });
            case "reply", "note" -> {
                String body = fill(a.text() == null ? "" : a.text(), t);
                if (a.textEn() != null && !a.textEn().isBlank()) {
                    body = body + "\n\n" + fill(a.textEn(), t);
                }
                yield commands.comment(id, body, a.type().equals("note"), name(rule)).replaceWith(true);
            }
            case "setField" -> commands.setField(id, a.field(), Json.MAPPER.valueToTree(typed(a.value())), null, why);
            case "webhook" -> {
                ObjectNode details = Json.MAPPER.createObjectNode().put("endpoint", a.endpoint()).put("rule",
                        rule.key());
                details.set("payload", payload(t));
                yield commands.record(id, "WEBHOOK_REQUESTED", null, null, Text.of("automation.timeline.webhook",
                        a.endpoint(), name(rule)), details, true).replaceWith(true);
            }
            default -> Uni.createFrom().item(false);
        };
    }

    public static Text name(Rule rule) {
        return Text.bilingual(rule.nameZh(), rule.nameEn());
    }

    /** {@code {{ticket.number}}}, {@code {{ticket.title}}}, {@code {{customer.name}}}, {@code {{data.x}}} … */
    public static String fill(String template, Snapshot t) {
        return io.flowdesk.shared.Placeholders.fill(template, new io.flowdesk.shared.Placeholders.Values(t.number(),
                t.title(), t.priority(), t.status(), t.type(), t.customerName(), null, t.data()));
    }

    static ObjectNode payload(Snapshot t) {
        ObjectNode p = Json.MAPPER.createObjectNode().put("number", t.number()).put("type", t.type())
                .put("title", t.title()).put("priority", t.priority()).put("status", t.status())
                .put("channel", t.channel());
        ArrayNode tags = p.putArray("tags");
        t.tags().forEach(tags::add);
        p.set("data", t.data());
        return p;
    }

    private static Object typed(String value) {
        if (value == null) {
            return null;
        }
        var number = Evaluator.number(value);
        return number != null ? number : "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE
                : value;
    }

    private Uni<List<String>> recipients(long ticketId, Action a) {
        String to = a.to() == null ? "" : a.to();
        if (to.equals("user")) {
            return Uni.createFrom().item(a.user() == null ? List.of() : List.of(a.user()));
        }
        if (to.equals("watchers")) {
            return commands.watchers(ticketId);
        }
        return commands.openTasks(ticketId).chain(tasks -> {
            OpenTask task = tasks.isEmpty() ? null : tasks.get(0);
            String department = task == null ? null : task.department();
            if (to.equals("assignee")) {
                return Uni.createFrom().item(task == null || task.assignee() == null ? List.<String>of()
                        : List.of(task.assignee()));
            }
            return identity.workers().map(all -> {
                List<CurrentUser> inDepartment = all.stream().filter(u -> department != null
                        && u.departments().contains(department)).toList();
                List<String> chosen = switch (to) {
                    case "department" -> inDepartment.stream().map(CurrentUser::username).toList();
                    case "supervisor" -> {
                        List<String> sup = inDepartment.stream().filter(u -> u.has(Role.SUPERVISOR))
                                .map(CurrentUser::username).toList();
                        yield !sup.isEmpty() ? sup : all.stream().filter(u -> u.has(Role.SUPERVISOR))
                                .map(CurrentUser::username).toList();
                    }
                    default -> List.of();
                };
                return List.copyOf(new LinkedHashSet<>(chosen));
            });
        });
    }

}
