package io.flowdesk.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One rung of an SLA ladder as the sla scheduler writes it into a deadline's payload (see docs/sla.md):
 * which target, cycle and level, the target's own deadline, and the actions to take when it falls due.
 */
public record EscalationLevel(String target, String taskId, String stepZh, String stepEn, int cycle, String level,
        Integer minutes, String calendar, boolean workingHoursOnly, Instant dueAt, List<Action> actions) {

    public static final String WARNING = "warning";
    public static final String BREACH = "breach";
    public static final String AFTER = "after";

    /** {@code type} notify|priority|reassign|watcher; the other fields as the type needs them. */
    public record Action(String type, String to, String value, String department, String user) {
    }

    public static EscalationLevel parse(String payloadJson) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(payloadJson == null ? "{}" : payloadJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("sla deadline payload is not JSON: " + e.getMessage());
        }
        List<Action> actions = new ArrayList<>();
        for (JsonNode a : n.path("actions")) {
            actions.add(new Action(text(a, "type"), text(a, "to"), text(a, "value"), text(a, "department"),
                    text(a, "user")));
        }
        JsonNode step = n.path("step");
        String due = text(n, "dueAt");
        return new EscalationLevel(text(n, "target"), text(n, "taskId"), step.isObject() ? text(step, "zh") : null,
                step.isObject() ? text(step, "en") : null, n.path("cycle").asInt(1), text(n, "level"),
                n.hasNonNull("minutes") ? n.path("minutes").asInt() : null, text(n, "calendar"),
                n.path("workingHoursOnly").asBoolean(false), due == null ? null : Instant.parse(due),
                List.copyOf(actions));
    }

    /** The timeline kind of this level. */
    public String timelineKind() {
        return switch (level == null ? "" : level) {
            case WARNING -> "SLA_WARNING";
            case BREACH -> "SLA_BREACHED";
            default -> "SLA_ESCALATED";
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
