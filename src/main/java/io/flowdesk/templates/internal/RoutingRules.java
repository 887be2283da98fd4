package io.flowdesk.templates.internal;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Text;
import io.flowdesk.workflow.FlowDeskBpmn;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.UserTask;

/**
 * A user task's routing and step target, as the designer's property panel writes them: {@code flowdesk:assignment}
 * one of {@link #STRATEGIES} (absent means queue), {@code flowdesk:skills} as {@code key:level} pairs (level 1–5,
 * each key once), {@code flowdesk:targetMinutes} a whole number of working minutes from 1 to
 * {@link #MAX_TARGET_MINUTES}. Each rule names the task.
 */
final class RoutingRules {

    static final List<String> STRATEGIES = FlowDeskBpmn.ASSIGNMENTS;
    /** A year of minutes: a step target beyond it is a typing mistake, not a promise. */
    static final long MAX_TARGET_MINUTES = 525_600;
    private static final Pattern SKILL_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern LEVEL = Pattern.compile("[1-5]");

    private RoutingRules() {
    }

    static void check(UserTask task, List<FieldError> errors) {
        Text subject = Labels.of(task);
        String assignment = task.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.ASSIGNMENT);
        if (assignment != null && !STRATEGIES.contains(assignment)) {
            errors.add(new FieldError(task.getId(), Text.of("lint.assignment.unknown", subject, assignment,
                    String.join(", ", STRATEGIES)), "assignment"));
        }
        String skills = task.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.SKILLS);
        if (skills != null && !wellFormedSkills(skills)) {
            errors.add(new FieldError(task.getId(), Text.of("lint.skills.malformed", subject, skills), "skills"));
        }
        String target = task.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TARGET_MINUTES);
        if (target != null && !validTarget(target)) {
            errors.add(new FieldError(task.getId(), Text.of("lint.targetMinutes.invalid", subject, target,
                    MAX_TARGET_MINUTES), "target-minutes"));
        }
    }

    static boolean wellFormedSkills(String value) {
        if (value.isBlank()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (String part : value.split(",", -1)) {
            String[] pair = part.strip().split(":", -1);
            if (pair.length != 2 || !SKILL_KEY.matcher(pair[0].strip()).matches()
                    || !LEVEL.matcher(pair[1].strip()).matches() || !seen.add(pair[0].strip())) {
                return false;
            }
        }
        return true;
    }

    static boolean validTarget(String value) {
        if (!value.strip().matches("\\d{1,9}")) {
            return false;
        }
        long minutes = Long.parseLong(value.strip());
        return minutes >= 1 && minutes <= MAX_TARGET_MINUTES;
    }
}
