package io.flowdesk.automation.internal;

import io.flowdesk.automation.Rule;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.Priority;
import java.util.ArrayList;
import java.util.List;

/** Checks a rule before it is stored or dry-run; every error names its field by its label. */
public final class RuleValidation {

    private RuleValidation() {
    }

    public static void check(Rule r, boolean needKey) {
        List<FieldError> errors = new ArrayList<>();
        if (needKey && (r.key() == null || !r.key().matches("[a-z0-9][a-z0-9-]{0,63}"))) {
            errors.add(error("/key", "key", "automation.error.key"));
        }
        if (blank(r.nameZh())) {
            errors.add(error("/nameZh", "nameZh", "automation.error.required"));
        }
        if (blank(r.nameEn())) {
            errors.add(error("/nameEn", "nameEn", "automation.error.required"));
        }
        Rule.Trigger t = r.trigger();
        if (t == null || !in(Triggers.TYPES, t.type())) {
            errors.add(error("/trigger/type", "trigger", "automation.error.choose"));
        } else if (t.type().equals("TIME")) {
            if (t.minutes() == null || t.minutes() < 1 || t.minutes() > 525_600) {
                errors.add(error("/trigger/minutes", "minutes", "automation.error.minutes"));
            }
            if (t.before() != null && t.since() != null) {
                errors.add(error("/trigger/before", "before", "automation.error.sinceOrBefore"));
            } else if (t.before() != null) {
                if (!in(BeforeDeadlines.TARGETS, t.before())) {
                    errors.add(error("/trigger/before", "before", "automation.error.choose"));
                }
            } else if (!in(Triggers.ANCHORS, t.since())) {
                errors.add(error("/trigger/since", "since", "automation.error.choose"));
            }
        } else if (t.type().equals("COMMENT_ADDED") && !blank(t.by())
                && !List.of("customer", "staff", "any").contains(String.valueOf(t.by()))) {
            errors.add(error("/trigger/by", "by", "automation.error.choose"));
        }
        conditions(r.conditions().all(), "all", errors);
        conditions(r.conditions().any(), "any", errors);
        if (r.actions().isEmpty()) {
            errors.add(error("/actions", "actions", "automation.error.noAction"));
        }
        for (int i = 0; i < r.actions().size(); i++) {
            action(r.actions().get(i), "/actions/" + i, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(Text.of("automation.error.invalid"), errors);
        }
    }

    /**
     * What only the published forms can tell: for a {@code data.<field>} condition or {@code setField} action on a field
     * a published form has, "greater / less than" is used on numbers and dates only, and values fit the field
     * (a number for number and money, an ISO date for dates, one of the options for a choice). A field no form has is
     * one that rules keep themselves and is not checked. Every error names the form field by its label in the reader's
     * language.
     */
    public static void checkTypes(Rule r, java.util.Map<String, FormFields.Field> fields) {
        List<FieldError> errors = new ArrayList<>();
        for (String group : List.of("all", "any")) {
            List<Rule.Condition> rows = group.equals("all") ? r.conditions().all() : r.conditions().any();
            for (int i = 0; i < rows.size(); i++) {
                Rule.Condition c = rows.get(i);
                if (c.field() == null || !c.field().startsWith("data.")) {
                    continue;
                }
                String at = "/conditions/" + group + "/" + i;
                FormFields.Field f = fields.get(c.field().substring(5));
                if (f == null) {
                    continue; // not on a form: a field rules set themselves (setField), compared as stored
                }
                Text label = Text.bilingual(blankTo(f.labelZh(), f.key()), blankTo(f.labelEn(), f.key()));
                String op = c.op() == null ? "equals" : c.op();
                if ((op.equals("gt") || op.equals("lt")) && !f.numeric() && !f.temporal()) {
                    errors.add(FieldError.of(at + "/op", Text.of("automation.error.notOrdered", label), "notOrdered"));
                } else if (!op.endsWith("mpty") && !blank(c.value())) {
                    value(f, label, op.equals("in") ? Evaluator.list(c.value()) : List.of(c.value().strip()),
                            at + "/value", errors, !op.contains("ontains"));
                }
            }
        }
        for (int i = 0; i < r.actions().size(); i++) {
            Rule.Action a = r.actions().get(i);
            if (a == null || !"setField".equals(a.type()) || blank(a.field())) {
                continue;
            }
            String key = a.field().startsWith("data.") ? a.field().substring(5) : a.field();
            FormFields.Field f = fields.get(key);
            if (f != null && !blank(a.value())) {
                value(f, Text.bilingual(blankTo(f.labelZh(), key), blankTo(f.labelEn(), key)),
                        List.of(a.value().strip()), "/actions/" + i + "/value", errors, true);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(Text.of("automation.error.invalid"), errors);
        }
    }

    private static void value(FormFields.Field f, Text label, List<String> values, String at, List<FieldError> errors,
            boolean whole) {
        for (String v : values) {
            if (f.numeric() && Evaluator.number(v) == null) {
                errors.add(FieldError.of(at, Text.of("automation.error.number", label, v), "number"));
                return;
            }
            if (f.temporal() && !isoDate(v)) {
                errors.add(FieldError.of(at, Text.of("automation.error.date", label, v), "date"));
                return;
            }
            if (whole && f.choice() && f.options().keySet().stream().noneMatch(o -> Evaluator.fold(o).equals(
                    Evaluator.fold(v)))) {
                List<String> zh = new ArrayList<>();
                List<String> en = new ArrayList<>();
                f.options().forEach((key, names) -> {
                    zh.add(blankTo(names[0], key) + "（" + key + "）");
                    en.add(blankTo(names[1], key) + " (" + key + ")");
                });
                errors.add(FieldError.of(at, Text.of("automation.error.option", label, v, Text.bilingual(
                        String.join("、", zh), String.join(", ", en))), "option"));
                return;
            }
        }
    }

    private static boolean isoDate(String v) {
        try {
            java.time.LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String blankTo(String s, String other) {
        return s == null || s.isBlank() ? other : s;
    }

    private static void conditions(List<Rule.Condition> rows, String group, List<FieldError> errors) {
        for (int i = 0; i < rows.size(); i++) {
            Rule.Condition c = rows.get(i);
            String at = "/conditions/" + group + "/" + i;
            if (c.field() == null || !(in(Evaluator.FIELDS, c.field()) || c.field().matches("data\\.[A-Za-z0-9_]+"))) {
                errors.add(error(at + "/field", "field", "automation.error.choose"));
            }
            if (!in(Evaluator.OPERATORS, c.op())) {
                errors.add(error(at + "/op", "op", "automation.error.choose"));
            } else if (!c.op().endsWith("mpty") && blank(c.value())) {
                errors.add(error(at + "/value", "value", "automation.error.required"));
            }
        }
    }

    private static void action(Rule.Action a, String at, List<FieldError> errors) {
        if (a == null || !in(Actions.TYPES, a.type())) {
            errors.add(error(at + "/type", "action", "automation.error.choose"));
            return;
        }
        switch (a.type()) {
            case "priority" -> {
                if (!"raise".equals(a.value()) && !in(Priority.ALL, a.value())) {
                    errors.add(error(at + "/value", "priority", "automation.error.choose"));
                }
            }
            case "route" -> {
                if (blank(a.department()) && blank(a.user())) {
                    errors.add(error(at + "/department", "department", "automation.error.required"));
                }
            }
            case "addTag", "removeTag" -> {
                if (a.value() == null || !a.value().strip().matches("[\\p{L}\\p{N}_-]{1,64}")) {
                    errors.add(error(at + "/value", "tag", "automation.error.tag"));
                }
            }
            case "watcher" -> {
                if (blank(a.user())) {
                    errors.add(error(at + "/user", "user", "automation.error.required"));
                }
            }
            case "notify" -> {
                if (!List.of("assignee", "watchers", "department", "supervisor", "user").contains(String.valueOf(a.to()))) {
                    errors.add(error(at + "/to", "to", "automation.error.choose"));
                } else if (a.to().equals("user") && blank(a.user())) {
                    errors.add(error(at + "/user", "user", "automation.error.required"));
                }
            }
            case "reply", "note" -> {
                if (blank(a.text())) {
                    errors.add(error(at + "/text", "text", "automation.error.required"));
                }
            }
            case "setField" -> {
                if (a.field() == null || !a.field().matches("[A-Za-z0-9_]{1,64}")) {
                    errors.add(error(at + "/field", "field", "automation.error.required"));
                }
            }
            case "webhook" -> {
                if (blank(a.endpoint())) {
                    errors.add(error(at + "/endpoint", "endpoint", "automation.error.required"));
                }
            }
            default -> {
            }
        }
    }

    private static FieldError error(String pointer, String label, String key) {
        return FieldError.of(pointer, Text.of(key, Text.of("automation.label." + label)), key.substring(17));
    }

    private static boolean in(java.util.Collection<String> values, String v) {
        return v != null && values.contains(v);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
