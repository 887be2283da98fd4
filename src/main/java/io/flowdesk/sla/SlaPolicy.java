package io.flowdesk.sla;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An SLA policy: when it applies (conditions, empty = any), which calendar it counts in and its targets. Policies
 * are ordered by {@code position}; the first enabled one that matches a ticket wins (docs/sla.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlaPolicy(String key, String nameZh, String nameEn, int position, boolean enabled,
        Conditions conditions, String calendar, Map<String, TargetSpec> targets) {

    public static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    public static final String NEXT_RESPONSE = "NEXT_RESPONSE";
    public static final String RESOLUTION = "RESOLUTION";
    public static final String STEP = "STEP";
    public static final List<String> TARGETS = List.of(FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION, STEP);

    public SlaPolicy {
        conditions = conditions == null ? Conditions.ANY : conditions;
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    /** Ticket facts a policy matches on. */
    public record Facts(String template, String priority, String tier, String channel) {
    }

    public boolean matches(Facts facts) {
        return enabled && conditions.matches(facts);
    }

    /** The target's minutes for a priority, or null when this policy sets none (STEP: from the BPMN task). */
    public Long minutes(String target, String priority) {
        TargetSpec spec = targets.get(target);
        return spec == null ? null : spec.minutesFor(priority);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conditions(List<String> templates, List<String> priorities, List<String> tiers,
            List<String> channels) {

        public static final Conditions ANY = new Conditions(List.of(), List.of(), List.of(), List.of());

        public Conditions {
            templates = templates == null ? List.of() : List.copyOf(templates);
            priorities = priorities == null ? List.of() : List.copyOf(priorities);
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
            channels = channels == null ? List.of() : List.copyOf(channels);
        }

        boolean matches(Facts f) {
            return any(templates, f.template()) && any(priorities, f.priority()) && any(tiers, f.tier())
                    && any(channels, f.channel());
        }

        private static boolean any(List<String> allowed, String value) {
            return allowed.isEmpty() || allowed.contains(value);
        }
    }

    /**
     * One target: minutes per priority ({@code minutesByPriority}) falling back to {@code minutes}; counted in the
     * policy's calendar ({@code time = working}) or around the clock ({@code calendar}); and its ladder.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetSpec(Long minutes, Map<String, Long> minutesByPriority, String time, List<Level> ladder) {

        public static final String WORKING = "working";
        public static final String CALENDAR = "calendar";

        public TargetSpec {
            minutesByPriority = minutesByPriority == null ? Map.of() : Map.copyOf(minutesByPriority);
            time = time == null ? WORKING : time;
            ladder = ladder == null ? List.of() : List.copyOf(ladder);
        }

        public Long minutesFor(String priority) {
            Long byPriority = priority == null ? null : minutesByPriority.get(priority);
            return byPriority != null ? byPriority : minutes;
        }

        public boolean calendarTime() {
            return CALENDAR.equals(time);
        }
    }

    /**
     * A rung of the ladder: {@code warning} at {@code percent} of the target or {@code minutesBefore} the deadline,
     * {@code breach} at the deadline, {@code after} at {@code minutes} after it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Level(String level, Integer percent, Integer minutesBefore, Integer minutes,
            boolean workingHoursOnly, List<Action> actions) {

        public static final String WARNING = "warning";
        public static final String BREACH = "breach";
        public static final String AFTER = "after";

        public Level {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /**
     * What a rung does: {@code notify} ({@code to}: supervisor, assignee, department, watchers), {@code priority}
     * ({@code value}: raise or P1–P4), {@code reassign} ({@code department} or {@code user}), {@code watcher}
     * ({@code user}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String type, String to, String value, String department, String user) {
    }
}
