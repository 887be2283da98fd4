package io.flowdesk.routing;

import java.util.Arrays;

/**
 * How a user task's assignee is chosen ({@code flowdesk:assignment} on the BPMN user task). Each has a stable id,
 * the attribute's value; an absent or unknown value is {@link #QUEUE}, today's behaviour (claim by hand).
 */
public enum Strategy {
    QUEUE("queue"),
    ROUND_ROBIN("round-robin"),
    LEAST_LOADED("least-loaded"),
    BEST_SKILL("best-skill"),
    STICKY("sticky");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Strategy of(String id) {
        if (id == null || id.isBlank()) {
            return QUEUE;
        }
        return Arrays.stream(values()).filter(s -> s.id.equals(id.strip())).findFirst().orElse(QUEUE);
    }
}
