package io.flowdesk.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /**
     * Per value of each dimension: created, resolved, median resolution, resolved after a reopen, and open now; all
     * dimensions asked for in one pass over the period's fact rows (grouping sets), each dimension's rows in the order
     * of resolved, created, open (descending) and the value.
     */
    static Map<String, List<Summary.Group>> groups(Connection c, ReportFilter f, List<String> dimensions,
            Instant now) throws SQLException {
        Map<String, List<Summary.Group>> out = new LinkedHashMap<>();
        for (String dimension : dimensions) {
            out.put(dimension, new ArrayList<>());
        }
        FactSql.Where w = FactSql.where(f, "");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            params.add(f.from());
            params.add(f.to());
        }
        params.add(now);
        for (int i = 0; i < 2; i++) {
            params.add(f.from());
            params.add(f.to());
        }
        params.add(now);
        params.addAll(w.params());
        List<String> columns = dimensions.stream().map(GroupSql::column).toList();
        String sets = String.join(", ", columns);
        String key = columns.size() == 1 ? sets : "coalesce(" + sets + ")";
        try (PreparedStatement ps = FactSql.prepare(c, "select grouping(" + sets + "), " + key + ", count(*) "
                + "filter (where created_day between ? and ?), count(*) filter (where resolved_day between ? and ?), "
                + "percentile_cont(0.5) within group (order by resolution_working) filter (where resolved_day "
                + "between ? and ?), count(*) filter (where reopened_count > 0 and resolved_day between ? and ?), "
                + "count(*) filter (where " + FactSql.OPEN_AT + ") from report_ticket_fact where (created_day "
                + "between ? and ? or resolved_day between ? and ? or " + FactSql.OPEN_AT + ")" + w.sql()
                + " group by grouping sets (" + columns.stream().map(col -> "(" + col + ")").collect(
                        Collectors.joining(", ")) + ") order by 1, 4 desc, 3 desc, 7 desc, 2", params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // grouping(): a bit per expression, 1 where the row is not grouped by it, the first the highest
                int set = dimensions.size() - 1 - Integer.numberOfTrailingZeros(~rs.getInt(1));
                double median = rs.getDouble(5);
                Double m = rs.wasNull() ? null : Math.round(median * 10_000.0) / 10_000.0;
                out.get(dimensions.get(set)).add(new Summary.Group(rs.getString(2), rs.getLong(3), rs.getLong(4), m,
                        rs.getLong(6), rs.getLong(7)));
            }
        }
        return out;
    }

    private static String column(String dimension) {
        return switch (dimension) {
            case "template" -> "template_key";
            case "category" -> FactSql.CATEGORY;
            default -> dimension;
        };
    }

    /** One agent row as export cells, in {@link #AGENT_COLUMNS} order. */
    static Object[] agentCells(Summary.Group g) {
        return new Object[] {g.key(), g.created(), g.resolved(), g.medianResolutionWorking(), g.reopened(), g.open()};
    }
}
