package io.flowdesk.reports;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.reports.internal.ReportsConsumer;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A small builder of ticket histories with known times: it writes the ticket row and its events exactly as the
 * tickets feature records them (same kinds and details), so the reports consumer sees a real stream.
 */
public final class Golden {

    private final AgroalDataSource db;
    public final String template = "golden-" + UUID.randomUUID().toString().substring(0, 8);
    private int seq;

    public Golden(AgroalDataSource db) {
        this.db = db;
    }

    static Instant at(String shanghai) {
        return OffsetDateTime.parse(shanghai + "+08:00").toInstant();
    }

    public final class T {
        final long id;

        T(long id) {
            this.id = id;
        }

        T event(String at, String kind, String actor, String details, boolean internal) throws SQLException {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into ticket_event"
                    + " (ticket_id, at, kind, actor, summary, details_json, internal) values (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setTimestamp(2, Timestamp.from(at(at)));
                ps.setString(3, kind);
                ps.setString(4, actor);
                ps.setString(5, kind);
                ps.setString(6, details);
                ps.setBoolean(7, internal);
                ps.executeUpdate();
            }
            return this;
        }

        T staff(String at, String agent) throws SQLException {
            return event(at, "REPLY", agent, "{\"text\":\"hi\",\"authorKind\":\"staff\"}", false);
        }

        T customer(String at) throws SQLException {
            return event(at, "REPLY", "customer1", "{\"text\":\"more\",\"authorKind\":\"customer\"}", false);
        }

        T automatic(String at) throws SQLException {
            return event(at, "REPLY", "automation", "{\"text\":\"auto\",\"authorKind\":\"automation\"}", false);
        }

        T note(String at, String agent) throws SQLException {
            return event(at, "NOTE", agent, "{\"text\":\"note\",\"authorKind\":\"staff\"}", true);
        }

        T task(String at, String department) throws SQLException {
            return event(at, "TASK_STARTED", null, io.flowdesk.shared.Json.MAPPER.createObjectNode().put("task", "处理")
                    .put("taskEn", "Handle").put("department", department).toString(), true);
        }

        T claimed(String at, String agent) throws SQLException {
            return event(at, "TASK_CLAIMED", agent, "{\"task\":\"处理\",\"taskEn\":\"Handle\"}", true);
        }

        T ended(String at) throws SQLException {
            return event(at, "ENDED", null, "{\"from\":\"OPEN\",\"to\":\"RESOLVED\"}", false);
        }

        T reopened(String at) throws SQLException {
            return event(at, "REOPENED", "customer1", null, false);
        }

        T csat(String at, int rating) throws SQLException {
            return event(at, "CSAT", "customer1", "{\"rating\":\"" + rating + "\",\"comment\":null}", false);
        }
    }

    public T ticket(String createdAt, boolean test) throws SQLException {
        return ticket(createdAt, test, "P3", "web");
    }

    T ticket(String createdAt, boolean test, String priority, String channel) throws SQLException {
        long id;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into ticket (number, "
                + "template_version_id, template_key, ticket_type, title, priority, status, channel, created_by, "
                + "data_json, engine_state, created_at, updated_at, is_test) values (?, (select min(id) from "
                + "template_version), ?, 'golden', 'golden', ?, 'OPEN', ?, 'agent1', '{}', 'ENDED', ?, ?, ?) "
                + "returning id")) {
            ps.setString(1, template.substring(7) + "-" + (++seq));
            ps.setString(2, template);
            ps.setString(3, priority);
            ps.setString(4, channel);
            ps.setTimestamp(5, Timestamp.from(at(createdAt)));
            ps.setTimestamp(6, Timestamp.from(at(createdAt)));
            ps.setBoolean(7, test);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        T t = new T(id);
        t.event(createdAt, "CREATED", "agent1", "{\"channel\":\"" + channel + "\",\"template\":\"" + template
                + " v1\"}", false);
        return t;
    }

    static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    /** Lets the reports consumer catch up with the whole stream. */
    public static void drain(TicketEventStream stream) throws Throwable {
        drain(stream, ReportsConsumer.NAME);
    }

    /** Lets the named consumer catch up with the whole stream. */
    static void drain(TicketEventStream stream, String name) throws Throwable {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            await(() -> stream.drain(name));
            long max = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                    .createNativeQuery("select coalesce(max(id), 0) from ticket_event", Long.class).getSingleResult())));
            if (await(() -> stream.position(name)) >= max) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the " + name + " consumer did not catch up");
            }
            Thread.sleep(100);
        }
    }
}
