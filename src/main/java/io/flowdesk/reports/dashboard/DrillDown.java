package io.flowdesk.reports.dashboard;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.FactSql;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.SqlTime;
import io.flowdesk.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tickets behind a number of {@code GET /api/reports/summary} (ADR 0034): each metric selects the fact rows with
 * the same predicate the summary counts, so the list's total is the number shown. Test tickets have no fact row and
 * never appear. Blocking (JDBC); supervisors and admins only.
 */
@ApplicationScoped
public class DrillDown {

    /** The metrics, each naming the summary number it lists (docs/metrics.md, "Dashboard"). */
    public static final List<String> METRICS = List.of("created", "resolved", "first-response", "resolution", "fcr",
            "reopened", "resolved-reopened", "csat", "sla", "sla-met", "sla-breached", "backlog", "open", "category");
    public static final List<String> SLA_TARGETS = List.of("FIRST_RESPONSE", "NEXT_RESPONSE", "RESOLUTION", "STEP");
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** Which list: a metric, an optional bucket (a day, a backlog bucket, a rating, an SLA target, a category). */
    public record Query(String metric, String bucket, int page, int size) {

        /** From request parameters; anything malformed is a 422 naming the parameter by its label. */
        public static Query parse(String metric, String bucket, String page, String size) {
            String m = metric == null ? "" : metric.strip();
            if (!METRICS.contains(m)) {
                throw invalid("metric", "dashboard.error.metric", "enum");
            }
            String b = bucket == null || bucket.isBlank() ? null : bucket.strip();
            return new Query(m, b, number("page", page, 0, 0, Integer.MAX_VALUE),
                    number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
        }

        private static int number(String param, String value, int fallback, int min, int max) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(param, "dashboard.error." + param, "range");
        }
    }

    /** One ticket of the list. */
    public record Row(String number, String title, String status, String priority, Instant createdAt) {
    }

    /**
     * A page of the list, newest first. {@code total}: the tickets; {@code outcomes}: for the SLA metrics the SLA
     * outcomes counted (a ticket can have several, e.g. next responses), else equal to {@code total}.
     */
    public record Page(String metric, String bucket, long total, long outcomes, int page, int size,
            List<Row> tickets) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportService reports;

    public Page tickets(CurrentUser user, ReportFilter filter, Query q) {
        ReportService.check(user);
        Cohort cohort = cohort(filter, q);
        try (Connection c = dataSource.getConnection()) {
            long total = count(c, cohort);
            long outcomes = total;
            if (cohort.outcomes != null) {
                try (PreparedStatement ps = FactSql.prepare(c, cohort.outcomes, cohort.outcomeParams);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    outcomes = rs.getLong(1);
                }
            }
            List<Object> params = new ArrayList<>(cohort.params);
            params.add(q.size());
            params.add((long) q.page() * q.size());
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = FactSql.prepare(c, rows(cohort, " limit ? offset ?"), params);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return new Page(q.metric(), q.bucket(), total, outcomes, q.page(), q.size(), rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The export's columns (ADR 0040), the order of {@link #each}'s cells. */
    public static final List<String> COLUMNS = List.of("number", "title", "status", "priority", "created_at");

    /** Receives the rows of {@link #each}. */
    public interface RowSink {
        void row(Row row) throws java.io.IOException;
    }

    /** How many tickets the list has (its {@code total}); checks the user and the query as {@link #tickets} does. */
    public long count(CurrentUser user, ReportFilter filter, Query q) {
        ReportService.check(user);
        Cohort cohort = cohort(filter, q);
        try (Connection c = dataSource.getConnection()) {
            return count(c, cohort);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every ticket of the list, in its order, from a server-side cursor (an export: constant memory). */
    public void each(CurrentUser user, ReportFilter filter, Query q, RowSink sink) {
        ReportService.check(user);
        Cohort cohort = cohort(filter, q);
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = FactSql.prepare(c, rows(cohort, ""), cohort.params)) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.row(row(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(Connection c, Cohort cohort) throws SQLException {
        try (PreparedStatement ps = FactSql.prepare(c, "select count(*) from report_ticket_fact where "
                + cohort.sql, cohort.params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The list's select, newest first; {@code page} limits it (a page) or is empty (all rows, the export). */
    private static String rows(Cohort cohort, String page) {
        return "select f.number, t.title, t.status, f.priority, f.created_at from (select ticket_id, number, "
                + "priority, created_at from report_ticket_fact where " + cohort.sql + " order by created_at desc, "
                + "ticket_id desc" + page + ") f left join ticket t on t.id = f.ticket_id order by f.created_at desc, "
                + "f.ticket_id desc";
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                SqlTime.instant(rs.getObject(5)));
    }

    /** The fact rows a metric counts (SQL over unaliased {@code report_ticket_fact} columns) and its parameters. */
    private record Cohort(String sql, List<Object> params, String outcomes, List<Object> outcomeParams) {
    }

    private Cohort cohort(ReportFilter f, Query q) {
        FactSql.Where w = FactSql.where(f, "");
        List<Object> p = new ArrayList<>();
        String b = q.bucket();
        String sql = switch (q.metric()) {
            case "created" -> day("created_day", f, b, p);
            case "resolved" -> day("resolved_day", f, b, p);
            case "first-response" -> "first_reply_working is not null and " + day("created_day", f, null, p);
            case "resolution" -> "resolution_working is not null and " + day("resolved_day", f, null, p);
            case "fcr" -> "fcr and " + day("resolved_day", f, null, p);
            case "reopened" -> {
                p.addAll(List.of(FactSql.start(f, reports.zone()), FactSql.end(f, reports.zone())));
                yield "reopened_count > 0 and " + FactSql.FIRST_RESOLVED_IN;
            }
            case "resolved-reopened" -> "reopened_count > 0 and " + day("resolved_day", f, null, p);
            case "csat" -> {
                String range = day("resolved_day", f, null, p);
                if (b == null) {
                    yield "csat is not null and " + range;
                }
                p.add(rating(b));
                yield range + " and csat = ?";
            }
            case "backlog", "open" -> {
                Instant at = "open".equals(q.metric()) ? FlowClock.instant()
                        : FactSql.backlogAt(f, reports.zone(), FlowClock.instant());
                p.add(at);
                if (b == null || "open".equals(q.metric())) {
                    yield FactSql.OPEN_AT;
                }
                int bucket = ReportService.BUCKETS.indexOf(b);
                if (bucket < 0) {
                    throw invalid("bucket", "dashboard.error.bucket", "enum");
                }
                p.addAll(List.of(at, at, at, at, bucket));
                yield FactSql.OPEN_AT + " and " + FactSql.BACKLOG_BUCKET + " = ?";
            }
            case "category" -> {
                if (b == null) {
                    throw invalid("bucket", "dashboard.error.bucket", "required");
                }
                String range = day("created_day", f, null, p);
                p.add(b);
                yield range + " and " + FactSql.CATEGORY + " = ?";
            }
            default -> null; // the SLA metrics, below
        };
        if (sql != null) {
            p.addAll(w.params());
            return new Cohort(sql + w.sql(), p, null, null);
        }
        return sla(f, q, w);
    }

    /** Tickets with an SLA outcome (met, breached or either) stopped in the period, of the bucket's target. */
    private Cohort sla(ReportFilter f, Query q, FactSql.Where w) {
        String b = q.bucket();
        if (b != null && !SLA_TARGETS.contains(b)) {
            throw invalid("bucket", "dashboard.error.bucket", "enum");
        }
        List<Object> outcome = new ArrayList<>(List.of(FactSql.start(f, reports.zone()),
                FactSql.end(f, reports.zone())));
        String cond = "o.stopped_at >= ? and o.stopped_at < ?";
        if (b != null) {
            cond += " and o.target = ?";
            outcome.add(b);
        }
        cond += switch (q.metric()) {
            case "sla-met" -> " and o.met";
            case "sla-breached" -> " and not o.met";
            default -> "";
        };
        List<Object> p = new ArrayList<>(outcome);
        p.addAll(w.params());
        String sql = "exists (select 1 from sla_outcome o where o.ticket_id = report_ticket_fact.ticket_id and "
                + cond + ")" + w.sql();
        List<Object> counted = new ArrayList<>(outcome);
        counted.addAll(FactSql.where(f, "f.").params());
        return new Cohort(sql, p, "select count(*) from sla_outcome o join report_ticket_fact f on f.ticket_id = "
                + "o.ticket_id where " + cond + FactSql.where(f, "f.").sql(), counted);
    }

    /** {@code column} in the period, or on the bucket's day (which must be a date of the period). */
    private static String day(String column, ReportFilter f, String bucket, List<Object> params) {
        if (bucket == null) {
            params.addAll(List.of(f.from(), f.to()));
            return column + " between ? and ?";
        }
        try {
            LocalDate d = LocalDate.parse(bucket);
            if (d.isBefore(f.from()) || d.isAfter(f.to())) {
                throw invalid("bucket", "dashboard.error.bucketDay", "range");
            }
            params.add(d);
            return column + " = ?";
        } catch (DateTimeParseException e) {
            throw invalid("bucket", "dashboard.error.bucketDay", "date");
        }
    }

    private static int rating(String bucket) {
        if (bucket.matches("[1-5]")) {
            return Integer.parseInt(bucket);
        }
        throw invalid("bucket", "dashboard.error.bucket", "enum");
    }

    static InvalidInput invalid(String param, String key, String rule) {
        FieldError error = FieldError.of(param, Text.of(key, Text.of("dashboard.param." + param)), rule);
        return new InvalidInput(error.text(), List.of(error));
    }
}
