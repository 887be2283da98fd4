package io.flowdesk.notifyhub;

import io.flowdesk.notify.WorkingTime;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;

/** The hub's quiet hours and digest zone from the business calendars of {@code sla} (a missing key: the default). */
@ApplicationScoped
public class CalendarWorkingTime implements WorkingTime {

    @Inject
    Calendars calendars;

    @Override
    public Uni<ZoneId> zone(String calendarKey) {
        return calendar(calendarKey).map(BusinessCalendar::zone);
    }

    @Override
    public Uni<Instant> quietUntil(String calendarKey, Instant at) {
        return calendar(calendarKey).map(c -> {
            if (c.twentyFourSeven() || c.isWorking(at)) {
                return null;
            }
            try {
                return c.nextWorkingInstant(at);
            } catch (IllegalStateException noWorkingTimeAhead) {
                return null; // a calendar without working time would defer forever: then nothing is quiet
            }
        });
    }

    private Uni<BusinessCalendar> calendar(String key) {
        if (key == null) {
            return calendars.defaultCalendar();
        }
        return calendars.get(key).onFailure().recoverWithUni(calendars::defaultCalendar);
    }
}
