package io.flowdesk.ops;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.workflow.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How this FlowDesk installation is doing, read from the database that all nodes share (ADR 0052): the engine's job
 * queues and dead letters, the outbox from the engine to the tickets, the ticket event consumers' lag, deadlines that
 * should have fired, notification deliveries, mailboxes, assignment decisions. The same figures feed the Prometheus
 * gauges ({@code /q/metrics}), the readiness check and the admin's system view. One read takes a handful of small
 * queries; a snapshot is kept for a few seconds so that scrapes and views do not multiply them.
 */
@ApplicationScoped
public class SystemStatus {

    /** How long a snapshot is reused. */
    static final long CACHE_MILLIS = 5_000;

    @Inject
    AgroalDataSource db;

    @Inject
    WorkflowEngine engine;

    private volatile Snapshot cached;

    /** A ticket event consumer: its cursor and how many events it is behind the head of the stream. */
    public record Consumer(String name, long position, long lag) {
    }

    /** A mailbox FlowDesk reads: when it was last read and its last error (null when the last read went well). */
    public record Mailbox(String key, boolean enabled, Instant lastPolledAt, String lastError) {
    }

    /**
     * One reading. {@code outboxLagSeconds}: age of the oldest engine event not yet applied to its ticket (0 when
     * none waits); {@code deadlinesOverdue}: deadlines due over a minute ago that have not fired; {@code deliveries}
     * and {@code assignments}: counts per status and per strategy.
     */
    public record Snapshot(Instant at, boolean jobExecutorActive, long outboxPending, long outboxLagSeconds,
            long asyncJobs, long timerJobsDue, long deadLetters, long deadlinesOverdue, long deadlinesFailing,
            long streamHead, List<Consumer> consumers, Map<String, Long> deliveries, List<Mailbox> mailboxes,
            Map<String, Long> assignments) {

        /** Ready for work: the job executor runs and the outbox is not older than {@code outboxLagMax} seconds. */
        public boolean ready(long outboxLagMax) {
            return jobExecutorActive && outboxLagSeconds <= outboxLagMax;
        }

        /** The consumer that is furthest behind, in events (0 when all are at the head). */
        public long maxConsumerLag() {
            return consumers.stream().mapToLong(Consumer::lag).max().orElse(0);
        }
    }

    /** The latest reading, at most {@link #CACHE_MILLIS} old. Blocking (JDBC): call it off the event loop. */
    public Snapshot snapshot() {
        Snapshot current = cached;
        if (current != null && System.currentTimeMillis() - current.at().toEpochMilli() < CACHE_MILLIS) {
            return current;
        }
        Snapshot fresh = read();
        cached = fresh;
        return fresh;
    }

    /** The last reading without waiting for a new one (null before the first): for gauges, read on any thread. */
    public Snapshot last() {
        return cached;
    }

    /** Takes a new reading and keeps it (the gauges' refresh); the last one stays when this one fails. */
    public Snapshot refresh() {
        Snapshot fresh = read();
        cached = fresh;
        return fresh;
    }

    /** A reading now, bypassing the cache (tests, and the readiness check after a failure). */
    public Snapshot read() {
        Instant businessNow = FlowClock.instant();
        try (Connection c = db.getConnection()) {
            long[] outbox = longs(c, "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::bigint"
                    + " from engine_event");
            long asyncJobs = one(c, "select count(*) from act_ru_job");
            long timersDue = one(c, "select count(*) from act_ru_timer_job where duedate_ <= now()");
            long deadLetters = one(c, "select count(*) from act_ru_deadletter_job");
            long[] deadlines = longs(c, "select count(*) filter (where due_at <= ?), count(*) filter (where "
                    + "last_error is not null) from deadline where fired_at is null",
                    Timestamp.from(businessNow.minusSeconds(60)));
            long head = one(c, "select coalesce(max(id), 0) from ticket_event");
            List<Consumer> consumers = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select consumer, position from event_cursor order by "
                    + "consumer"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumers.add(new Consumer(rs.getString(1), rs.getLong(2), Math.max(0, head - rs.getLong(2))));
                }
            }
            Map<String, Long> deliveries = counts(c, "select status, count(*) from notify_delivery group by status "
                    + "order by status");
            List<Mailbox> mailboxes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select key, enabled, last_polled_at, last_error from "
                    + "mail_mailbox order by key"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp polled = rs.getTimestamp(3);
                    mailboxes.add(new Mailbox(rs.getString(1), rs.getBoolean(2), polled == null ? null
                            : polled.toInstant(), rs.getString(4)));
                }
            }
            Map<String, Long> assignments = counts(c, "select coalesce(strategy, 'none'), count(*) from "
                    + "routing_decision group by 1 order by 1");
            return new Snapshot(Instant.now(), engine.jobExecutorActive(), outbox[0], outbox[1], asyncJobs,
                    timersDue, deadLetters, deadlines[0], deadlines[1], head, List.copyOf(consumers), deliveries,
                    List.copyOf(mailboxes), assignments);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the system status failed: " + e.getMessage(), e);
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        return longs(c, sql)[0];
    }

    private static long[] longs(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int n = rs.getMetaData().getColumnCount();
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = rs.getLong(i + 1);
                }
                return out;
            }
        }
    }

    private static Map<String, Long> counts(Connection c, String sql) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
