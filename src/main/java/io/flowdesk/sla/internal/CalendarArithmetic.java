package io.flowdesk.sla.internal;

import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.CalendarRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calendar arithmetic in epoch seconds, walking local day by local day over the ranges, and skipping whole weeks
 * where no holiday, make-up day or zone transition lies ahead (there a week has exactly the pattern's minutes).
 */
public final class CalendarArithmetic {

    private final BusinessCalendar calendar;
    private final ZoneId zone;
    private final ZoneRules rules;
    /** Working seconds of one plain week (no special days, no zone transition). */
    private final long weekSeconds;
    private final LocalDate lastSpecial;

    public CalendarArithmetic(BusinessCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
        this.rules = zone.getRules();
        long minutes = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            minutes += calendar.week().get(day).stream().mapToLong(CalendarRange::minutes).sum();
        }
        this.weekSeconds = minutes * 60;
        LocalDate last = calendar.holidays().isEmpty() ? null : calendar.holidays().lastKey();
        if (!calendar.makeUpDays().isEmpty()
                && (last == null || calendar.makeUpDays().lastKey().isAfter(last))) {
            last = calendar.makeUpDays().lastKey();
        }
        this.lastSpecial = last;
    }

    public Instant plus(Instant start, long minutes) {
        long s = ceilMinute(start);
        if (calendar.twentyFourSeven()) {
            return Instant.ofEpochSecond(Math.addExact(s, Math.multiplyExact(minutes, 60)));
        }
        long remaining = Math.multiplyExact(minutes, 60);
        LocalDate day = localDate(s);
        while (true) {
            requireWorkingTimeAhead(day);
            if (remaining > 0 && s <= dayStart(day) && weekSeconds > 0) {
                long weeks = skippableWeeks(day, (remaining - 1) / weekSeconds);
                if (weeks > 0) {
                    remaining -= weeks * weekSeconds;
                    day = day.plusWeeks(weeks);
                    s = dayStart(day);
                }
            }
            for (long[] range : intervals(day)) {
                if (range[1] <= s) {
                    continue;
                }
                long from = Math.max(range[0], s);
                if (remaining <= range[1] - from) {
                    return Instant.ofEpochSecond(from + remaining);
                }
                remaining -= range[1] - from;
                s = range[1];
            }
            day = day.plusDays(1);
        }
    }

    public long between(Instant fromInstant, Instant toInstant) {
        long from = ceilMinute(fromInstant);
        long to = Math.floorDiv(toInstant.getEpochSecond(), 60) * 60;
        if (to <= from) {
            return 0;
        }
        if (calendar.twentyFourSeven()) {
            return (to - from) / 60;
        }
        long total = 0;
        LocalDate day = localDate(from);
        LocalDate lastDay = localDate(to);
        while (!day.isAfter(lastDay)) {
            if (from <= dayStart(day) && weekSeconds > 0) {
                long weeks = skippableWeeks(day, ChronoUnit.DAYS.between(day, lastDay) / 7);
                total += weeks * weekSeconds;
                day = day.plusWeeks(weeks);
            }
            for (long[] range : intervals(day)) {
                long a = Math.max(range[0], from);
                long b = Math.min(range[1], to);
                if (b > a) {
                    total += b - a;
                }
            }
            day = day.plusDays(1);
        }
        return total / 60;
    }

    public boolean isWorking(Instant at) {
        if (calendar.twentyFourSeven()) {
            return true;
        }
        long t = at.getEpochSecond();
        for (long[] range : intervals(localDate(t))) {
            if (range[0] <= t && t < range[1]) {
                return true;
            }
        }
        return false;
    }

    public Optional<Instant> nextNonWorking(Instant at) {
        if (calendar.twentyFourSeven()) {
            return Optional.empty();
        }
        if (!isWorking(at)) {
            return Optional.of(at);
        }
        long end = at.getEpochSecond();
        LocalDate day = localDate(end);
        LocalDate horizon = horizon(day);
        while (!day.isAfter(horizon)) {
            for (long[] range : intervals(day)) {
                if (range[0] <= end && end < range[1]) {
                    end = range[1];
                }
            }
            if (end < dayStart(day.plusDays(1))) {
                return Optional.of(Instant.ofEpochSecond(end));
            }
            day = day.plusDays(1);
        }
        return Optional.empty();
    }

    /** The day's working ranges as {@code [start, end)} epoch seconds; ranges that a DST change empties are left out. */
    List<long[]> intervals(LocalDate day) {
        List<CalendarRange> ranges = calendar.rangesOn(day);
        List<long[]> out = new ArrayList<>(ranges.size());
        for (CalendarRange range : ranges) {
            long a = boundary(day, range.startMinute());
            long b = boundary(day, range.endMinute());
            if (b > a) {
                out.add(new long[] {a, b});
            }
        }
        return out;
    }

    /**
     * How many whole weeks from the start of {@code day} (at most {@code max}) hold no holiday, make-up day or zone
     * transition, so each has exactly {@link #weekSeconds}.
     */
    private long skippableWeeks(LocalDate day, long max) {
        if (max <= 0) {
            return 0;
        }
        LocalDate limit = day.plusWeeks(max);
        LocalDate special = firstSpecialFrom(day);
        if (special != null && special.isBefore(limit)) {
            limit = special;
        }
        ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(dayStart(day) - 1));
        if (transition != null) {
            LocalDate changeDay = LocalDateTime.ofEpochSecond(transition.toEpochSecond(), 0,
                    transition.getOffsetBefore()).toLocalDate();
            if (changeDay.isBefore(limit)) {
                limit = changeDay;
            }
        }
        return Math.max(0, ChronoUnit.DAYS.between(day, limit) / 7);
    }

    private LocalDate firstSpecialFrom(LocalDate day) {
        LocalDate holiday = calendar.holidays().ceilingKey(day);
        LocalDate makeUp = calendar.makeUpDays().ceilingKey(day);
        if (holiday == null) {
            return makeUp;
        }
        return makeUp == null || holiday.isBefore(makeUp) ? holiday : makeUp;
    }

    private void requireWorkingTimeAhead(LocalDate day) {
        if (weekSeconds == 0 && (calendar.makeUpDays().isEmpty() || day.isAfter(calendar.makeUpDays().lastKey()))) {
            throw new IllegalStateException("calendar " + calendar.key() + " has no working time after " + day);
        }
    }

    private LocalDate horizon(LocalDate day) {
        LocalDate from = lastSpecial != null && lastSpecial.isAfter(day) ? lastSpecial : day;
        return from.plusDays(8);
    }

    private long boundary(LocalDate day, int minuteOfDay) {
        if (minuteOfDay == 0) {
            return dayStart(day);
        }
        if (minuteOfDay == CalendarRange.DAY) {
            return dayStart(day.plusDays(1));
        }
        return ZonedDateTime.of(day, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60), zone).toEpochSecond();
    }

    private long dayStart(LocalDate day) {
        return day.atStartOfDay(zone).toEpochSecond();
    }

    private LocalDate localDate(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    }

    private static long ceilMinute(Instant at) {
        long s = at.getEpochSecond();
        long floor = Math.floorDiv(s, 60) * 60;
        return floor == s && at.getNano() == 0 ? s : floor + 60;
    }
}
