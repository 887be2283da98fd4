package io.flowdesk.sla.rest;

import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.CalendarInput;
import java.util.List;
import java.util.Map;

/** A calendar as the API shows it; the same shape, without {@code key} and {@code version}, is the PUT body. */
public record CalendarJson(String key, String nameZh, String nameEn, String zone, Map<String, List<String>> week,
        List<CalendarInput.Day> holidays, List<CalendarInput.Day> makeUpDays, String makeUpWeekday,
        boolean twentyFourSeven, long version) {

    static CalendarJson of(BusinessCalendar c, long version) {
        CalendarInput in = CalendarInput.of(c);
        return new CalendarJson(c.key(), c.nameZh(), c.nameEn(), in.zone(), in.week(), in.holidays(),
                in.makeUpDays(), in.makeUpWeekday(), c.twentyFourSeven(), version);
    }

    /** A merge's outcome: the calendar and how many dates changed. */
    public record Merged(CalendarJson calendar, int holidaysChanged, int makeUpDaysChanged) {
    }
}
