package io.flowdesk.routing.internal;

import io.flowdesk.routing.ShiftCalendars;
import io.flowdesk.shared.NotFound;
import io.flowdesk.sla.Calendars;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** An agent's shift is a business calendar of {@code io.flowdesk.sla} (working hours, holidays, make-up days). */
@ApplicationScoped
public class SlaShiftCalendars implements ShiftCalendars {

    @Inject
    Calendars calendars;

    @Override
    public Uni<Boolean> isWorking(String calendarKey, Instant at) {
        return calendars.get(calendarKey).map(calendar -> calendar.isWorking(at))
                .onFailure(NotFound.class).recoverWithItem(true);
    }

    @Override
    public Uni<Boolean> exists(String calendarKey) {
        return calendars.get(calendarKey).map(calendar -> true).onFailure(NotFound.class).recoverWithItem(false);
    }
}
