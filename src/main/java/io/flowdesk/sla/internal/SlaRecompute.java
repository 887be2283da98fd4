package io.flowdesk.sla.internal;

import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.TicketClock;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.sla.SlaTarget;
import io.flowdesk.tickets.TicketCommands;
import io.flowdesk.tickets.TicketEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recomputes one ticket's SLA from its whole history, in the caller's transaction: clocks, outcomes, ladder
 * deadlines, the ticket's summary, and a timeline entry for every deadline a changed policy, priority or calendar
 * moved (docs/sla.md).
 */
@ApplicationScoped
public class SlaRecompute {

    public static final String OWNER = "sla";
    static final List<String> WORST_FIRST = List.of(SlaTarget.BREACHED, SlaTarget.AT_RISK, SlaTarget.ON_TRACK,
            SlaTarget.PAUSED, SlaTarget.MET);

    @Inject
    TicketCommands commands;

    @Inject
    Calendars calendars;

    @Inject
    Deadlines deadlines;

    @Inject
    FlowClock clock;

    @Inject
    jakarta.enterprise.inject.Instance<io.flowdesk.sla.SlaDueWatcher> watchers;

    @ConfigProperty(name = "flowdesk.sla.waiting-statuses", defaultValue = "WAITING_CUSTOMER")
    Set<String> waitingStatuses;

    /** @param cause why, when an edit asked for it (null: the ticket's own events; the cause is read from them) */
    public Uni<List<Evaluated>> ticket(long ticketId, List<SlaPolicy> policies, Text cause) {
        return commands.facts(ticketId).chain(facts -> SlaRows.tier(facts.customerUserId()).chain(tier -> {
            SlaPolicy.Facts match = new SlaPolicy.Facts(facts.templateKey(), facts.priority(), tier, facts.channel());
            SlaPolicy policy = policies.stream().filter(p -> p.matches(match)).findFirst().orElse(null);
            return calendar(policy).chain(calendar -> SlaRows.history(ticketId).chain(history -> TicketClock
                    .now(ticketId).chain(now -> {
                SlaEngine.State state = new SlaEngine(waitingStatuses).replay(history);
                // the ticket's own now (ADR 0048): a test ticket on a virtual clock is judged by its simulated time
                List<Evaluated> evaluated = SlaEvaluator.evaluate(state.clocks(), policy, facts.priority(), calendar,
                        now);
                return SlaRows.clocks(ticketId).chain(stored -> schedule(ticketId, evaluated, stored)
                        .chain(() -> explain(ticketId, evaluated, stored, policy, calendar, history, cause))
                        .chain(() -> SlaRows.replace(ticketId, evaluated))
                        .chain(() -> SlaRows.outcomes(ticketId, evaluated))
                        .chain(() -> Panache.getSession().chain(s -> s.flush()))
                        .chain(() -> commands.setSlaSummary(ticketId, nextDue(evaluated), worst(evaluated))))
                        .replaceWith(evaluated);
            })));
        }));
    }

    private Uni<BusinessCalendar> calendar(SlaPolicy policy) {
        String key = policy == null ? Calendars.DEFAULT_KEY : policy.calendar();
        return calendars.get(key).onFailure().recoverWithUni(() -> calendars.defaultCalendar())
                .onFailure().recoverWithItem(BusinessCalendar.ALWAYS);
    }

    /**
     * Open running clocks get their ladder (moved where it changed); paused, stopped and vanished ones lose it. Two
     * statements per ticket, whatever the number of clocks and rungs (ADR 0023).
     */
    private Uni<Void> schedule(long ticketId, List<Evaluated> evaluated, Map<String, SlaRows.StoredClock> stored) {
        Set<String> prefixes = new java.util.LinkedHashSet<String>();
        List<Deadlines.Due> due = new java.util.ArrayList<>();
        for (Evaluated e : evaluated) {
            String prefix = e.clock().keyPrefix(ticketId);
            prefixes.add(prefix);
            if (e.open() && !e.clock().isPaused()) {
                for (Evaluated.Rung rung : e.ladder()) {
                    due.add(new Deadlines.Due(rung.key(prefix), rung.at(), LadderPayload.of(e, rung)));
                }
            }
        }
        for (SlaRows.StoredClock old : stored.values()) {
            prefixes.add("sla:" + ticketId + ":" + old.target() + (old.taskId().isEmpty() ? "" : ":" + old.taskId())
                    + ":" + old.cycle() + ":");
        }
        List<io.flowdesk.sla.SlaDueWatcher.RunningTarget> running = evaluated.stream()
                .filter(e -> e.open() && !e.clock().isPaused() && e.dueAt() != null)
                .map(e -> new io.flowdesk.sla.SlaDueWatcher.RunningTarget(e.clock().target(), e.clock().taskId(),
                        e.clock().cycle(), e.dueAt(), e.calendarKey()))
                .toList();
        Uni<Void> chain = deadlines.replace(ticketId, OWNER, prefixes, due);
        for (io.flowdesk.sla.SlaDueWatcher watcher : watchers) {
            chain = chain.chain(() -> watcher.dueChanged(ticketId, running));
        }
        return chain;
    }

    private Uni<Void> explain(long ticketId, List<Evaluated> evaluated, Map<String, SlaRows.StoredClock> stored,
            SlaPolicy policy, BusinessCalendar calendar, List<TicketEvent> history, Text cause) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Evaluated e : evaluated) {
            SlaRows.StoredClock old = stored.get(e.clock().target() + ":" + e.clock().taskId() + ":" + e.clock().cycle());
            if (old == null || !e.open()) {
                continue;
            }
            boolean ruleChanged = !Objects.equals(old.policyKey(), e.policyKey())
                    || old.targetMinutes() != e.targetMinutes() || !Objects.equals(old.calendarKey(), e.calendarKey());
            boolean moved = !Objects.equals(old.dueAt(), e.dueAt()) || old.targetMinutes() != e.targetMinutes();
            if (!moved || !ruleChanged && cause == null) {
                continue; // a pause or a resume moves deadlines too; that is no recompute
            }
            Text why = cause != null ? cause : SlaTexts.cause(history, old, policy);
            Text text = e.dueAt() == null || old.dueAt() == null
                    ? Text.of("sla.timeline.recomputedPaused", SlaTexts.target(e.clock()), e.targetMinutes(),
                            old.targetMinutes(), why)
                    : Text.of("sla.timeline.recomputed", SlaTexts.target(e.clock()), SlaTexts.at(e.dueAt(), calendar),
                            SlaTexts.at(old.dueAt(), calendar), why);
            var details = io.flowdesk.shared.Json.MAPPER.createObjectNode().put("target", e.clock().target())
                    .put("cycle", e.clock().cycle()).put("policy", e.policyKey())
                    .put("from", old.dueAt() == null ? null : old.dueAt().toString())
                    .put("to", e.dueAt() == null ? null : e.dueAt().toString())
                    .put("fromMinutes", old.targetMinutes()).put("toMinutes", e.targetMinutes());
            chain = chain.chain(() -> commands.record(ticketId, SlaTexts.RECOMPUTED, null,
                    e.clock().taskId().isEmpty() ? null : e.clock().taskId(), text, details, true));
        }
        return chain;
    }

    static Instant nextDue(List<Evaluated> evaluated) {
        return evaluated.stream().filter(e -> e.open() && e.dueAt() != null).map(Evaluated::dueAt)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The worst state of the open targets; with none open, whether the last cycle was met. */
    static String worst(List<Evaluated> evaluated) {
        List<Evaluated> open = evaluated.stream().filter(Evaluated::open).toList();
        List<Evaluated> pool = open.isEmpty() ? evaluated : open;
        return pool.stream().map(Evaluated::state).min(Comparator.comparingInt(WORST_FIRST::indexOf)).orElse(null);
    }
}
