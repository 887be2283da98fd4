package io.flowdesk.sla;

import io.flowdesk.shared.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Says in words what a due instant or an elapsed count means on a calendar (the admin view's "try it" line). */
public final class CalendarExplain {

    private CalendarExplain() {
    }

    /** The instant in the calendar's zone, e.g. {@code 周六 2026-02-14 10:00} or {@code Sat 2026-02-14 10:00}. */
    public static String local(BusinessCalendar calendar, Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", locale).format(at.atZone(calendar.zone()));
    }

    /** E.g. "Due Sat 2026-02-14 10:00 — a make-up working day (春节)", naming the holidays skipped on the way. */
    public static Text due(BusinessCalendar calendar, Instant start, Instant due, Locale locale) {
        ZonedDateTime at = due.atZone(calendar.zone());
        // a due at a range's end (18:00) belongs to that day; one at midnight to the day before
        LocalDate day = at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && due.isAfter(start)
                ? at.toLocalDate().minusDays(1) : at.toLocalDate();
        Text kind;
        if (calendar.twentyFourSeven()) {
            kind = Text.of("calendar.explain.always");
        } else if (calendar.makeUpDays().containsKey(day)) {
            kind = Text.of("calendar.explain.makeUp", calendar.makeUpDays().get(day));
        } else {
            kind = Text.of("calendar.explain.workday");
        }
        Set<String> skipped = new LinkedHashSet<>(calendar.holidays()
                .subMap(start.atZone(calendar.zone()).toLocalDate(), true, day, false).values());
        if (calendar.twentyFourSeven() || skipped.isEmpty()) {
            return Text.of("calendar.tryIt.due", local(calendar, due, locale), kind);
        }
        return Text.of("calendar.tryIt.dueSkipping", local(calendar, due, locale), kind, String.join(", ", skipped));
    }

    /** E.g. "120 working minutes (2 h 0 min)". */
    public static Text elapsed(long minutes) {
        return Text.of("calendar.tryIt.elapsed", minutes, minutes / 60, minutes % 60);
    }
}
