package io.flowdesk.reports;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a report covers: days {@code from}..{@code to} inclusive (in the reporting zone) and optional equality filters
 * on the fact row's dimensions ({@code null} = any). {@link #NONE} as a department or agent selects the rows that
 * have none (an empty value in the fact row).
 */
public record ReportFilter(LocalDate from, LocalDate to, String template, String department, String channel,
        String priority, String agent) {

    public static final int MAX_DAYS = 366;
    /** The filter value for "no department" / "no agent" (the fact row holds an empty string). */
    public static final String NONE = "-";
    static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4");

    /** Without an agent filter (the first slice's shape). */
    public ReportFilter(LocalDate from, LocalDate to, String template, String department, String channel,
            String priority) {
        this(from, to, template, department, channel, priority, null);
    }

    /** The same filter over other days. */
    public ReportFilter between(LocalDate start, LocalDate end) {
        return new ReportFilter(start, end, template, department, channel, priority, agent);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length just before this one (for trends). */
    public ReportFilter previous() {
        long days = days();
        return between(from.minusDays(days), from.minusDays(1));
    }

    /**
     * From query parameters: {@code from}/{@code to} as {@code yyyy-MM-dd} (default: the 7 days up to
     * {@code today}); a bad parameter is a 422 naming it by its label in the reader's language.
     */
    public static ReportFilter parse(String from, String to, String template, String department, String channel,
            String priority, LocalDate today) {
        return parse(from, to, template, department, channel, priority, null, today);
    }

    /** As above, with an agent (user name) filter. */
    public static ReportFilter parse(String from, String to, String template, String department, String channel,
            String priority, String agent, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, errors);
        LocalDate start = date("from", from, errors);
        if (errors.isEmpty()) {
            end = end == null ? (start == null ? today : start.plusDays(6)) : end;
            start = start == null ? end.minusDays(6) : start;
            if (start.isAfter(end)) {
                errors.add(error("from", "reports.error.fromAfterTo", "order"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                errors.add(error("to", "reports.error.tooLong", "max-days"));
            }
        }
        String p = blank(priority);
        if (p != null && !PRIORITIES.contains(p)) {
            errors.add(error("priority", "reports.error.priority", "enum"));
        }
        String tpl = blank(template);
        String dep = blank(department);
        String ch = blank(channel);
        String ag = blank(agent);
        for (String[] check : new String[][] {{"template", tpl}, {"department", dep}, {"channel", ch},
            {"agent", ag}}) {
            if (check[1] != null && (check[1].length() > 100 || !check[1].matches("[\\p{L}\\p{N}._:-]+"))) {
                errors.add(error(check[0], "reports.error.dimension", "pattern"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.get(0).text(), errors);
        }
        return new ReportFilter(start, end, tpl, dep, ch, p, ag);
    }

    private static LocalDate date(String name, String value, List<FieldError> errors) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(error(name, "reports.error.date", "date"));
            return null;
        }
    }

    private static FieldError error(String param, String key, String rule) {
        return FieldError.of(param, Text.of(key, Text.of("reports.param." + param)), rule);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
