package io.flowdesk.reports;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.reports.internal.ReportsConsumer;
import io.flowdesk.reports.internal.SqlTasks;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Service metrics as docs/metrics.md defines them, read only from the rollups ({@code report_ticket_fact},
 * {@code report_daily}) and {@code sla_outcome}, never the ticket tables. Blocking (JDBC): call it on a worker thread.
 * Supervisors and admins only.
 */
@ApplicationScoped
public class ReportService {

    /** The export's columns, in order (CSV header and XLSX first row). */
    public static final List<String> COLUMNS = List.of("number", "template", "department", "channel", "priority",
            "agent", "calendar", "created_at", "first_reply_at", "first_reply_minutes", "first_reply_working",
            "first_resolved_at", "resolution_minutes", "resolution_working", "resolved_at",
            "full_resolution_minutes", "full_resolution_working", "reopened", "staff_replies", "customer_replies",
            "fcr", "csat");

    public static final List<String> BUCKETS = List.of("lt1d", "1to3d", "3to7d", "7to30d", "gt30d");
    public static final List<String> DIMENSIONS = List.of("agent", "department", "channel", "template",
            "category");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportsConsumer consumer;

    public ZoneId zone() {
        return consumer.zone();
    }

    public static void check(CurrentUser user) {
        if (!user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            throw new Forbidden(Text.of("reports.error.forbidden"));
        }
    }

    /** Today in the reporting zone (by the FlowDesk clock). */
    public LocalDate today() {
        return FlowClock.instant().atZone(zone()).toLocalDate();
    }

    /** The summary; its five parts read side by side ({@link SqlTasks}). */
    public Summary summary(CurrentUser user, ReportFilter filter) {
        check(user);
        ReportFilter prev = filter.previous();
        var now = SqlTasks.start(dataSource, c -> headline(c, filter));
        var before = SqlTasks.start(dataSource, c -> headline(c, prev));
        var days = SqlTasks.start(dataSource, c -> days(c, filter));
        var backlog = SqlTasks.start(dataSource, c -> backlog(c, filter));
        var groups = SqlTasks.start(dataSource, c -> groups(c, filter));
        return new Summary(filter.from(), filter.to(), prev.from(), prev.to(), SqlTasks.join(now),
                SqlTasks.join(before), SqlTasks.join(days), SqlTasks.join(backlog), SqlTasks.join(groups));
    }

    // --- headline -------------------------------------------------------------------------------------------

    private Summary.Headline headline(Connection c, ReportFilter f) throws SQLException {
        FactSql.Where w = where(f);
        String created = "created_day between ? and ?";
        String resolved = "resolved_day between ? and ?";
        String firstResolved = FactSql.FIRST_RESOLVED_IN;
        String sql = "select count(*) filter (where " + created + "), count(*) filter (where " + resolved + "), "
                + duration("first_reply", created) + ", " + duration("resolution", resolved) + ", "
                + duration("full_resolution", resolved) + ", "
                + "count(*) filter (where fcr and " + resolved + "), "
                + "count(*) filter (where " + firstResolved + "), "
                + "count(*) filter (where reopened_count > 0 and " + firstResolved + "), "
                + "count(csat) filter (where " + resolved + "), avg(csat) filter (where " + resolved + ") "
                + "from report_ticket_fact where (" + created + " or " + resolved + " or " + firstResolved + ")"
                + w.sql();
        List<Object> params = new ArrayList<>();
        Object[] cr = {f.from(), f.to()};
        Object[] fr = {start(f), end(f)};
        add(params, cr, cr); // counts
        add(params, cr, cr, cr, cr, cr); // first reply (count, 2 avg, 2 median)
        add(params, cr, cr, cr, cr, cr); // resolution
        add(params, cr, cr, cr, cr, cr); // full resolution
        add(params, cr); // fcr
        add(params, fr, fr); // first resolved, reopened
        add(params, cr, cr); // csat
        add(params, cr, cr, fr); // where
        params.addAll(w.params());
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long nCreated = rs.getLong(1);
            long nResolved = rs.getLong(2);
            Summary.Duration first = duration(rs, 3);
            Summary.Duration resolution = duration(rs, 8);
            Summary.Duration full = duration(rs, 13);
            long fcr = rs.getLong(18);
            long nFirstResolved = rs.getLong(19);
            long reopened = rs.getLong(20);
            long csatCount = rs.getLong(21);
            Double csatAvg = number(rs, 22);
            Summary.Csat csat = new Summary.Csat(csatCount, round(csatAvg), ratio(csatCount, nResolved),
                    csatDistribution(c, f));
            return new Summary.Headline(nCreated, nResolved, first, nextResponse(c, f), resolution, full, fcr,
                    ratio(fcr, nResolved),
                    nFirstResolved, reopened, ratio(reopened, nFirstResolved), csat, sla(c, f));
        }
    }

    /** Next responses whose staff reply falls in the period (docs/metrics.md). */
    private Summary.Duration nextResponse(Connection c, ReportFilter f) throws SQLException {
        FactSql.Where w = where(f, "f.");
        List<Object> params = new ArrayList<>(List.of(f.from(), f.to()));
        params.addAll(w.params());
        try (PreparedStatement ps = prepare(c, "select count(*), avg(g.working), percentile_cont(0.5) within group "
                + "(order by g.working), avg(g.minutes), percentile_cont(0.5) within group (order by g.minutes) from "
                + "report_reply_gap g join report_ticket_fact f on f.ticket_id = g.ticket_id where g.replied_day "
                + "between ? and ?" + w.sql(), params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return duration(rs, 1);
        }
    }

    private static String duration(String column, String cohort) {
        String has = column + "_working is not null and " + cohort;
        return "count(*) filter (where " + has + "), avg(" + column + "_working) filter (where " + cohort + "), "
                + "percentile_cont(0.5) within group (order by " + column + "_working) filter (where " + cohort
                + "), avg(" + column + "_minutes) filter (where " + cohort + "), "
                + "percentile_cont(0.5) within group (order by " + column + "_minutes) filter (where " + cohort + ")";
    }

    private static Summary.Duration duration(ResultSet rs, int at) throws SQLException {
        return new Summary.Duration(rs.getLong(at), round(number(rs, at + 1)), round(number(rs, at + 2)),
                round(number(rs, at + 3)), round(number(rs, at + 4)));
    }

    private Map<Integer, Long> csatDistribution(Connection c, ReportFilter f) throws SQLException {
        FactSql.Where w = where(f);
        Map<Integer, Long> out = new TreeMap<>();
        for (int i = 1; i <= 5; i++) {
            out.put(i, 0L);
        }
        List<Object> params = new ArrayList<>(List.of(f.from(), f.to()));
        params.addAll(w.params());
        try (PreparedStatement ps = prepare(c, "select csat, count(*) from report_ticket_fact where csat is not null "
                + "and resolved_day between ? and ?" + w.sql() + " group by csat", params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Per target: outcomes whose clock stopped in the period, met / total (test tickets have no fact row). */
    private List<Summary.Sla> sla(Connection c, ReportFilter f) throws SQLException {
        FactSql.Where w = where(f, "f.");
        List<Object> params = new ArrayList<>(List.of(start(f), end(f)));
        params.addAll(w.params());
        Map<String, Summary.Sla> out = new LinkedHashMap<>();
        for (String target : List.of("FIRST_RESPONSE", "NEXT_RESPONSE", "RESOLUTION", "STEP")) {
            out.put(target, new Summary.Sla(target, 0, 0, null));
        }
        try (PreparedStatement ps = prepare(c, "select o.target, count(*), count(*) filter (where o.met) from "
                + "sla_outcome o join report_ticket_fact f on f.ticket_id = o.ticket_id where o.stopped_at >= ? and "
                + "o.stopped_at < ?" + w.sql() + " group by o.target", params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long total = rs.getLong(2);
                long met = rs.getLong(3);
                out.put(rs.getString(1), new Summary.Sla(rs.getString(1), total, met, ratio(met, total)));
            }
        }
        return List.copyOf(out.values());
    }

    // --- per day, backlog, groups ---------------------------------------------------------------------------

    private List<Summary.Day> days(Connection c, ReportFilter f) throws SQLException {
        FactSql.Where w = where(f);
        List<Object> params = new ArrayList<>(List.of(f.from(), f.to()));
        params.addAll(w.params());
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1)) {
            byDay.put(d, new long[2]);
        }
        String sql = "select day, sum(created), sum(resolved) from report_daily where day between ? and ?" + w.sql()
                + " group by day";
        if (f.agent() != null) { // report_daily has no agent: regroup the fact rows instead
            sql = "select day, sum(c), sum(r) from (select created_day as day, 1 as c, 0 as r from report_ticket_fact "
                    + "where created_day between ? and ?" + w.sql() + " union all select resolved_day, 0, 1 from "
                    + "report_ticket_fact where resolved_day between ? and ?" + w.sql() + ") x group by day";
            params.addAll(List.of(f.from(), f.to()));
            params.addAll(w.params());
        }
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byDay.put(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        List<Summary.Day> out = new ArrayList<>();
        byDay.forEach((d, v) -> out.add(new Summary.Day(d, v[0], v[1])));
        return out;
    }

    /** Tickets open at the end of the period (or now, when that is earlier), by age. */
    private List<Summary.Bucket> backlog(Connection c, ReportFilter f) throws SQLException {
        Instant asOf = FactSql.backlogAt(f, zone(), FlowClock.instant());
        FactSql.Where w = where(f);
        List<Object> params = new ArrayList<>(List.of(asOf, asOf, asOf, asOf, asOf));
        params.addAll(w.params());
        long[] counts = new long[BUCKETS.size()];
        try (PreparedStatement ps = prepare(c, "select " + FactSql.BACKLOG_BUCKET + ", count(*) from "
                + "report_ticket_fact where " + FactSql.OPEN_AT + w.sql() + " group by 1", params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts[rs.getInt(1)] = rs.getLong(2);
            }
        }
        List<Summary.Bucket> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(new Summary.Bucket(BUCKETS.get(i), counts[i]));
        }
        return out;
    }

    /** Per dimension value (all five in one pass over the period's fact rows, {@link GroupSql}). */
    private Map<String, List<Summary.Group>> groups(Connection c, ReportFilter f) throws SQLException {
        return GroupSql.groups(c, f, DIMENSIONS, FlowClock.instant());
    }

    /**
     * The per-agent rows of the summary ({@code by.agent}): created, handled (resolved), median handling time
     * (first-resolution working minutes), reopened, open now — docs/metrics.md. With an agent filter, that agent's row.
     */
    public List<Summary.Group> agents(CurrentUser user, ReportFilter f) {
        check(user);
        try (Connection c = dataSource.getConnection()) {
            return GroupSql.groups(c, f, List.of("agent"), FlowClock.instant()).get("agent");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- export ---------------------------------------------------------------------------------------------

    /** One fact row as export cells (strings, numbers, booleans, instants or null), in {@link #COLUMNS} order. */
    public interface RowSink {
        void row(Object[] cells) throws IOException;
    }

    /**
     * Streams the fact rows of tickets created in the period (filters applied), ordered by creation, through a
     * server-side cursor: memory stays constant however many rows there are.
     */
    public void facts(CurrentUser user, ReportFilter f, RowSink sink) {
        check(user);
        FactSql.Where w = where(f);
        List<Object> params = new ArrayList<>(List.of(f.from(), f.to()));
        params.addAll(w.params());
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = prepare(c, "select number, template_key, department, channel, priority, agent,"
                    + " calendar_key, created_at, first_reply_at, first_reply_minutes, first_reply_working, "
                    + "first_resolved_at, resolution_minutes, resolution_working, resolved_at, full_resolution_minutes,"
                    + " full_resolution_working, reopened_count, staff_replies, customer_replies, fcr, csat from "
                    + "report_ticket_fact where created_day between ? and ?" + w.sql()
                    + " order by created_at, ticket_id", params)) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    Object[] cells = new Object[COLUMNS.size()];
                    while (rs.next()) {
                        for (int i = 0; i < cells.length; i++) {
                            Object v = rs.getObject(i + 1);
                            cells[i] = v instanceof Timestamp ts ? ts.toInstant()
                                    : v instanceof java.time.OffsetDateTime odt ? odt.toInstant() : v;
                        }
                        sink.row(cells);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many rows {@link #facts} streams for the same filter (an export job's progress). */
    public long factCount(CurrentUser user, ReportFilter f) {
        check(user);
        FactSql.Where w = where(f);
        List<Object> params = new ArrayList<>(List.of(f.from(), f.to()));
        params.addAll(w.params());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, "select count(*) from "
                + "report_ticket_fact where created_day between ? and ?" + w.sql(), params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void csv(CurrentUser user, ReportFilter f, OutputStream out) {
        Exports.csv(this, user, f, out);
    }

    /** The ticket rows (sheet {@code tickets}) and the per-agent breakdown (sheet {@code agents}). */
    public void xlsx(CurrentUser user, ReportFilter f, OutputStream out) {
        Exports.xlsx(this, user, f, out);
    }

    /** The per-agent breakdown of the period and filters ({@link #agents}) as CSV. */
    public void agentsCsv(CurrentUser user, ReportFilter f, OutputStream out) {
        Exports.csv(GroupSql.AGENT_COLUMNS, agentRows(user, f), zone(), out);
    }

    Exports.Rows agentRows(CurrentUser user, ReportFilter f) {
        List<Summary.Group> agents = agents(user, f);
        return sink -> {
            try {
                for (Summary.Group g : agents) {
                    sink.row(GroupSql.agentCells(g));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static FactSql.Where where(ReportFilter f) {
        return FactSql.where(f, "");
    }

    private static FactSql.Where where(ReportFilter f, String alias) {
        return FactSql.where(f, alias);
    }

    private Instant start(ReportFilter f) {
        return FactSql.start(f, zone());
    }

    private Instant end(ReportFilter f) {
        return FactSql.end(f, zone());
    }

    private static void add(List<Object> params, Object[]... groups) {
        for (Object[] g : groups) {
            params.addAll(List.of(g));
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        return FactSql.prepare(c, sql, params);
    }

    private static Double number(ResultSet rs, int at) throws SQLException {
        double v = rs.getDouble(at);
        return rs.wasNull() ? null : v;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 10_000.0) / 10_000.0;
    }

}
