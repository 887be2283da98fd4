package io.flowdesk.reports.hours;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.FactSql;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When tickets arrive: tickets created and resolved per weekday and hour of the day (reporting zone) over a period,
 * from the hourly rollup ({@code report_hourly}), with the average per occurrence of that weekday in the period, for
 * staff planning. Blocking (JDBC). Supervisors and admins.
 */
@ApplicationScoped
public class HourStats {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportService reports;

    /** One weekday (1 = Monday … 7 = Sunday) and hour (0–23): totals over the period, average per such weekday. */
    public record Cell(int weekday, int hour, long created, long resolved, double averageCreated) {
    }

    /** All 168 cells (weekday-major), the busiest one, and a sentence naming it in the reader's language. */
    public record Hours(LocalDate from, LocalDate to, List<Cell> cells, Cell peak, String peakText) {
    }

    public Hours hours(CurrentUser user, ReportFilter f, Locale locale) {
        ReportService.check(user);
        long[][] created = new long[8][24];
        long[][] resolved = new long[8][24];
        FactSql.Where w = FactSql.where(f, "");
        String zone = reports.zone().getId();
        List<Object> params = new ArrayList<>(List.of(zone, zone, FactSql.start(f, reports.zone()),
                FactSql.end(f, reports.zone())));
        params.addAll(w.params());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = FactSql.prepare(c, "select extract(isodow "
                + "from hour at time zone ?)::int, extract(hour from hour at time zone ?)::int, sum(created), "
                + "sum(resolved) from report_hourly where hour >= ? and hour < ?" + w.sql() + " group by 1, 2",
                params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                created[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
                resolved[rs.getInt(1)][rs.getInt(2)] = rs.getLong(4);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        int[] occurrences = new int[8];
        for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1)) {
            occurrences[d.getDayOfWeek().getValue()]++;
        }
        List<Cell> cells = new ArrayList<>(168);
        Cell peak = null;
        for (int day = 1; day <= 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                double average = occurrences[day] == 0 ? 0
                        : Math.round(created[day][hour] * 100.0 / occurrences[day]) / 100.0;
                Cell cell = new Cell(day, hour, created[day][hour], resolved[day][hour], average);
                cells.add(cell);
                if (cell.created() > 0 && (peak == null || cell.averageCreated() > peak.averageCreated())) {
                    peak = cell;
                }
            }
        }
        return new Hours(f.from(), f.to(), cells, peak, peakText(peak, locale));
    }

    /** "Most tickets arrive on Monday, 10:00–11:00: 4.5 on average." */
    static String peakText(Cell peak, Locale locale) {
        if (peak == null) {
            return Text.of("reports.hours.peak.none").in(locale);
        }
        return Text.of("reports.hours.peak", weekday(peak.weekday(), locale),
                String.format("%02d:00", peak.hour()), String.format("%02d:00", (peak.hour() + 1) % 24),
                String.format(locale, "%.1f", peak.averageCreated())).in(locale);
    }

    public static String weekday(int isoDay, Locale locale) {
        return DayOfWeek.of(isoDay).getDisplayName(TextStyle.FULL, locale);
    }
}
