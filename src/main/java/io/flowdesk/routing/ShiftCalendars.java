package io.flowdesk.routing;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Whether an agent's own shift calendar says they work at an instant. Implemented over the business calendars of
 * {@code io.flowdesk.sla} ({@code BusinessCalendar.isWorking}); without an implementation every agent is on shift.
 */
public interface ShiftCalendars {

    /** True when the calendar with this key is working at {@code at}; an unknown key counts as always working. */
    Uni<Boolean> isWorking(String calendarKey, Instant at);

    /** Whether a calendar with this key exists (for the admin's capacity and shift form). */
    Uni<Boolean> exists(String calendarKey);
}
