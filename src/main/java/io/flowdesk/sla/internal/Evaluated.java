package io.flowdesk.sla.internal;

import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.sla.SlaTarget;
import java.time.Instant;
import java.util.List;

/**
 * One clock measured against its target: deadline (null while paused), working minutes used, state and the ladder
 * rungs still to schedule.
 */
public record Evaluated(ClockTrack clock, String policyKey, String calendarKey, long targetMinutes,
        Instant dueAt, long used, String state, List<Rung> ladder) {

    /** A rung of the ladder at its instant; {@code minutes}: before the deadline (warning), after it (after). */
    public record Rung(SlaPolicy.Level spec, int minutes, Instant at) {

        public String key(String prefix) {
            return prefix + spec.level() + (SlaPolicy.Level.BREACH.equals(spec.level()) ? "" : ":" + minutes);
        }
    }

    public Long remaining() {
        return clock.isOpen() ? Math.max(0, targetMinutes - used) : null;
    }

    public boolean open() {
        return clock.isOpen();
    }

    public boolean met() {
        return !clock.isOpen() && SlaTarget.MET.equals(state);
    }
}
