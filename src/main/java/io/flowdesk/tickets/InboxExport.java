package io.flowdesk.tickets;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every row of an inbox view for its export (ADR 0040): the same query, filters, order and access rules as
 * {@link InboxService#page} (a view the user may not open is 403, an agent's MINE holds only their tasks, a QUEUE
 * only their departments', a partner sees masked names), but all rows, streamed from a server-side cursor: memory
 * stays constant however long the list is. Blocking (JDBC): call it on a worker thread.
 */
@ApplicationScoped
public class InboxExport {

    /** Receives the rows in the list's order. */
    public interface RowSink {
        void row(InboxRow row) throws IOException;
    }

    @Inject
    AgroalDataSource dataSource;

    /** Throws as the inbox would (403 for a view the user may not open, 422 for a bad filter), reading nothing. */
    public void check(CurrentUser user, InboxQuery query) {
        InboxService.build(user, query, false);
    }

    /** How many rows {@link #each} hands out (exact, unlike the inbox's capped counts). */
    public long count(CurrentUser user, InboxQuery query) {
        InboxSql.Statement st = InboxSql.of(InboxService.build(user, query, false), true);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, st);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void each(CurrentUser user, InboxQuery query, RowSink sink) {
        InboxSql.Statement st = InboxSql.of(InboxService.build(user, query, false), false);
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = prepare(c, st)) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.row(InboxService.masked(user, row(rs, st.tasks())));
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

    private static InboxRow row(ResultSet rs, boolean task) throws SQLException {
        String stepZh = rs.getString(7);
        String stepEn = rs.getString(8);
        if (!task) {
            String[] step = InboxService.split(stepZh);
            stepZh = step[0];
            stepEn = step[1];
        }
        return new InboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), stepZh, stepEn, rs.getString(9), rs.getString(10), rs.getString(11), time(rs, 12),
                time(rs, 13), rs.getBoolean(14), time(rs, 15), rs.getString(16));
    }

    private static OffsetDateTime time(ResultSet rs, int at) throws SQLException {
        return rs.getObject(at, OffsetDateTime.class);
    }

    private static PreparedStatement prepare(Connection c, InboxSql.Statement st) throws SQLException {
        PreparedStatement ps = c.prepareStatement(st.sql());
        for (int i = 0; i < st.params().size(); i++) {
            Object p = st.params().get(i);
            if (p instanceof List<?> list) {
                ps.setArray(i + 1, c.createArrayOf("text", list.toArray()));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }
}
