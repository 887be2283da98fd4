package io.flowdesk.sla.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.Json;
import io.flowdesk.sla.SlaPolicy;

/** The payload of an {@code sla} deadline, as the escalation handler reads it (sla-contracts). */
final class LadderPayload {

    private LadderPayload() {
    }

    static String of(Evaluated e, Evaluated.Rung rung) {
        ClockTrack c = e.clock();
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("target", c.target());
        node.put("taskId", c.taskId().isEmpty() ? null : c.taskId());
        if (c.labelZh() != null || c.labelEn() != null) {
            node.putObject("step").put("zh", c.labelZh()).put("en", c.labelEn());
        } else {
            node.putNull("step");
        }
        node.put("cycle", c.cycle());
        node.put("level", rung.spec().level());
        node.put("minutes", rung.minutes());
        if (rung.spec().percent() != null) {
            node.put("percent", rung.spec().percent());
        }
        node.put("calendar", e.calendarKey());
        node.put("workingHoursOnly", rung.spec().workingHoursOnly());
        node.put("dueAt", e.dueAt() == null ? null : e.dueAt().toString());
        node.put("targetMinutes", e.targetMinutes());
        node.put("policy", e.policyKey());
        var actions = node.putArray("actions");
        for (SlaPolicy.Action a : rung.spec().actions()) {
            actions.add(Json.MAPPER.valueToTree(a));
        }
        return node.toString();
    }
}
