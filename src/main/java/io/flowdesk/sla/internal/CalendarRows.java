package io.flowdesk.sla.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.flowdesk.shared.Json;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.CalendarRange;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between rows and the {@link BusinessCalendar} value. */
public final class CalendarRows {

    private CalendarRows() {
    }

    public static BusinessCalendar toValue(CalendarEntity row, List<CalendarDayEntity> days) {
        BusinessCalendar.Builder b = BusinessCalendar.builder(row.key, ZoneId.of(row.zone))
                .names(row.nameZh, row.nameEn).makeUpWeekday(DayOfWeek.valueOf(row.makeUpWeekday))
                .twentyFourSeven(row.twentyFourSeven);
        Map<String, List<String>> week = Json.MAPPER.convertValue(Json.parse(row.weekJson),
                new TypeReference<Map<String, List<String>>>() {
                });
        week.forEach((day, ranges) -> b.ranges(ranges, DayOfWeek.valueOf(day)));
        for (CalendarDayEntity day : days) {
            if (CalendarDayEntity.MAKE_UP.equals(day.kind)) {
                b.makeUpDay(day.day, day.name);
            } else {
                b.holiday(day.day, day.name);
            }
        }
        return b.build();
    }

    /** Copies the value's fields (not its days) onto the row. */
    public static void copyInto(BusinessCalendar value, CalendarEntity row) {
        row.key = value.key();
        row.nameZh = value.nameZh();
        row.nameEn = value.nameEn();
        row.zone = value.zone().getId();
        row.weekJson = weekJson(value);
        row.makeUpWeekday = value.makeUpWeekday().name();
        row.twentyFourSeven = value.twentyFourSeven();
    }

    public static List<CalendarDayEntity> dayRows(BusinessCalendar value) {
        List<CalendarDayEntity> rows = new ArrayList<>();
        value.holidays().forEach((date, name) -> rows.add(day(value.key(), date, CalendarDayEntity.HOLIDAY, name)));
        value.makeUpDays().forEach((date, name) -> rows.add(day(value.key(), date, CalendarDayEntity.MAKE_UP, name)));
        return rows;
    }

    /** Persists the day rows (none is fine: Panache refuses an empty list). */
    public static io.smallrye.mutiny.Uni<Void> persistDays(BusinessCalendar value) {
        List<CalendarDayEntity> rows = dayRows(value);
        return rows.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().voidItem() : CalendarDayEntity.persist(rows);
    }

    static String weekJson(BusinessCalendar value) {
        Map<String, List<String>> week = new LinkedHashMap<>();
        value.week().forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                week.put(day.name(), ranges.stream().map(CalendarRange::toString).toList());
            }
        });
        return Json.write(week);
    }

    private static CalendarDayEntity day(String key, java.time.LocalDate date, String kind, String name) {
        CalendarDayEntity row = new CalendarDayEntity();
        row.calendarKey = key;
        row.day = date;
        row.kind = kind;
        row.name = name == null ? "" : name;
        return row;
    }
}
