package io.flowdesk.sla.internal;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.CalendarInput;
import io.flowdesk.sla.CalendarRange;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a {@link CalendarInput}; every problem names its field (weekdays by name) in the reader's language. */
public final class CalendarValidation {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}:\\d{2})\\s*");

    private CalendarValidation() {
    }

    public static BusinessCalendar toCalendar(String key, CalendarInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(FieldError.of("/key", Text.of("calendar.error.key"), "pattern"));
        }
        ZoneId zone = zone(in.zone(), errors);
        BusinessCalendar.Builder b = BusinessCalendar.builder(key, zone == null ? ZoneId.of("UTC") : zone)
                .names(name(in.nameZh(), key), name(in.nameEn(), key))
                .twentyFourSeven(Boolean.TRUE.equals(in.twentyFourSeven()));
        week(in.week(), b, errors);
        b.makeUpWeekday(weekday(in.makeUpWeekday(), "/makeUpWeekday", errors));
        Set<LocalDate> holidays = days(in.holidays(), "/holidays", errors, b, true);
        Set<LocalDate> makeUps = days(in.makeUpDays(), "/makeUpDays", errors, b, false);
        for (LocalDate date : holidays) {
            if (makeUps.contains(date)) {
                errors.add(FieldError.of("/makeUpDays", Text.of("calendar.error.bothKinds", date.toString()),
                        "unique"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.get(0).text(), errors);
        }
        BusinessCalendar calendar = b.build();
        boolean anyRange = calendar.week().values().stream().anyMatch(r -> !r.isEmpty());
        if (!calendar.twentyFourSeven() && !anyRange) {
            throw InvalidInput.of("/week", Text.of("calendar.error.noWorkingTime"), "required");
        }
        return calendar;
    }

    /** The weekday's catalogue name, e.g. {@code calendar.weekday.MONDAY} (星期一 / Monday). */
    public static Text weekdayName(DayOfWeek day) {
        return Text.of("calendar.weekday." + day.name());
    }

    private static String name(String given, String key) {
        return given == null || given.isBlank() ? key : given.trim();
    }

    private static ZoneId zone(String id, List<FieldError> errors) {
        try {
            return ZoneId.of(id == null ? "" : id.trim());
        } catch (DateTimeException e) {
            errors.add(FieldError.of("/zone", Text.of("calendar.error.zone", id == null ? "" : id), "zone"));
            return null;
        }
    }

    private static DayOfWeek weekday(String name, String pointer, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            return DayOfWeek.MONDAY;
        }
        try {
            return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(pointer, Text.of("calendar.error.weekday", name), "enum"));
            return DayOfWeek.MONDAY;
        }
    }

    private static void week(Map<String, List<String>> week, BusinessCalendar.Builder b, List<FieldError> errors) {
        if (week == null) {
            return;
        }
        week.forEach((name, texts) -> {
            int before = errors.size();
            DayOfWeek day = weekday(name, "/week/" + name, errors);
            if (errors.size() > before) {
                return;
            }
            List<CalendarRange> ranges = ranges(day, texts == null ? List.of() : texts, errors);
            b.ranges(day, ranges);
        });
    }

    private static List<CalendarRange> ranges(DayOfWeek day, List<String> texts, List<FieldError> errors) {
        String pointer = "/week/" + day.name();
        List<CalendarRange> ranges = new ArrayList<>();
        for (String text : texts) {
            var m = RANGE.matcher(text == null ? "" : text);
            int start;
            int end;
            try {
                if (!m.matches()) {
                    throw new IllegalArgumentException();
                }
                start = CalendarRange.minuteOf(m.group(1));
                end = CalendarRange.minuteOf(m.group(2));
            } catch (RuntimeException e) {
                errors.add(FieldError.of(pointer, Text.of("calendar.error.range", weekdayName(day), text), "format"));
                continue;
            }
            if (start >= end || start == CalendarRange.DAY) {
                errors.add(FieldError.of(pointer, Text.of("calendar.error.inverted", weekdayName(day), text.trim()),
                        "order"));
                continue;
            }
            ranges.add(new CalendarRange(start, end));
        }
        List<CalendarRange> sorted = ranges.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                errors.add(FieldError.of(pointer, Text.of("calendar.error.overlap", weekdayName(day),
                        sorted.get(i - 1).toString(), sorted.get(i).toString()), "overlap"));
                return List.of();
            }
        }
        return sorted;
    }

    private static Set<LocalDate> days(List<CalendarInput.Day> days, String pointer, List<FieldError> errors,
            BusinessCalendar.Builder b, boolean holiday) {
        Set<LocalDate> seen = new HashSet<>();
        if (days == null) {
            return seen;
        }
        for (int i = 0; i < days.size(); i++) {
            CalendarInput.Day day = days.get(i);
            String text = day == null || day.date() == null ? "" : day.date().trim();
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeException e) {
                errors.add(FieldError.of(pointer + "/" + i + "/date", Text.of("calendar.error.date", text), "format"));
                continue;
            }
            String name = day.name() == null ? "" : day.name().trim();
            if (name.length() > 200) {
                name = name.substring(0, 200);
            }
            seen.add(date);
            if (holiday) {
                b.holiday(date, name);
            } else {
                b.makeUpDay(date, name);
            }
        }
        return seen;
    }
}
