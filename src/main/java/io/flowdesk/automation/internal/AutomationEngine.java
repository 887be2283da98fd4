package io.flowdesk.automation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.automation.Rule;
import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the rules on one event (ADR 0026), in the caller's transaction: the consumer's batch or the deadline that a
 * time-based rule set. Each evaluation leaves a trace row; each firing a unique firing row, its effects (carrying the
 * chain's depth) and one {@code AUTOMATION_FIRED} entry with the rule's name; past depth 5 an
 * {@code AUTOMATION_CUTOFF} entry instead.
 */
@ApplicationScoped
public class AutomationEngine {

    public static final int MAX_DEPTH = 5;
    public static final String OWNER = "automation";

    @Inject
    TicketCommands commands;

    @Inject
    Actions actions;

    @Inject
    Deadlines deadlines;

    @Inject
    Calendars calendars;

    @Inject
    Snapshots snapshots;

    /** The rules whose trigger this event is: immediate ones run, time-based ones are scheduled. */
    public Uni<Void> onEvent(TicketEvent event, List<Rule> rules) {
        if (event.kind().equals("TASK_COMPLETED") && event.taskId() != null) {
            return RuleRows.stepKey(event.taskId()).chain(step -> {
                com.fasterxml.jackson.databind.node.ObjectNode d = (com.fasterxml.jackson.databind.node.ObjectNode)
                        event.details();
                d.put("taskDefKey", step);
                return onEvent(event, d, rules);
            });
        }
        return onEvent(event, event.details(), rules);
    }

    private Uni<Void> onEvent(TicketEvent event, JsonNode details, List<Rule> rules) {
        int depth = details.path("automationDepth").asInt(0);
        Uni<Boolean> first = event.kind().equals("TASK_STARTED") ? RuleRows.firstTask(event.ticketId(), event.id())
                : Uni.createFrom().item(false);
        return first.chain(firstTask -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Rule rule : rules) {
                if (Triggers.anchors(rule.trigger(), event.kind(), details)) {
                    chain = chain.chain(() -> schedule(rule, event, depth));
                } else if (Triggers.starts(rule.trigger(), event.kind(), details, firstTask)) {
                    chain = chain.chain(() -> evaluate(rule, event.ticketId(), event.id(), event.kind(), depth));
                }
            }
            return chain;
        });
    }

    /** A time-based rule counts from this event: a deadline keyed by rule, ticket and event (once, for good). */
    Uni<Void> schedule(Rule rule, TicketEvent event, int depth) {
        Rule.Trigger t = rule.trigger();
        long minutes = t.minutes() == null ? 0 : t.minutes();
        Uni<BusinessCalendar> calendar = Boolean.TRUE.equals(t.working())
                ? calendars.get(t.calendar() == null ? "cn-standard" : t.calendar())
                        .onFailure().recoverWithItem(BusinessCalendar.ALWAYS)
                : Uni.createFrom().item(BusinessCalendar.ALWAYS);
        return calendar.chain(cal -> {
            Instant due = Boolean.TRUE.equals(t.working()) ? cal.plusWorkingMinutes(event.at(), minutes)
                    : event.at().plus(Duration.ofMinutes(minutes));
            String payload = Json.MAPPER.createObjectNode().put("rule", rule.key()).put("eventId", event.id())
                    .put("eventKind", event.kind()).put("depth", depth).toString();
            return deadlines.schedule(key(rule.key(), event.ticketId(), event.id()), OWNER, event.ticketId(), due,
                    payload).chain(() -> RuleRows.trace(event.ticketId(), event.id(), event.kind(), rule.key(),
                            "SCHEDULED", due.toString()));
        });
    }

    static String key(String rule, long ticketId, long eventId) {
        return "automation:" + rule + ":" + ticketId + ":" + eventId;
    }

    /** Conditions checked now; fires when they hold, once per rule, ticket and event. */
    public Uni<Void> evaluate(Rule rule, long ticketId, long eventId, String kind, int depth) {
        return evaluate(rule, ticketId, eventId, kind, depth, rule.key());
    }

    /** @param firing the firing row's key: the rule's, or the rule's with a target and cycle for "before" rules */
    public Uni<Void> evaluate(Rule rule, long ticketId, long eventId, String kind, int depth, String firing) {
        return snapshots.of(ticketId).chain(ticket -> {
            Rule.Condition failed = Evaluator.failed(rule.conditions(), ticket);
            if (failed != null) {
                return RuleRows.trace(ticketId, eventId, kind, rule.key(), "NOT_MATCHED", describe(failed));
            }
            if (depth >= MAX_DEPTH) {
                return RuleRows.claim(rule.key() + ":cutoff", ticketId, 0, depth).chain(claimed -> !claimed // once per rule and ticket
                        ? RuleRows.trace(ticketId, eventId, kind, rule.key(), "CUTOFF", null)
                        : commands.record(ticketId, "AUTOMATION_CUTOFF", null, null, Text.of(
                                "automation.timeline.cutoff", Actions.name(rule), MAX_DEPTH), Json.MAPPER
                                        .createObjectNode().put("rule", rule.key()).put("depth", depth), true)
                                .chain(() -> RuleRows.trace(ticketId, eventId, kind, rule.key(), "CUTOFF", null)));
            }
            return RuleRows.claim(firing, ticketId, eventId, depth).chain(claimed -> !claimed
                    ? RuleRows.trace(ticketId, eventId, kind, rule.key(), "ALREADY_FIRED", null)
                    : fire(rule, ticket, eventId, kind, depth));
        });
    }

    private Uni<Void> fire(Rule rule, Snapshot ticket, long eventId, String kind, int depth) {
        Text why = Text.of("automation.why", Actions.name(rule));
        List<Text> said = new ArrayList<>();
        return TicketCommands.causedBy(rule.key(), depth + 1, () -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Rule.Action action : rule.actions()) {
                chain = chain.chain(() -> snapshots.of(ticket.id()).chain(now -> actions.run(rule, action, now, why)
                        .invoke(changed -> said.add(changed ? Actions.describe(action, now)
                                : Text.of("automation.done.unchanged", Actions.describe(action, now))))
                        .replaceWithVoid()));
            }
            return chain.chain(() -> commands.record(ticket.id(), "AUTOMATION_FIRED", null, null,
                    Text.of("automation.timeline.fired", Actions.name(rule), joined(said, 0)), Json.MAPPER
                            .createObjectNode().put("rule", rule.key()).put("nameZh", rule.nameZh())
                            .put("nameEn", rule.nameEn()).put("event", eventId).put("depth", depth), true));
        }).chain(() -> RuleRows.trace(ticket.id(), eventId, kind, rule.key(), "FIRED", null));
    }

    static Text joined(List<Text> parts, int from) {
        if (from >= parts.size()) {
            return Text.of("automation.done.nothing");
        }
        if (from == parts.size() - 1) {
            return parts.get(from);
        }
        return Text.of("automation.done.join", parts.get(from), joined(parts, from + 1));
    }

    public static String describe(Rule.Condition c) {
        return c.field() + " " + c.op() + (c.value() == null ? "" : " " + c.value());
    }
}
