package io.flowdesk.reports.internal;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Independent read-only queries of one report run side by side, each on a connection of its own (the dashboard's
 * summary: two headlines, the days, the backlog and the breakdowns), so a request waits for the slowest, not the sum.
 */
public final class SqlTasks {

    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    /** Work on one connection. */
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private SqlTasks() {
    }

    public static <T> CompletableFuture<T> start(AgroalDataSource dataSource, Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection c = dataSource.getConnection()) {
                return work.apply(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, THREADS);
    }

    /** The task's result; its failure rethrown as it was thrown (unchecked), not wrapped. */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
