package io.flowdesk.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL pieces that the summary ({@link ReportService}) and the drill-down to its tickets share, so that a number
 * and the list behind it are selected by the same predicate (ADR 0034).
 */
public final class FactSql {

    /**
     * The backlog age bucket (index into {@link ReportService#BUCKETS}) of a fact row at the instant bound to the
     * first parameter: {@code < 24 h}, {@code < 72 h}, {@code < 7 d}, {@code < 30 d}, else.
     */
    public static final String BACKLOG_BUCKET = "(case when extract(epoch from (?::timestamptz - created_at)) < 86400 "
            + "then 0 when extract(epoch from (?::timestamptz - created_at)) < 259200 then 1 "
            + "when extract(epoch from (?::timestamptz - created_at)) < 604800 then 2 "
            + "when extract(epoch from (?::timestamptz - created_at)) < 2592000 then 3 else 4 end)";

    /**
     * The backlog: open at the instant bound to the parameter (created before it, not resolved by then), written as
     * the range {@code (created_at, resolved_at]} containing it, which the GiST index {@code report_fact_open_range}
     * (V35) answers without reading the tickets closed long before or opened after it.
     */
    public static final String OPEN_AT = "tstzrange(created_at, case when resolved_at is null then null else "
            + "greatest(created_at, resolved_at) end, '(]') @> ?::timestamptz";

    /** First resolved in the period: between the instants bound to the two parameters (start, end). */
    public static final String FIRST_RESOLVED_IN = "first_resolved_at >= ? and first_resolved_at < ?";

    /** A top category's key: {@code template/category} where the ticket form has a category, else the template. */
    public static final String CATEGORY = "(case when category = '' then template_key else template_key || '/' || "
            + "category end)";

    private FactSql() {
    }

    /** An SQL condition (starting with {@code and}, or empty) and its parameters. */
    public record Where(String sql, List<Object> params) {
    }

    /** The filters' conditions on the fact row (columns prefixed with {@code alias}). */
    public static Where where(ReportFilter f, String alias) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        String[][] dims = {{"template_key", f.template()}, {"department", f.department()},
            {"channel", f.channel()}, {"priority", f.priority()}, {"agent", f.agent()}};
        for (String[] d : dims) {
            if (d[1] != null) {
                sql.append(" and ").append(alias).append(d[0]).append(" = ?");
                params.add(ReportFilter.NONE.equals(d[1]) ? "" : d[1]);
            }
        }
        return new Where(sql.toString(), params);
    }

    public static Instant start(ReportFilter f, ZoneId zone) {
        return f.from().atStartOfDay(zone).toInstant();
    }

    public static Instant end(ReportFilter f, ZoneId zone) {
        return f.to().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The instant the backlog is taken at: the end of the period, or now when that is earlier. */
    public static Instant backlogAt(ReportFilter f, ZoneId zone, Instant now) {
        Instant end = end(f, zone);
        return now.isBefore(end) ? now : end;
    }

    public static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Instant at) {
                ps.setTimestamp(i + 1, Timestamp.from(at));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }
}
