package io.flowdesk.reports.flow;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All tickets behind a flow step for an export (ADR 0040): the drill-down's query ({@link FlowStats#STEP_TICKETS}),
 * without its 200-row cap, streamed over JDBC with a fetch size. Blocking; supervisors and admins.
 */
@ApplicationScoped
public class StepTicketExport {

    public static final List<String> COLUMNS = List.of("number", "title", "entries", "wait_seconds", "work_seconds",
            "total_seconds");

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d)");

    /** Receives the rows in the drill-down's order. */
    public interface RowSink {
        void row(FlowStats.StepTicket ticket) throws IOException;
    }

    @Inject
    AgroalDataSource dataSource;

    public long count(CurrentUser user, String template, String step, FlowSelection at) {
        check(user);
        long[] n = {0};
        run("select count(*) from (" + FlowStats.STEP_TICKETS + ") x", template, step, at, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    public void each(CurrentUser user, String template, String step, FlowSelection at, RowSink sink) {
        check(user);
        run(FlowStats.STEP_TICKETS, template, step, at, rs -> {
            try {
                sink.row(new FlowStats.StepTicket(rs.getString(1), rs.getString(2), rs.getLong(3),
                        FlowStats.seconds(rs.getObject(4)), FlowStats.seconds(rs.getObject(5)),
                        FlowStats.seconds(rs.getObject(6))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static void check(CurrentUser user) {
        if (!FlowStats.mayRead(user)) {
            throw new Forbidden(Text.of("flowmap.error.forbidden"));
        }
    }

    private interface Each {
        void row(ResultSet rs) throws SQLException;
    }

    /** Binds the numbered parameters ({@code ?1..?5}, some repeated) positionally, in order of appearance. */
    private void run(String numbered, String template, String step, FlowSelection at, Each each) {
        Object[] values = {template, FlowStats.start(at.from()), FlowStats.end(at.to()),
            at.version() == null ? 0 : at.version(), step};
        List<Object> params = new ArrayList<>();
        Matcher m = NUMBERED.matcher(numbered);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            params.add(values[Integer.parseInt(m.group(1)) - 1]);
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.row(rs);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
