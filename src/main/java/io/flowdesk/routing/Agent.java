package io.flowdesk.routing;

import java.time.Instant;
import java.util.Map;

/**
 * A department member as the router sees them at the moment of a decision.
 *
 * @param skills skill key to level (1–5)
 * @param load weighted open tasks ({@link Load})
 * @param onShift whether their own calendar says they work now (no calendar = always)
 * @param lastAssignedAt when they last got a task of this department automatically (null = never)
 */
public record Agent(String username, String displayName, Availability status, Map<String, Integer> skills, int load,
        int capacity, boolean onShift, Instant lastAssignedAt) {

    public Agent {
        skills = Map.copyOf(skills);
    }

    public int level(String skill) {
        return skills.getOrDefault(skill, 0);
    }
}
