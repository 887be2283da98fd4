package io.flowdesk.sla.internal;

import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.sla.SlaTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns clocks into deadlines under one policy and calendar (pure). A clock whose target the policy does not set is
 * left out; STEP clocks carry their own minutes and count even without a policy.
 */
public final class SlaEvaluator {

    /** Share of the target after which a target without a warning rung counts as at risk. */
    static final int DEFAULT_RISK_PERCENT = 80;

    private SlaEvaluator() {
    }

    public static List<Evaluated> evaluate(List<ClockTrack> clocks, SlaPolicy policy, String priority,
            BusinessCalendar calendar, Instant now) {
        List<Evaluated> result = new ArrayList<>();
        for (ClockTrack clock : clocks) {
            SlaPolicy.TargetSpec spec = policy == null ? null : policy.targets().get(clock.target());
            Long minutes = SlaPolicy.STEP.equals(clock.target()) ? clock.stepMinutes()
                    : spec == null ? null : spec.minutesFor(priority);
            if (minutes == null || minutes <= 0) {
                continue;
            }
            BusinessCalendar counting = spec != null && spec.calendarTime() ? BusinessCalendar.ALWAYS : calendar;
            result.add(one(clock, policy == null ? null : policy.key(), counting, minutes,
                    spec == null ? List.of() : spec.ladder(), now));
        }
        return result;
    }

    static Evaluated one(ClockTrack clock, String policyKey, BusinessCalendar calendar, long minutes,
            List<SlaPolicy.Level> levels, Instant now) {
        Instant due = ClockMath.instantAfter(clock, minutes, calendar);
        long used = ClockMath.used(clock, now, calendar);
        List<Evaluated.Rung> rungs = new ArrayList<>();
        for (SlaPolicy.Level level : levels) {
            Evaluated.Rung rung = rung(clock, level, minutes, due, calendar);
            if (rung != null) {
                rungs.add(rung);
            }
        }
        return new Evaluated(clock, policyKey, calendar.key(), minutes, due, used,
                state(clock, minutes, due, used, rungs, calendar, now), List.copyOf(rungs));
    }

    private static Evaluated.Rung rung(ClockTrack clock, SlaPolicy.Level level, long minutes, Instant due,
            BusinessCalendar calendar) {
        switch (level.level()) {
            case SlaPolicy.Level.WARNING -> {
                long before = level.percent() != null ? minutes - minutes * level.percent() / 100
                        : level.minutesBefore() != null ? Math.min(minutes, level.minutesBefore()) : -1;
                if (before < 0) {
                    return null;
                }
                Instant at = ClockMath.instantAfter(clock, minutes - before, calendar);
                return at == null ? null : new Evaluated.Rung(level, (int) before, at);
            }
            case SlaPolicy.Level.BREACH -> {
                return due == null ? null : new Evaluated.Rung(level, 0, due);
            }
            case SlaPolicy.Level.AFTER -> {
                int after = level.minutes() == null ? 0 : level.minutes();
                return due == null ? null : new Evaluated.Rung(level, after, calendar.plusWorkingMinutes(due, after));
            }
            default -> {
                return null;
            }
        }
    }

    private static String state(ClockTrack clock, long minutes, Instant due, long used, List<Evaluated.Rung> rungs,
            BusinessCalendar calendar, Instant now) {
        if (!clock.isOpen()) {
            return due != null && !clock.stoppedAt().isAfter(due) ? SlaTarget.MET : SlaTarget.BREACHED;
        }
        if (due != null && !now.isBefore(due) || used >= minutes) {
            return SlaTarget.BREACHED;
        }
        if (clock.isPaused()) {
            return SlaTarget.PAUSED;
        }
        Instant risk = rungs.stream().filter(r -> SlaPolicy.Level.WARNING.equals(r.spec().level()))
                .map(Evaluated.Rung::at).min(Instant::compareTo)
                .orElseGet(() -> ClockMath.instantAfter(clock, minutes * DEFAULT_RISK_PERCENT / 100, calendar));
        return risk != null && !now.isBefore(risk) ? SlaTarget.AT_RISK : SlaTarget.ON_TRACK;
    }
}
