package io.flowdesk.reports.forecast;

import io.flowdesk.sla.BusinessCalendar;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What kind of day a date is on a business calendar, for the volume forecast (ADR 0037): a holiday, a make-up working
 * day (调休), a weekend (a weekday without working ranges) or a workday.
 */
public enum DayType {
    WORKDAY, WEEKEND, HOLIDAY, MAKEUP;

    public static DayType of(BusinessCalendar calendar, LocalDate date) {
        if (calendar.holidays().containsKey(date)) {
            return HOLIDAY;
        }
        if (calendar.makeUpDays().containsKey(date)) {
            return MAKEUP;
        }
        return !calendar.twentyFourSeven() && calendar.week().get(date.getDayOfWeek()).isEmpty() ? WEEKEND : WORKDAY;
    }

    /** The slot of the weekly cycle a date behaves like: its own weekday, a make-up day the calendar's make-up weekday. */
    public static int season(BusinessCalendar calendar, LocalDate date, DayType type) {
        return (type == MAKEUP ? calendar.makeUpWeekday() : date.getDayOfWeek()).getValue() - 1;
    }

    /** As the API writes it: {@code workday}, {@code weekend}, {@code holiday}, {@code makeup}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
