package io.flowdesk.sla;

import io.flowdesk.sla.internal.CalendarArithmetic;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A business calendar: a time zone, working ranges per weekday, holidays and make-up working days (调休). Immutable.
 *
 * <p>Which ranges a local date has: every minute if {@link #twentyFourSeven()}; else a make-up day has the ranges of
 * {@link #makeUpWeekday()} (Monday unless set); else a holiday has none; else the date's weekday ranges. A date is
 * never both a holiday and a make-up day.
 *
 * <p>Working time is real elapsed time: range boundaries are local times turned into instants per local day with
 * {@link java.time.ZonedDateTime} (a boundary in a DST gap moves later by the gap, one in an overlap takes the earlier
 * offset), so a range 00:00-03:00 on the autumn change counts four hours.
 *
 * <p>Whole minutes only: a partial minute never counts. {@link #plusWorkingMinutes} starts at {@code start} rounded
 * up to the next whole minute; {@link #workingMinutesBetween} rounds {@code from} up and {@code to} down. So
 * {@code workingMinutesBetween(s, plusWorkingMinutes(s, n)) == n}. {@link #isWorking} and
 * {@link #nextNonWorkingInstant} look at the exact instant.
 */
public final class BusinessCalendar {

    /** Every minute is working time, in UTC. */
    public static final BusinessCalendar ALWAYS = builder("24x7", ZoneOffset.UTC).names("全天候 (7×24)", "24×7")
            .twentyFourSeven(true).build();

    private final String key;
    private final String nameZh;
    private final String nameEn;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<CalendarRange>> week;
    private final NavigableMap<LocalDate, String> holidays;
    private final NavigableMap<LocalDate, String> makeUpDays;
    private final DayOfWeek makeUpWeekday;
    private final boolean twentyFourSeven;
    private final CalendarArithmetic arithmetic;

    private BusinessCalendar(Builder b) {
        this.key = Objects.requireNonNull(b.key, "key");
        this.nameZh = b.nameZh == null ? b.key : b.nameZh;
        this.nameEn = b.nameEn == null ? b.key : b.nameEn;
        this.zone = Objects.requireNonNull(b.zone, "zone");
        EnumMap<DayOfWeek, List<CalendarRange>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<CalendarRange> ranges = b.week.getOrDefault(day, List.of()).stream().sorted().toList();
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i - 1).overlaps(ranges.get(i))) {
                    throw new IllegalArgumentException("overlapping ranges on " + day);
                }
            }
            days.put(day, ranges);
        }
        this.week = Collections.unmodifiableMap(days);
        this.holidays = Collections.unmodifiableNavigableMap(new TreeMap<>(b.holidays));
        this.makeUpDays = Collections.unmodifiableNavigableMap(new TreeMap<>(b.makeUpDays));
        for (LocalDate date : makeUpDays.keySet()) {
            if (holidays.containsKey(date)) {
                throw new IllegalArgumentException(date + " is both a holiday and a make-up day");
            }
        }
        this.makeUpWeekday = b.makeUpWeekday == null ? DayOfWeek.MONDAY : b.makeUpWeekday;
        this.twentyFourSeven = b.twentyFourSeven;
        this.arithmetic = new CalendarArithmetic(this);
    }

    public static Builder builder(String key, ZoneId zone) {
        return new Builder(key, zone);
    }

    /** A builder holding this calendar's data, to change some of it. */
    public Builder toBuilder() {
        Builder b = new Builder(key, zone).names(nameZh, nameEn).makeUpWeekday(makeUpWeekday)
                .twentyFourSeven(twentyFourSeven);
        week.forEach(b::ranges);
        holidays.forEach(b::holiday);
        makeUpDays.forEach(b::makeUpDay);
        return b;
    }

    /**
     * The instant after {@code minutes} working minutes from {@code start} (rounded up to a whole minute). With 0
     * minutes this is the next working instant ({@code start} itself if it is working). A due that ends exactly at
     * the end of a range is that end (Friday 17:00 + 60 is Friday 18:00, not Monday 09:00).
     *
     * @throws IllegalArgumentException if minutes is negative
     * @throws IllegalStateException if the calendar has no working time after {@code start}
     */
    public Instant plusWorkingMinutes(Instant start, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("negative minutes");
        }
        return arithmetic.plus(start, minutes);
    }

    /** Whole working minutes in {@code [from, to)}, {@code from} rounded up and {@code to} down; 0 if to <= from. */
    public long workingMinutesBetween(Instant from, Instant to) {
        return to.isAfter(from) ? arithmetic.between(from, to) : 0;
    }

    /** Whether the instant lies inside a working range. */
    public boolean isWorking(Instant at) {
        return arithmetic.isWorking(at);
    }

    /** The first whole minute at or after {@code at} that starts a working minute ({@code plusWorkingMinutes(at, 0)}). */
    public Instant nextWorkingInstant(Instant at) {
        return arithmetic.plus(at, 0);
    }

    /**
     * {@code at} itself if it is not working; otherwise the end of the working stretch it is in (adjacent ranges,
     * also across midnight, join). Empty if working time never ends (24×7, or seven full days and nothing special
     * ahead).
     */
    public Optional<Instant> nextNonWorkingInstant(Instant at) {
        return arithmetic.nextNonWorking(at);
    }

    /** The working ranges of one local date, after holidays and make-up days. */
    public List<CalendarRange> rangesOn(LocalDate date) {
        if (twentyFourSeven) {
            return List.of(new CalendarRange(0, CalendarRange.DAY));
        }
        if (makeUpDays.containsKey(date)) {
            return week.get(makeUpWeekday);
        }
        if (holidays.containsKey(date)) {
            return List.of();
        }
        return week.get(date.getDayOfWeek());
    }

    public String key() {
        return key;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Ranges per weekday, sorted, every weekday present (an empty list is a day off). */
    public Map<DayOfWeek, List<CalendarRange>> week() {
        return week;
    }

    public NavigableMap<LocalDate, String> holidays() {
        return holidays;
    }

    public NavigableMap<LocalDate, String> makeUpDays() {
        return makeUpDays;
    }

    public DayOfWeek makeUpWeekday() {
        return makeUpWeekday;
    }

    public boolean twentyFourSeven() {
        return twentyFourSeven;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar c && key.equals(c.key) && nameZh.equals(c.nameZh)
                && nameEn.equals(c.nameEn) && zone.equals(c.zone) && week.equals(c.week)
                && holidays.equals(c.holidays) && makeUpDays.equals(c.makeUpDays)
                && makeUpWeekday == c.makeUpWeekday && twentyFourSeven == c.twentyFourSeven;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, zone, week, holidays, makeUpDays, makeUpWeekday, twentyFourSeven);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + key + ", " + zone + (twentyFourSeven ? ", 24x7" : ", " + week) + "]";
    }

    /** Collects a calendar's data; {@link #build()} checks it. */
    public static final class Builder {
        private String key;
        private String nameZh;
        private String nameEn;
        private ZoneId zone;
        private final Map<DayOfWeek, List<CalendarRange>> week = new EnumMap<>(DayOfWeek.class);
        private final Map<LocalDate, String> holidays = new TreeMap<>();
        private final Map<LocalDate, String> makeUpDays = new TreeMap<>();
        private DayOfWeek makeUpWeekday = DayOfWeek.MONDAY;
        private boolean twentyFourSeven;

        private Builder(String key, ZoneId zone) {
            this.key = key;
            this.zone = zone;
        }

        public Builder key(String value) {
            this.key = value;
            return this;
        }

        public Builder names(String zh, String en) {
            this.nameZh = zh;
            this.nameEn = en;
            return this;
        }

        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        public Builder ranges(DayOfWeek day, List<CalendarRange> ranges) {
            week.put(day, List.copyOf(ranges));
            return this;
        }

        /** E.g. {@code ranges("09:00-12:00", "13:30-18:00", MONDAY, TUESDAY)}. */
        public Builder ranges(List<String> ranges, DayOfWeek... days) {
            List<CalendarRange> parsed = ranges.stream().map(CalendarRange::parse).toList();
            for (DayOfWeek day : days) {
                ranges(day, parsed);
            }
            return this;
        }

        /** Monday to Friday with the given ranges, weekends off. */
        public Builder weekdays(String... ranges) {
            return ranges(List.of(ranges), DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        }

        /** A holiday; replaces a make-up day on the same date. */
        public Builder holiday(LocalDate date, String name) {
            makeUpDays.remove(date);
            holidays.put(date, name == null ? "" : name);
            return this;
        }

        /** A make-up working day; replaces a holiday on the same date. */
        public Builder makeUpDay(LocalDate date, String name) {
            holidays.remove(date);
            makeUpDays.put(date, name == null ? "" : name);
            return this;
        }

        public Builder clearDays() {
            holidays.clear();
            makeUpDays.clear();
            return this;
        }

        public Builder makeUpWeekday(DayOfWeek value) {
            this.makeUpWeekday = value;
            return this;
        }

        public Builder twentyFourSeven(boolean value) {
            this.twentyFourSeven = value;
            return this;
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(this);
        }
    }
}
