package io.flowdesk.reports.forecast;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ticket volume forecast (ADR 0037): tickets created per day from {@code report_daily} (test tickets never have
 * rows there), all templates or one, forecast with {@link HoltWinters} on the forecast calendar's day types, and the
 * same method's error on the last four weeks held out. Blocking (JDBC): call it on a worker thread. Supervisors and
 * admins only.
 */
@ApplicationScoped
public class ForecastService {

    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 28;
    /** Three weeks: two set the initial state, one more at least to fit on. */
    public static final int MIN_HISTORY = 21;
    public static final int HOLDOUT = 28;
    /** How much history the answer carries (for the chart); the fit uses up to {@link #MAX_HISTORY}. */
    public static final int SHOWN_HISTORY = 56;
    public static final int MAX_HISTORY = 730;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportService reports;

    @Inject
    Calendars calendars;

    @ConfigProperty(name = "flowdesk.reports.forecast.calendar", defaultValue = Calendars.DEFAULT_KEY)
    String calendarKey;

    /** The {@code days} parameter: 1..{@value #MAX_DAYS}, default {@value #DEFAULT_DAYS}; else a 422 naming it. */
    public static int days(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        Text text = Text.of("forecast.error.days", Text.of("forecast.param.days"), MAX_DAYS);
        throw new InvalidInput(text, List.of(FieldError.of("days", text, "range")));
    }

    public VolumeForecast forecast(CurrentUser user, String template, int days) {
        ReportService.check(user);
        LocalDate today = reports.today();
        String key = ReportFilter.parse(null, null, template, null, null, null, today).template();
        BusinessCalendar calendar = Ui.await(() -> calendars.get(calendarKey));
        try (Connection c = dataSource.getConnection()) {
            if (key != null && !known(c, key)) {
                throw new NotFound(Text.of("forecast.error.unknownTemplate", key));
            }
            LocalDate from = today.minusDays(MAX_HISTORY);
            long[] counts = counts(c, key, from, today);
            int first = 0;
            while (first < counts.length && counts[first] == 0) {
                first++;
            }
            long[] history = java.util.Arrays.copyOfRange(counts, first, counts.length);
            return build(key, calendar, today, from.plusDays(first), history, days);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The forecast of {@code days} days from {@code today} on, from the counts of the days {@code first}.. the day
     * before {@code today}.
     */
    static VolumeForecast build(String template, BusinessCalendar calendar, LocalDate today, LocalDate first,
            long[] counts, int days) {
        List<VolumeForecast.Actual> shown = new ArrayList<>();
        for (int i = Math.max(0, counts.length - SHOWN_HISTORY); i < counts.length; i++) {
            LocalDate d = first.plusDays(i);
            shown.add(new VolumeForecast.Actual(d, counts[i], DayType.of(calendar, d)));
        }
        if (counts.length < MIN_HISTORY) {
            return new VolumeForecast(template, HoltWinters.METHOD, calendar.key(), today, days, shown, List.of(),
                    null, null, Text.of("forecast.tooLittleHistory", counts.length, MIN_HISTORY));
        }
        double[] y = new double[counts.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = counts[i];
        }
        List<HoltWinters.Step> past = steps(calendar, first, counts.length);
        HoltWinters model = HoltWinters.fit(y, past);
        List<HoltWinters.Point> points = model.forecast(steps(calendar, today, days));
        List<VolumeForecast.Day> ahead = new ArrayList<>();
        for (int h = 0; h < days; h++) {
            LocalDate d = today.plusDays(h);
            HoltWinters.Point p = points.get(h);
            ahead.add(new VolumeForecast.Day(d, round(p.expected()), round(p.low80()), round(p.high80()),
                    round(p.low95()), round(p.high95()), DayType.of(calendar, d)));
        }
        return new VolumeForecast(template, HoltWinters.METHOD, calendar.key(), today, days, shown, ahead,
                model.params(), holdout(y, past), null);
    }

    /** Fit on all but the last {@link #HOLDOUT} days, forecast those, compare; null if that leaves too little. */
    static VolumeForecast.Holdout holdout(double[] y, List<HoltWinters.Step> steps) {
        int cut = y.length - HOLDOUT;
        if (cut < MIN_HISTORY) {
            return null;
        }
        HoltWinters model = HoltWinters.fit(java.util.Arrays.copyOf(y, cut), steps.subList(0, cut));
        List<HoltWinters.Point> points = model.forecast(steps.subList(cut, y.length));
        double absolute = 0;
        double percent = 0;
        int nonZero = 0;
        for (int i = 0; i < HOLDOUT; i++) {
            double error = Math.abs(y[cut + i] - points.get(i).expected());
            absolute += error;
            if (y[cut + i] > 0) {
                percent += error / y[cut + i];
                nonZero++;
            }
        }
        return new VolumeForecast.Holdout(nonZero == 0 ? null : round(100 * percent / nonZero), round(absolute
                / HOLDOUT), HOLDOUT);
    }

    static List<HoltWinters.Step> steps(BusinessCalendar calendar, LocalDate first, int n) {
        List<HoltWinters.Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate d = first.plusDays(i);
            DayType type = DayType.of(calendar, d);
            steps.add(new HoltWinters.Step(DayType.season(calendar, d, type), type));
        }
        return steps;
    }

    /** Tickets created per day {@code from} .. the day before {@code until}, zeros included. */
    private static long[] counts(Connection c, String template, LocalDate from, LocalDate until) throws SQLException {
        long[] counts = new long[(int) ChronoUnit.DAYS.between(from, until)];
        try (PreparedStatement ps = c.prepareStatement("select day, sum(created) from report_daily where day >= ? "
                + "and day < ?" + (template == null ? "" : " and template_key = ?") + " group by day")) {
            ps.setObject(1, from);
            ps.setObject(2, until);
            if (template != null) {
                ps.setString(3, template);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts[(int) ChronoUnit.DAYS.between(from, rs.getObject(1, LocalDate.class))] = rs.getLong(2);
                }
            }
        }
        return counts;
    }

    /** A template is known when it has a version or reported tickets. */
    private static boolean known(Connection c, String template) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from template_version where "
                + "template_key = ?) or exists (select 1 from report_ticket_fact where template_key = ?)")) {
            ps.setString(1, template);
            ps.setString(2, template);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
