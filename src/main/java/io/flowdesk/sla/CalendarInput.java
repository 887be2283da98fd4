package io.flowdesk.sla;

import io.flowdesk.sla.internal.CalendarValidation;
import java.util.List;
import java.util.Map;

/**
 * A calendar as an admin sends it (REST body, the admin view's form): names, time zone, ranges per weekday as text
 * ({@code "MONDAY": ["09:00-12:00", "13:30-18:00"]}), holidays and make-up days with names.
 * {@link #toCalendar(String)} checks all of it and names every problem by its field, in the reader's language.
 */
public record CalendarInput(String nameZh, String nameEn, String zone, Map<String, List<String>> week,
        List<Day> holidays, List<Day> makeUpDays, String makeUpWeekday, Boolean twentyFourSeven) {

    /** A dated day: {@code date} as {@code 2026-02-14}. */
    public record Day(String date, String name) {
    }

    /** The calendar, or {@link io.flowdesk.shared.InvalidInput} listing every problem. */
    public BusinessCalendar toCalendar(String key) {
        return CalendarValidation.toCalendar(key, this);
    }

    public static CalendarInput of(BusinessCalendar c) {
        Map<String, List<String>> week = new java.util.LinkedHashMap<>();
        c.week().forEach((day, ranges) -> week.put(day.name(), ranges.stream().map(CalendarRange::toString).toList()));
        return new CalendarInput(c.nameZh(), c.nameEn(), c.zone().getId(), week, days(c.holidays()),
                days(c.makeUpDays()), c.makeUpWeekday().name(), c.twentyFourSeven());
    }

    private static List<Day> days(Map<java.time.LocalDate, String> days) {
        return days.entrySet().stream().map(e -> new Day(e.getKey().toString(), e.getValue())).toList();
    }
}
