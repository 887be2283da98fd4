package io.flowdesk.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary's per-dimension rows ({@code by.agent}, {@code by.department} …): created, resolved, median resolution,
 * resolved after a reopen, and open now; shared by the summary and the agent breakdown of its export.
 */
final class GroupSql {

    /** The per-agent export's columns (CSV header and the XLSX sheet {@code agents}). */
    static final List<String> AGENT_COLUMNS = List.of("agent", "created", "handled",
            "median_handling_working_minutes", "reopened", "open");

    private GroupSql() {
    }

    static List<Summary.Group> groups(Connection c, ReportFilter f, String dimension, Instant now)
            throws SQLException {
        FactSql.Where w = FactSql.where(f, "");
        String column = switch (dimension) {
            case "template" -> "template_key";
            case "category" -> FactSql.CATEGORY;
            default -> dimension;
        };
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            params.add(f.from());
            params.add(f.to());
        }
        params.addAll(List.of(now, now));
        for (int i = 0; i < 2; i++) {
            params.add(f.from());
            params.add(f.to());
        }
        params.addAll(List.of(now, now));
        params.addAll(w.params());
        List<Summary.Group> rows = new ArrayList<>();
        try (PreparedStatement ps = FactSql.prepare(c, "select " + column + ", count(*) filter (where created_day "
                + "between ? and ?), count(*) filter (where resolved_day between ? and ?), percentile_cont(0.5) within "
                + "group (order by resolution_working) filter (where resolved_day between ? and ?), count(*) "
                + "filter (where reopened_count > 0 and resolved_day between ? and ?), count(*) filter (where "
                + FactSql.OPEN_AT + ") from report_ticket_fact where (created_day between ? and ? or "
                + "resolved_day between ? and ? or (" + FactSql.OPEN_AT + "))" + w.sql() + " group by "
                + column + " order by 3 desc, 2 desc, 6 desc, 1", params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double median = rs.getDouble(4);
                Double m = rs.wasNull() ? null : Math.round(median * 10_000.0) / 10_000.0;
                rows.add(new Summary.Group(rs.getString(1), rs.getLong(2), rs.getLong(3), m, rs.getLong(5),
                        rs.getLong(6)));
            }
        }
        return rows;
    }

    /** One agent row as export cells, in {@link #AGENT_COLUMNS} order. */
    static Object[] agentCells(Summary.Group g) {
        return new Object[] {g.key(), g.created(), g.resolved(), g.medianResolutionWorking(), g.reopened(), g.open()};
    }
}
