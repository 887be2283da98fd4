package io.flowdesk.ops.internal;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.ops.SystemStatus;
import io.flowdesk.testing.Tickets;
import io.flowdesk.tickets.TicketEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operations surface (ADR 0052): counters from the ticket event stream, gauges from the shared database, the
 * readiness check that turns down when the outbox is stuck, and the admins' system API.
 */
@QuarkusTest
class OpsMetricsTest {

    @Inject
    MetricsConsumer consumer;

    @Inject
    MeterRegistry registry;

    @Inject
    SystemStatus status;

    @Inject
    OpsMetrics metrics;

    @Inject
    AgroalDataSource db;

    @Inject
    io.flowdesk.tickets.TicketEventStream stream;

    @Test
    void ticketEventsAreCountedByKindAndTestTicketsAreLeftOut() throws Throwable {
        long real = ticketId(createTicket("agent1", refund("OPS-1")));
        long test = ticketId(createTicket("agent1", refund("OPS-2")));
        sql("update ticket set is_test = true where id = " + test);
        // the stream hands the real events to the consumer in the background: let it pass them before counting
        long head = one("select max(id) from ticket_event");
        for (int i = 0; i < 50 && VertxContextSupport.subscribeAndAwait(() -> stream.position("metrics")) < head;
                i++) {
            VertxContextSupport.subscribeAndAwait(() -> stream.drain(consumer));
        }
        double created = count("flowdesk.tickets.created");
        double resolved = count("flowdesk.tickets.resolved");
        double breaches = count("flowdesk.sla.breaches");
        double reopenKind = kind("REOPENED");
        List<TicketEvent> batch = List.of(event(real, "CREATED", null), event(test, "CREATED", null),
                event(real, "STATUS_CHANGED", "{\"from\":\"OPEN\",\"to\":\"RESOLVED\"}"),
                event(real, "STATUS_CHANGED", "{\"from\":\"NEW\",\"to\":\"OPEN\"}"),
                event(test, "SLA_BREACHED", null), event(real, "SLA_BREACHED", null), event(real, "REOPENED", null));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> consumer.handle(batch)));
        assertEquals(created + 1, count("flowdesk.tickets.created"), "the test ticket's creation is left out");
        assertEquals(resolved + 1, count("flowdesk.tickets.resolved"), "only the change to RESOLVED");
        assertEquals(breaches + 1, count("flowdesk.sla.breaches"));
        assertEquals(reopenKind + 1, kind("REOPENED"));

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scrape.contains("flowdesk_tickets_created_total"), "counters reach Prometheus");
        assertTrue(scrape.contains("flowdesk_ticket_events_total{kind=\"REOPENED\"}"), "events by kind");
        assertTrue(scrape.contains("http_server_requests_seconds_count{"), "request latencies per endpoint");
    }

    @Test
    void gaugesComeFromTheSharedDatabase() throws Exception {
        metrics.refresh();
        SystemStatus.Snapshot s = status.last();
        assertTrue(s.jobExecutorActive(), "the engine's executor runs in the test application");
        assertTrue(s.consumers().stream().anyMatch(c -> c.name().equals("metrics")), s.consumers().toString());
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scrape.contains("flowdesk_jobs_executor_active 1.0"), "executor gauge");
        assertTrue(scrape.contains("flowdesk_outbox_lag_seconds"), "outbox gauge");
        assertTrue(scrape.contains("flowdesk_jobs_deadletter"), "dead-letter gauge");
        assertTrue(scrape.contains("flowdesk_events_consumer_lag{consumer=\"metrics\"}"), "a lag per consumer");

        // a dead letter in the engine shows at the next reading
        long before = status.read().deadLetters();
        sql("insert into act_ru_deadletter_job (id_, rev_, type_, exclusive_, exception_msg_, create_time_) values "
                + "('ops-test-dl', 1, 'message', true, 'on purpose', now())");
        try {
            assertEquals(before + 1, status.read().deadLetters());
        } finally {
            sql("delete from act_ru_deadletter_job where id_ = 'ops-test-dl'");
        }
    }

    @Test
    void readinessTurnsDownWhileTheOutboxIsStuckAndBackUpAfter() throws Exception {
        status.refresh();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'flowdesk' }.data.jobExecutorActive", equalTo(true));
        // an engine event for a ticket that does not exist is never applied: the outbox is stuck
        sql("insert into engine_event (ticket_id, kind, created_at) values (-4242, 'TASK_CREATED', now() - "
                + "interval '10 minutes')");
        try {
            status.refresh();
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'flowdesk' }.status", equalTo("DOWN"));
            as("admin").header("Accept-Language", "en").get("/api/admin/system").then().statusCode(200)
                    .body("outboxPending", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        } finally {
            sql("delete from engine_event where ticket_id = -4242");
        }
        status.refresh();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theSystemApiIsForAdmins() {
        as("agent1").header("Accept-Language", "en").get("/api/admin/system").then().statusCode(403)
                .body(containsString("Only admins"));
        as("supervisor").header("Accept-Language", "zh-CN").get("/api/admin/system").then().statusCode(403)
                .body(containsString("管理员"));
        as("admin").get("/api/admin/system").then().statusCode(200).body("jobExecutorActive", equalTo(true));
        given().get("/api/admin/system").then().statusCode(401);
    }

    private static Map<String, Object> refund(String order) {
        return Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", order, "refundAmount", 20, "reason",
                "other"));
    }

    private static TicketEvent event(long ticket, String kind, String details) {
        return new TicketEvent(0, ticket, Instant.now(), kind, "agent1", null, details, false);
    }

    private double count(String name) {
        Counter c = registry.find(name).counter();
        return c == null ? 0 : c.count();
    }

    private double kind(String kind) {
        Counter c = registry.find("flowdesk.ticket.events").tag("kind", kind).counter();
        return c == null ? 0 : c.count();
    }

    private long one(String query) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(query);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long ticketId(String number) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from ticket where number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }
}
