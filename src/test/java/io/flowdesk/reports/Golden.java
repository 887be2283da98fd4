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

    public static Instant at(String shanghai) {
        return OffsetDateTime.parse(shanghai + "+08:00").toInstant();
    }

    public final class T {
        public final long id;
        public final String number;

        T(long id, String number) {
            this.id = id;
            this.number = number;
        }

        public T event(String at, String kind, String actor, String details, boolean internal) throws SQLException {
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

        public T staff(String at, String agent) throws SQLException {
            return event(at, "REPLY", agent, "{\"text\":\"hi\",\"authorKind\":\"staff\"}", false);
        }

        public T customer(String at) throws SQLException {
            return event(at, "REPLY", "customer1", "{\"text\":\"more\",\"authorKind\":\"customer\"}", false);
        }

        public T automatic(String at) throws SQLException {
            return event(at, "REPLY", "automation", "{\"text\":\"auto\",\"authorKind\":\"automation\"}", false);
        }

        public T note(String at, String agent) throws SQLException {
            return event(at, "NOTE", agent, "{\"text\":\"note\",\"authorKind\":\"staff\"}", true);
        }

        public T task(String at, String department) throws SQLException {
            return event(at, "TASK_STARTED", null, io.flowdesk.shared.Json.MAPPER.createObjectNode().put("task", "处理")
                    .put("taskEn", "Handle").put("department", department).toString(), true);
        }

        public T claimed(String at, String agent) throws SQLException {
            return event(at, "TASK_CLAIMED", agent, "{\"task\":\"处理\",\"taskEn\":\"Handle\"}", true);
        }

        public T ended(String at) throws SQLException {
            return event(at, "ENDED", null, "{\"from\":\"OPEN\",\"to\":\"RESOLVED\"}", false);
        }

        public T reopened(String at) throws SQLException {
            return event(at, "REOPENED", "customer1", null, false);
        }

        /** Sets the ticket's form data (read by the reports consumer when it next sees an event of the ticket). */
        public T data(String json) throws SQLException {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("update ticket set "
                    + "data_json = ? where id = ?")) {
                ps.setString(1, json);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return this;
        }

        public T csat(String at, int rating) throws SQLException {
            return event(at, "CSAT", "customer1", "{\"rating\":\"" + rating + "\",\"comment\":null}", false);
        }

        /** Makes the ticket open (its flow running) with the given SLA summary state (null: none). */
        public T open(String slaState) throws SQLException {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("update ticket set "
                    + "engine_state = 'ACTIVE', status = 'OPEN', sla_state = ? where id = ?")) {
                ps.setString(1, slaState);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return this;
        }

        /** An open step of the ticket in a department, with an assignee or none (null). */
        public T openTask(String department, String assignee) throws SQLException {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into ticket_task"
                    + " (task_id, ticket_id, task_def_key, name_zh, name_en, candidate_group, assignee, state, "
                    + "priority) values (?, ?, 'golden', '处理', 'Handle', ?, ?, 'OPEN', 'P3')")) {
                ps.setString(1, "golden-" + UUID.randomUUID());
                ps.setLong(2, id);
                ps.setString(3, department);
                ps.setString(4, assignee);
                ps.executeUpdate();
            }
            return this;
        }
    }

    /** A real ticket: P3, web, of this builder's own template, no form data. */
    public T ticket(String createdAt) throws SQLException {
        return ticket().at(createdAt);
    }

    /** A test ticket (left out of every report), otherwise like {@link #ticket(String)}. */
    public T testTicket(String createdAt) throws SQLException {
        return ticket().test().at(createdAt);
    }

    /** A ticket that differs from the plain one: say how, then {@link Draft#at when} it was created. */
    public Draft ticket() {
        return new Draft();
    }

    /** What a ticket is, apart from when it was created; each setter names what differs from a plain ticket. */
    public final class Draft {
        private boolean test;
        private String priority = "P3";
        private String channel = "web";
        private String templateKey = template;
        private String dataJson = "{}";

        public Draft test() {
            return test(true);
        }

        public Draft test(boolean isTest) {
            this.test = isTest;
            return this;
        }

        public Draft priority(String value) {
            this.priority = value;
            return this;
        }

        public Draft channel(String value) {
            this.channel = value;
            return this;
        }

        /** A ticket of another template (e.g. a shipped one, whose forms give the fields) with its form data. */
        public Draft of(String key, String data) {
            this.templateKey = key;
            this.dataJson = data;
            return this;
        }

        /** Writes the ticket row and its CREATED event. */
        public T at(String createdAt) throws SQLException {
            return create(createdAt, this);
        }
    }

    private T create(String createdAt, Draft d) throws SQLException {
        long id;
        String number;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into ticket (number, "
                + "template_version_id, template_key, ticket_type, title, priority, status, channel, created_by, "
                + "data_json, engine_state, created_at, updated_at, is_test) values (?, (select min(id) from "
                + "template_version), ?, 'golden', 'golden', ?, 'OPEN', ?, 'agent1', ?, 'ENDED', ?, ?, ?) "
                + "returning id")) {
            number = template.substring(7) + "-" + (++seq);
            ps.setString(1, number);
            ps.setString(2, d.templateKey);
            ps.setString(3, d.priority);
            ps.setString(4, d.channel);
            ps.setString(5, d.dataJson);
            ps.setTimestamp(6, Timestamp.from(at(createdAt)));
            ps.setTimestamp(7, Timestamp.from(at(createdAt)));
            ps.setBoolean(8, d.test);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        T t = new T(id, number);
        t.event(createdAt, "CREATED", "agent1", "{\"channel\":\"" + d.channel + "\",\"template\":\"" + d.templateKey
                + " v1\"}", false);
        return t;
    }

    public static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    /** Lets the reports consumer catch up with the whole stream. */
    public static void drain(TicketEventStream stream) throws Throwable {
        drain(stream, ReportsConsumer.NAME);
    }

    /** Lets the named consumer catch up with the whole stream. */
    public static void drain(TicketEventStream stream, String name) throws Throwable {
        io.flowdesk.testing.Streams.drain(stream, name);
    }
}
