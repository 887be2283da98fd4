package io.flowdesk.automation.ui;

import io.flowdesk.automation.Rule;
import java.util.List;
import java.util.Map;

/** A rule in words for the list and the dry run (pure: a translator and the pickers' names in, text out). */
final class RuleWords {

    static final List<String> TRIGGERS = List.of("TICKET_CREATED", "FIELD_CHANGED", "STATUS_CHANGED", "TASK_CREATED",
            "TASK_COMPLETED", "COMMENT_ADDED", "SLA_WARNING", "SLA_BREACHED", "TIME");
    /** The SLA targets a time rule may count back from ({@code trigger.before}). */
    static final List<String> BEFORE = List.of("FIRST_RESPONSE", "NEXT_RESPONSE", "RESOLUTION", "STEP");
    static final List<String> ANCHORS = List.of("CREATED", "REPLY_CUSTOMER", "REPLY_STAFF", "STATUS_CHANGED",
            "TASK_STARTED", "SLA_WARNING", "SLA_BREACHED");
    static final List<String> AUTHORS = List.of("any", "customer", "staff");
    static final List<String> FIELDS = List.of("title", "description", "text", "type", "priority", "status",
            "channel", "department", "assignee", "tags", "tier", "firstResponse");
    /** Fields whose change a FIELD_CHANGED trigger can watch (besides {@code data.<field>}). */
    static final List<String> CHANGEABLE = List.of("priority", "status", "tags", "department");
    static final List<String> OPERATORS = List.of("equals", "notEquals", "contains", "notContains", "gt", "lt", "in",
            "empty", "notEmpty");
    static final List<String> ACTIONS = List.of("route", "priority", "addTag", "removeTag", "watcher", "notify",
            "reply", "note", "setField", "webhook");
    static final List<String> RECIPIENTS = List.of("assignee", "watchers", "department", "supervisor", "user");
    static final List<String> PRIORITIES = List.of("raise", "P1", "P2", "P3", "P4");
    static final List<String> CHANNELS = List.of("portal", "phone", "email", "chat", "walk-in", "api");

    /** Vaadin's {@code getTranslation}. */
    interface Tr {
        String t(String key, Object... args);
    }

    private final Tr tr;
    private final RuleChoices choices;

    RuleWords(Tr tr, RuleChoices choices) {
        this.tr = tr;
        this.choices = choices;
    }

    String trigger(Rule.Trigger t) {
        if (t == null || t.type() == null) {
            return "";
        }
        return switch (t.type()) {
            case "FIELD_CHANGED" -> blank(t.field()) ? tr.t("rulesview.summary.FIELD_CHANGED.any")
                    : tr.t("rulesview.summary.FIELD_CHANGED", field(t.field()));
            case "STATUS_CHANGED" -> blank(t.status()) ? tr.t("rulesview.summary.STATUS_CHANGED.any")
                    : tr.t("rulesview.summary.STATUS_CHANGED", tr.t("status." + t.status()));
            case "TASK_CREATED", "TASK_COMPLETED" -> blank(t.step()) ? tr.t("rulesview.summary." + t.type() + ".any")
                    : tr.t("rulesview.summary." + t.type(), RuleChoices.label(choices.steps(), t.step()));
            case "COMMENT_ADDED" -> tr.t("rulesview.summary.COMMENT_ADDED", tr.t("rulesview.by." + (blank(t.by())
                    ? "any" : t.by())));
            case "TIME" -> {
                String minutes = t.minutes() == null ? "?" : duration(t.minutes());
                if (!blank(t.before())) {
                    String deadline = tr.t("rulesview.before." + t.before());
                    yield Boolean.TRUE.equals(t.working()) ? tr.t("rulesview.summary.TIME.before.working", minutes,
                            deadline, RuleChoices.label(choices.calendars(), t.calendar() == null ? "cn-standard"
                                    : t.calendar())) : tr.t("rulesview.summary.TIME.before", minutes, deadline);
                }
                String since = tr.t("rulesview.since." + (t.since() == null ? "CREATED" : t.since()));
                yield Boolean.TRUE.equals(t.working()) ? tr.t("rulesview.summary.TIME.working", minutes, since,
                        RuleChoices.label(choices.calendars(), t.calendar() == null ? "cn-standard" : t.calendar()))
                        : tr.t("rulesview.summary.TIME", minutes, since);
            }
            default -> tr.t("rulesview.summary." + t.type());
        };
    }

    /** 240 → "4 h", 90 → "1 h 30 min", 45 → "45 min". */
    String duration(int minutes) {
        int h = minutes / 60;
        int m = minutes % 60;
        if (h == 0) {
            return tr.t("rulesview.minutes", String.valueOf(m));
        }
        return m == 0 ? tr.t("rulesview.hours", String.valueOf(h))
                : tr.t("rulesview.hoursMinutes", String.valueOf(h), String.valueOf(m));
    }

    String field(String field) {
        if (field == null) {
            return "";
        }
        if (field.startsWith("data.")) {
            RuleChoices.DataField f = choices.dataField(field.substring(5));
            return tr.t("rulesview.cond.data", f == null ? field.substring(5) : f.label());
        }
        return tr.t("rulesview.cond." + field);
    }

    String op(String op) {
        return tr.t("rulesview.op." + op);
    }

    /** "Title contains 退款". */
    String condition(Rule.Condition c) {
        if (c == null) {
            return "";
        }
        String op = c.op() == null ? "equals" : c.op();
        if (op.endsWith("mpty")) {
            return tr.t("rulesview.cond.phraseNoValue", field(c.field()), op(op));
        }
        return tr.t("rulesview.cond.phrase", field(c.field()), op(op), value(c.field(), c.value()));
    }

    /** A stored value as people know it (department name, status, …). */
    String value(String field, String value) {
        if (value == null || field == null) {
            return value == null ? "" : value;
        }
        Map<String, String> names = valueNames(field);
        return names.isEmpty() ? value : RuleChoices.label(names, value);
    }

    /** The choices a condition value of this field has, value → label; empty for free text. */
    Map<String, String> valueNames(String field) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        switch (field) {
            case "type" -> out.putAll(choices.types());
            case "priority" -> io.flowdesk.tickets.Priority.ALL.forEach(p -> out.put(p, p));
            case "status" -> io.flowdesk.templates.TicketStatus.ALL.stream().sorted(java.util.Comparator.comparing(
                    STATUS_ORDER::indexOf)).forEach(s -> out.put(s, tr.t("status." + s)));
            case "channel" -> CHANNELS.forEach(c -> out.put(c, tr.t("channel." + c)));
            case "department" -> out.putAll(choices.departments());
            case "assignee" -> out.putAll(choices.users());
            case "tier" -> io.flowdesk.sla.CustomerTiers.tiers().forEach(t -> out.put(t, tr.t("slaview.tier." + t)));
            default -> {
                if (field.startsWith("data.")) {
                    RuleChoices.DataField f = choices.dataField(field.substring(5));
                    if (f != null) {
                        out.putAll(f.options());
                    }
                }
            }
        }
        return out;
    }

    static final List<String> STATUS_ORDER = List.of("NEW", "OPEN", "IN_PROGRESS", "WAITING_CUSTOMER",
            "WAITING_THIRD_PARTY", "RESOLVED", "CLOSED", "REJECTED", "CANCELLED");

    String action(Rule.Action a) {
        if (a == null || a.type() == null) {
            return "";
        }
        return switch (a.type()) {
            case "priority" -> "raise".equals(a.value()) ? tr.t("rulesview.do.raise")
                    : tr.t("rulesview.do.priority", String.valueOf(a.value()));
            case "route" -> !blank(a.user()) ? tr.t("rulesview.do.routeUser", RuleChoices.label(choices.users(),
                    a.user())) : tr.t("rulesview.do.routeDepartment", RuleChoices.label(choices.departments(),
                            a.department()));
            case "addTag", "removeTag" -> tr.t("rulesview.do." + a.type(), String.valueOf(a.value()));
            case "watcher" -> tr.t("rulesview.do.watcher", RuleChoices.label(choices.users(), a.user()));
            case "notify" -> tr.t("rulesview.do.notify", "user".equals(a.to()) ? RuleChoices.label(choices.users(),
                    a.user()) : tr.t("rulesview.to." + (a.to() == null ? "assignee" : a.to())));
            case "setField" -> tr.t("rulesview.do.setField", field("data." + a.field()), String.valueOf(a.value()));
            case "webhook" -> tr.t("rulesview.do.webhook", String.valueOf(a.endpoint()));
            default -> tr.t("rulesview.do." + a.type());
        };
    }

    String actions(List<Rule.Action> actions) {
        return join("rulesview.do.join", actions.stream().map(this::action).toList());
    }

    /** Joins by a two-part pattern ({@code {0}; {1}}), so no separator depends on kept white space. */
    String join(String key, List<String> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        String out = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            out = tr.t(key, parts.get(i), out);
        }
        return out;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
