package io.flowdesk.sla;

import java.time.LocalTime;

/**
 * One working range of a day in the calendar's local time, {@code [start, end)} as minutes of the day. The end may be
 * {@code 1440} ("24:00", the next midnight); a range never crosses midnight (split it in two instead).
 */
public record CalendarRange(int startMinute, int endMinute) implements Comparable<CalendarRange> {

    public static final int DAY = 24 * 60;

    public CalendarRange {
        if (startMinute < 0 || endMinute > DAY || startMinute >= endMinute) {
            throw new IllegalArgumentException("bad range " + startMinute + ".." + endMinute);
        }
    }

    /** {@code "09:00-12:00"} (or with an en dash); {@code 24:00} is allowed as the end. */
    public static CalendarRange parse(String text) {
        String[] parts = text.trim().split("\\s*[-\u2013]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("bad range " + text);
        }
        return new CalendarRange(minuteOf(parts[0]), minuteOf(parts[1]));
    }

    public static CalendarRange of(LocalTime start, LocalTime end) {
        int endMinute = end.equals(LocalTime.MIDNIGHT) ? DAY : end.getHour() * 60 + end.getMinute();
        return new CalendarRange(start.getHour() * 60 + start.getMinute(), endMinute);
    }

    /** {@code "HH:mm"}, with {@code "24:00"} for the end of the day. */
    public static int minuteOf(String hhmm) {
        String t = hhmm.trim();
        if ("24:00".equals(t)) {
            return DAY;
        }
        LocalTime time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException("seconds in " + hhmm);
        }
        return time.getHour() * 60 + time.getMinute();
    }

    public int minutes() {
        return endMinute - startMinute;
    }

    public boolean overlaps(CalendarRange other) {
        return startMinute < other.endMinute && other.startMinute < endMinute;
    }

    public String start() {
        return format(startMinute);
    }

    public String end() {
        return format(endMinute);
    }

    @Override
    public String toString() {
        return start() + "-" + end();
    }

    @Override
    public int compareTo(CalendarRange o) {
        return startMinute != o.startMinute ? Integer.compare(startMinute, o.startMinute)
                : Integer.compare(endMinute, o.endMinute);
    }

    private static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
