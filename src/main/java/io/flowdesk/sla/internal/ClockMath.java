package io.flowdesk.sla.internal;

import io.flowdesk.sla.BusinessCalendar;
import java.time.Instant;

/**
 * Working time of a {@link ClockTrack} in a calendar: paused stretches never count. Whole minutes, like
 * {@link BusinessCalendar}; each running stretch is counted on its own.
 */
public final class ClockMath {

    private ClockMath() {
    }

    /**
     * The instant at which the clock has run {@code minutes} working minutes; null if it is paused before that (the
     * deadline is unknown until it resumes).
     */
    public static Instant instantAfter(ClockTrack clock, long minutes, BusinessCalendar calendar) {
        Instant cursor = clock.startedAt();
        long remaining = minutes;
        for (ClockTrack.Pause pause : clock.pauses()) {
            if (pause.start().isAfter(cursor)) {
                long stretch = calendar.workingMinutesBetween(cursor, pause.start());
                if (stretch >= remaining) {
                    return calendar.plusWorkingMinutes(cursor, remaining);
                }
                remaining -= stretch;
            }
            if (pause.end() == null) {
                return null;
            }
            if (pause.end().isAfter(cursor)) {
                cursor = pause.end();
            }
        }
        return calendar.plusWorkingMinutes(cursor, remaining);
    }

    /** Working minutes the clock has run up to {@code until} (or its stop, if earlier). */
    public static long used(ClockTrack clock, Instant until, BusinessCalendar calendar) {
        Instant end = clock.stoppedAt() != null && clock.stoppedAt().isBefore(until) ? clock.stoppedAt() : until;
        Instant cursor = clock.startedAt();
        long used = 0;
        for (ClockTrack.Pause pause : clock.pauses()) {
            Instant stretchEnd = pause.start().isBefore(end) ? pause.start() : end;
            if (stretchEnd.isAfter(cursor)) {
                used += calendar.workingMinutesBetween(cursor, stretchEnd);
            }
            if (pause.end() == null || !pause.end().isBefore(end)) {
                return used;
            }
            if (pause.end().isAfter(cursor)) {
                cursor = pause.end();
            }
        }
        return end.isAfter(cursor) ? used + calendar.workingMinutesBetween(cursor, end) : used;
    }
}
