package io.flowdesk.workflow;

import io.flowdesk.workflow.internal.OutboxListener;
import java.util.Map;

/**
 * Records an outbox row for the tickets relay from inside an engine command (a {@code Command} run by the engine of
 * {@link WorkflowEngine}), so the row commits or rolls back with what the command changes in the engine.
 */
public final class EngineOutbox {

    private EngineOutbox() {
    }

    public static void record(long ticketId, String processInstanceId, EngineEventKind kind, Map<String, Object> payload) {
        OutboxListener.insert(ticketId, processInstanceId, kind, null, payload);
    }
}
