package io.flowdesk.automation.internal;

import io.flowdesk.automation.Rule;
import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.shared.Json;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import io.flowdesk.sla.SlaDueWatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time rules counted back from an SLA deadline ({@code trigger.before}): whenever the sla feature (re)computes a
 * ticket's deadlines, each enabled rule gets one deadline per running target of its kind, N calendar or working
 * minutes before it, moved with it; a paused or stopped target loses it. Fired once per rule, ticket, target and
 * cycle (the firing key), so a deadline that moves after the rule fired does not fire it again.
 */
@ApplicationScoped
public class BeforeDeadlines implements SlaDueWatcher {

    /** What {@code before} may name: the sla targets. */
    public static final List<String> TARGETS = List.of("FIRST_RESPONSE", "NEXT_RESPONSE", "RESOLUTION", "STEP");

    @Inject
    Deadlines deadlines;

    @Inject
    Calendars calendars;

    @Override
    public Uni<Void> dueChanged(long ticketId, List<RunningTarget> running) {
        return RuleRows.all(true).chain(rules -> {
            List<Rule> before = rules.stream().filter(r -> r.trigger() != null && "TIME".equals(r.trigger().type())
                    && r.trigger().before() != null).toList();
            if (before.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return calendarsFor(before).chain(cals -> {
                List<String> prefixes = new ArrayList<>();
                List<Deadlines.Due> due = new ArrayList<>();
                for (int i = 0; i < before.size(); i++) {
                    Rule rule = before.get(i);
                    prefixes.add(prefix(rule.key(), ticketId));
                    for (RunningTarget target : running) {
                        if (!rule.trigger().before().equals(target.target())) {
                            continue;
                        }
                        long minutes = rule.trigger().minutes() == null ? 0 : rule.trigger().minutes();
                        Instant at = Boolean.TRUE.equals(rule.trigger().working())
                                ? minusWorkingMinutes(cals.get(i), target.dueAt(), minutes)
                                : target.dueAt().minus(Duration.ofMinutes(minutes));
                        String firing = firingKey(rule.key(), target);
                        due.add(new Deadlines.Due(prefix(rule.key(), ticketId) + target.target() + ":"
                                + target.taskId() + ":" + target.cycle(), at, Json.MAPPER.createObjectNode()
                                        .put("rule", rule.key()).put("eventId", 0).put("eventKind", "BEFORE_"
                                                + target.target()).put("firing", firing).put("depth", 0).toString()));
                    }
                }
                return deadlines.replace(ticketId, AutomationEngine.OWNER, prefixes, due);
            });
        });
    }

    private Uni<List<BusinessCalendar>> calendarsFor(List<Rule> rules) {
        Uni<List<BusinessCalendar>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Rule rule : rules) {
            chain = chain.chain(list -> (Boolean.TRUE.equals(rule.trigger().working())
                    ? calendars.get(rule.trigger().calendar() == null ? Calendars.DEFAULT_KEY : rule.trigger().calendar())
                            .onFailure().recoverWithItem(BusinessCalendar.ALWAYS)
                    : Uni.createFrom().item(BusinessCalendar.ALWAYS)).map(cal -> {
                        list.add(cal);
                        return list;
                    }));
        }
        return chain;
    }

    static String prefix(String rule, long ticketId) {
        return "automation:" + rule + ":" + ticketId + ":before:";
    }

    /** The firing row's rule key: once per rule, target and cycle of the ticket. */
    static String firingKey(String rule, RunningTarget target) {
        return rule + ":before:" + target.target() + (target.taskId().isEmpty() ? "" : ":" + target.taskId()) + ":"
                + target.cycle();
    }

    /**
     * The latest instant with {@code minutes} working minutes between it and {@code due} (to the minute): widened
     * backwards until enough working time lies in between, then halved. Holidays of a week or two cost a few steps.
     */
    static Instant minusWorkingMinutes(BusinessCalendar calendar, Instant due, long minutes) {
        if (minutes <= 0) {
            return due;
        }
        long span = minutes;
        Instant low = due.minus(Duration.ofMinutes(span));
        for (int i = 0; i < 20 && calendar.workingMinutesBetween(low, due) < minutes; i++) {
            span *= 2;
            low = due.minus(Duration.ofMinutes(span));
        }
        long lo = 0; // minutes back that are not enough
        long hi = span; // minutes back that are enough
        while (hi - lo > 1) {
            long mid = (lo + hi) / 2;
            if (calendar.workingMinutesBetween(due.minus(Duration.ofMinutes(mid)), due) >= minutes) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return due.minus(Duration.ofMinutes(hi));
    }
}
