package io.flowdesk.automation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.deadlines.Deadline;
import io.flowdesk.deadlines.DeadlineHandler;
import io.flowdesk.shared.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fires time-based rules (deadline owner {@code automation}) in the deadline's transaction: the rule as it is now
 * (switched off or deleted meanwhile: nothing), its conditions re-checked at fire time, once per rule, ticket and
 * the event it counted from.
 */
@ApplicationScoped
public class TimeRuleHandler implements DeadlineHandler {

    @Inject
    AutomationEngine engine;

    @Override
    public String owner() {
        return AutomationEngine.OWNER;
    }

    @Override
    public Uni<Void> fire(Deadline deadline) {
        JsonNode p = Json.parse(deadline.payloadJson());
        String key = p.path("rule").asText();
        long eventId = p.path("eventId").asLong();
        return RuleRows.get(key).chain(rule -> {
            if (rule == null || !rule.on() || rule.trigger() == null || !"TIME".equals(rule.trigger().type())) {
                return RuleRows.trace(deadline.ticketId(), eventId, "TIME", key, "RULE_OFF", null);
            }
            String firing = p.path("firing").asText(key); // "before" rules: once per target and cycle
            return engine.evaluate(rule, deadline.ticketId(), eventId, "TIME", p.path("depth").asInt(0), firing);
        });
    }
}
