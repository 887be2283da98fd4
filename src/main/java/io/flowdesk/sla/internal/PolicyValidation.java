package io.flowdesk.sla.internal;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.SlaPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an ordered policy list; every problem names its field by label (catalogue {@code sla.field.*}). */
public final class PolicyValidation {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    private static final Set<String> NOTIFY = Set.of("supervisor", "assignee", "department", "watchers");
    private static final Set<String> LEVELS = Set.of(SlaPolicy.Level.WARNING, SlaPolicy.Level.BREACH,
            SlaPolicy.Level.AFTER);
    static final long MAX_MINUTES = 525_600; // a year

    private PolicyValidation() {
    }

    public static List<FieldError> check(List<SlaPolicy> policies, Set<String> calendars) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            SlaPolicy p = policies.get(i);
            String at = "/" + i;
            if (p.key() == null || !KEY.matcher(p.key()).matches()) {
                errors.add(error(at + "/key", "sla.error.key", "key", "pattern"));
            } else if (!keys.add(p.key())) {
                errors.add(error(at + "/key", "sla.error.duplicate", "key", "unique"));
            }
            required(errors, at + "/nameZh", p.nameZh(), "nameZh");
            required(errors, at + "/nameEn", p.nameEn(), "nameEn");
            if (p.calendar() == null || !calendars.contains(p.calendar())) {
                errors.add(error(at + "/calendar", "sla.error.calendar", "calendar", "exists"));
            }
            for (String priority : p.conditions().priorities()) {
                if (!PRIORITIES.contains(priority)) {
                    errors.add(error(at + "/conditions/priorities", "sla.error.oneOf", "priorities", "enum"));
                }
            }
            for (String tier : p.conditions().tiers()) {
                if (!Tiers.ALL.contains(tier)) {
                    errors.add(error(at + "/conditions/tiers", "sla.error.oneOf", "tiers", "enum"));
                }
            }
            for (Map.Entry<String, SlaPolicy.TargetSpec> t : p.targets().entrySet()) {
                target(errors, at + "/targets/" + t.getKey(), t.getKey(), t.getValue());
            }
        }
        return errors;
    }

    private static void target(List<FieldError> errors, String at, String target, SlaPolicy.TargetSpec spec) {
        if (!SlaPolicy.TARGETS.contains(target)) {
            errors.add(error(at, "sla.error.oneOf", "target", "enum"));
            return;
        }
        if (spec == null) {
            errors.add(error(at, "sla.error.required", "target", "required"));
            return;
        }
        minutes(errors, at + "/minutes", spec.minutes());
        spec.minutesByPriority().forEach((priority, minutes) -> {
            if (!PRIORITIES.contains(priority)) {
                errors.add(error(at + "/minutesByPriority", "sla.error.oneOf", "priorities", "enum"));
            }
            minutes(errors, at + "/minutesByPriority/" + priority, minutes);
        });
        if (!SlaPolicy.STEP.equals(target) && spec.minutes() == null && spec.minutesByPriority().isEmpty()) {
            errors.add(error(at + "/minutes", "sla.error.required", "minutes", "required"));
        }
        if (!Set.of(SlaPolicy.TargetSpec.WORKING, SlaPolicy.TargetSpec.CALENDAR).contains(spec.time())) {
            errors.add(error(at + "/time", "sla.error.oneOf", "time", "enum"));
        }
        for (int l = 0; l < spec.ladder().size(); l++) {
            level(errors, at + "/ladder/" + l, spec.ladder().get(l));
        }
    }

    private static void level(List<FieldError> errors, String at, SlaPolicy.Level level) {
        if (level == null || !LEVELS.contains(level.level())) {
            errors.add(error(at + "/level", "sla.error.oneOf", "level", "enum"));
            return;
        }
        if (SlaPolicy.Level.WARNING.equals(level.level())) {
            boolean percent = level.percent() != null && level.percent() > 0 && level.percent() < 100;
            boolean before = level.minutesBefore() != null && level.minutesBefore() > 0;
            if (percent == before) {
                errors.add(error(at + "/percent", "sla.error.warning", "percent", "oneOf"));
            }
        }
        if (SlaPolicy.Level.AFTER.equals(level.level())
                && (level.minutes() == null || level.minutes() <= 0 || level.minutes() > MAX_MINUTES)) {
            errors.add(error(at + "/minutes", "sla.error.minutes", "afterMinutes", "range"));
        }
        for (int a = 0; a < level.actions().size(); a++) {
            if (!validAction(level.actions().get(a))) {
                errors.add(error(at + "/actions/" + a, "sla.error.action", "action", "action"));
            }
        }
    }

    private static boolean validAction(SlaPolicy.Action a) {
        if (a == null || a.type() == null) {
            return false;
        }
        return switch (a.type()) {
            case "notify" -> NOTIFY.contains(a.to());
            case "priority" -> "raise".equals(a.value()) || PRIORITIES.contains(a.value());
            case "reassign" -> present(a.department()) != present(a.user());
            case "watcher" -> present(a.user());
            default -> false;
        };
    }

    private static void minutes(List<FieldError> errors, String at, Long minutes) {
        if (minutes != null && (minutes <= 0 || minutes > MAX_MINUTES)) {
            errors.add(error(at, "sla.error.minutes", "minutes", "range"));
        }
    }

    private static void required(List<FieldError> errors, String at, String value, String field) {
        if (!present(value) || value.length() > 200) {
            errors.add(error(at, "sla.error.required", field, "required"));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static FieldError error(String pointer, String key, String field, String rule) {
        return FieldError.of(pointer, Text.of(key, Text.of("sla.field." + field)), rule);
    }
}
