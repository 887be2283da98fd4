package io.flowdesk.routing;

import java.util.Map;

/**
 * What is being routed: an open task of a ticket, its department, strategy, required skills and priority.
 *
 * @param lastServer the agent who last worked on a task of this customer (for {@link Strategy#STICKY}), or null
 */
public record RoutingTask(String taskId, long ticketId, String department, Strategy strategy,
        Map<String, Integer> requiredSkills, String priority, String lastServer) {

    public RoutingTask {
        requiredSkills = Map.copyOf(requiredSkills);
    }
}
