package io.flowdesk.sla.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import io.flowdesk.sla.BusinessCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * China's official schedule (State Council notices, from holiday-cn, MIT), shipped in
 * {@code calendars/china/<year>.json}: {@code isOffDay: true} is a holiday, {@code false} a make-up working day.
 */
public final class CalendarChinaSchedule {

    public static final List<Integer> YEARS = List.of(2024, 2025, 2026);

    /** One listed day. */
    public record Day(LocalDate date, String name, boolean offDay) {
    }

    private static final List<Day> DAYS = load();

    private CalendarChinaSchedule() {
    }

    public static List<Day> days() {
        return DAYS;
    }

    /** The calendar with every listed day merged in (a listed date replaces what the calendar had that day). */
    public static BusinessCalendar mergeInto(BusinessCalendar calendar) {
        BusinessCalendar.Builder builder = calendar.toBuilder();
        for (Day day : DAYS) {
            if (day.offDay()) {
                builder.holiday(day.date(), day.name());
            } else {
                builder.makeUpDay(day.date(), day.name());
            }
        }
        return builder.build();
    }

    private static List<Day> load() {
        List<Day> days = new ArrayList<>();
        for (int year : YEARS) {
            String path = "calendars/china/" + year + ".json";
            try (InputStream in = CalendarChinaSchedule.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                for (JsonNode day : Json.MAPPER.readTree(in).path("days")) {
                    days.add(new Day(LocalDate.parse(day.path("date").asText()), day.path("name").asText(),
                            day.path("isOffDay").asBoolean()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(days);
    }
}
