package io.flowdesk.sla.internal;

import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.BusinessCalendar;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small RFC 5545 reader for holiday calendars: all-day {@code VEVENT}s ({@code DTSTART;VALUE=DATE}, {@code DTEND}
 * exclusive, one day without {@code DTEND}) become holidays, or make-up working days when {@code SUMMARY} or
 * {@code CATEGORIES} says so ("补班", "上班", "working day", "workday"). Timed events are counted and skipped. A
 * bad file is rejected with the line it went wrong on.
 */
public final class CalendarIcs {

    static final int MAX_CHARS = 2_000_000;
    static final int MAX_DAYS = 366;
    private static final List<String> WORKING = List.of("补班", "上班", "working day", "workday", "work day",
            "make-up");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /** One all-day event: {@code [from, until)} local dates. */
    public record Event(LocalDate from, LocalDate until, String name, boolean working) {
    }

    /** The file's all-day events, in file order, and how many timed events were skipped. */
    public record Parsed(List<Event> list, int skipped) {
        public int events() {
            return list.size();
        }

        /** Later events win over earlier ones on the same date; a date becomes a holiday or a make-up day. */
        public BusinessCalendar mergeInto(BusinessCalendar calendar) {
            BusinessCalendar.Builder b = calendar.toBuilder();
            for (Event e : list) {
                for (LocalDate d = e.from(); d.isBefore(e.until()); d = d.plusDays(1)) {
                    if (e.working()) {
                        b.makeUpDay(d, e.name());
                    } else {
                        b.holiday(d, e.name());
                    }
                }
            }
            return b.build();
        }
    }

    private record Line(int number, String name, String params, String value) {
    }

    private CalendarIcs() {
    }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw error(1, Text.of("calendar.ics.error.empty"));
        }
        if (text.length() > MAX_CHARS) {
            throw error(1, Text.of("calendar.ics.error.tooLarge", MAX_CHARS / 1_000_000));
        }
        List<Line> lines = unfold(text);
        if (lines.isEmpty() || !is(lines.get(0), "BEGIN", "VCALENDAR")) {
            throw error(lines.isEmpty() ? 1 : lines.get(0).number(), Text.of("calendar.ics.error.notCalendar"));
        }
        List<Event> events = new ArrayList<>();
        int skipped = 0;
        boolean ended = false;
        for (int i = 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (is(line, "END", "VCALENDAR")) {
                ended = true;
                break;
            }
            if (is(line, "BEGIN", "VEVENT")) {
                int end = endOf(lines, i);
                Event event = event(lines.subList(i, end + 1));
                if (event == null) {
                    skipped++;
                } else {
                    events.add(event);
                }
                i = end;
            }
        }
        if (!ended) {
            throw error(lines.get(lines.size() - 1).number(), Text.of("calendar.ics.error.unclosed", "VCALENDAR"));
        }
        return new Parsed(List.copyOf(events), skipped);
    }

    /** The index of the {@code END:VEVENT} that closes the event starting at {@code begin}. */
    private static int endOf(List<Line> lines, int begin) {
        int depth = 0;
        for (int i = begin; i < lines.size(); i++) {
            Line line = lines.get(i);
            if ("BEGIN".equals(line.name())) {
                depth++;
            } else if ("END".equals(line.name())) {
                depth--;
                if (depth == 0) {
                    if (!"VEVENT".equalsIgnoreCase(line.value().trim())) {
                        throw error(line.number(), Text.of("calendar.ics.error.unclosed", "VEVENT"));
                    }
                    return i;
                }
            }
        }
        throw error(lines.get(begin).number(), Text.of("calendar.ics.error.unclosed", "VEVENT"));
    }

    /** An all-day event, or null for a timed one. */
    private static Event event(List<Line> lines) {
        Line start = null;
        Line end = null;
        String summary = "";
        String categories = "";
        int depth = 0;
        for (Line line : lines) {
            if ("BEGIN".equals(line.name())) {
                depth++;
            } else if ("END".equals(line.name())) {
                depth--;
            } else if (depth == 1) {
                switch (line.name()) {
                    case "DTSTART" -> start = line;
                    case "DTEND" -> end = line;
                    case "SUMMARY" -> summary = unescape(line.value());
                    case "CATEGORIES" -> categories = unescape(line.value());
                    default -> {
                    }
                }
            }
        }
        if (start == null) {
            throw error(lines.get(0).number(), Text.of("calendar.ics.error.noStart"));
        }
        if (!allDay(start)) {
            return null;
        }
        LocalDate from = date(start);
        LocalDate until = end == null ? from.plusDays(1) : date(end);
        if (!until.isAfter(from)) {
            throw error(end.number(), Text.of("calendar.ics.error.endBeforeStart"));
        }
        if (ChronoUnit.DAYS.between(from, until) > MAX_DAYS) {
            throw error(end.number(), Text.of("calendar.ics.error.tooLong", MAX_DAYS));
        }
        String marks = (summary + " " + categories).toLowerCase(Locale.ROOT);
        boolean working = WORKING.stream().anyMatch(marks::contains);
        return new Event(from, until, summary.trim(), working);
    }

    private static boolean allDay(Line line) {
        return line.params().toUpperCase(Locale.ROOT).contains("VALUE=DATE") && !line.params().toUpperCase(Locale.ROOT)
                .contains("VALUE=DATE-TIME") || line.value().trim().matches("\\d{8}");
    }

    private static LocalDate date(Line line) {
        String value = line.value().trim();
        try {
            if (!value.matches("\\d{8}")) {
                throw new DateTimeParseException("not a date", value, 0);
            }
            return LocalDate.parse(value, BASIC);
        } catch (DateTimeParseException e) {
            throw error(line.number(), Text.of("calendar.ics.error.date", line.name(), value));
        }
    }

    private static List<Line> unfold(String text) {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Line> lines = new ArrayList<>();
        StringBuilder current = null;
        int currentNumber = 0;
        for (int i = 0; i < raw.length; i++) {
            String r = i == 0 && raw[i].startsWith("\uFEFF") ? raw[i].substring(1) : raw[i];
            if (!r.isEmpty() && (r.charAt(0) == ' ' || r.charAt(0) == '\t') && current != null) {
                current.append(r, 1, r.length());
                continue;
            }
            if (current != null) {
                lines.add(line(currentNumber, current.toString()));
            }
            current = r.isBlank() ? null : new StringBuilder(r);
            currentNumber = i + 1;
        }
        if (current != null) {
            lines.add(line(currentNumber, current.toString()));
        }
        return lines;
    }

    private static Line line(int number, String content) {
        int colon = colon(content);
        if (colon <= 0) {
            throw error(number, Text.of("calendar.ics.error.syntax"));
        }
        String head = content.substring(0, colon);
        int semi = head.indexOf(';');
        String name = (semi < 0 ? head : head.substring(0, semi)).trim().toUpperCase(Locale.ROOT);
        String params = semi < 0 ? "" : head.substring(semi + 1);
        if (!name.matches("[A-Z0-9-]+")) {
            throw error(number, Text.of("calendar.ics.error.syntax"));
        }
        return new Line(number, name, params, content.substring(colon + 1));
    }

    /** The first colon outside a quoted parameter value. */
    private static int colon(String content) {
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean is(Line line, String name, String value) {
        return name.equals(line.name()) && value.equalsIgnoreCase(line.value().trim());
    }

    private static String unescape(String value) {
        return value.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";")
                .replace("\\\\", "\\");
    }

    private static InvalidInput error(int line, Text what) {
        Text text = Text.of("calendar.ics.error.line", line, what);
        return InvalidInput.of("/ics", text, "ics");
    }
}
