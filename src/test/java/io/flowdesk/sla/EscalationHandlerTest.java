package io.flowdesk.sla;

import static io.flowdesk.testing.Api.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.testing.Tickets;
import io.flowdesk.tickets.TicketCommands;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@io.quarkus.test.junit.QuarkusTest
class EscalationHandlerTest {

    @Inject
    Deadlines deadlines;

    @Inject
    FlowClock clock;

    @Inject
    TicketCommands commands;

    @Inject
    io.flowdesk.sla.internal.CalendarWatch calendarWatch;

    @Test
    void aWarningAndABreachFireExactlyOnceAMovedOneAtItsNewTimeACancelledOneNever() throws Throwable {
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "ESC-1",
                "refundAmount", 20, "reason", "other")));
        long ticketId = longOf("select id from ticket where number = '" + number + "'");
        String department = stringOf("select candidate_group from ticket_task where ticket_id = " + ticketId
                + " and state = 'OPEN'");
        assertEquals("customer-service", department);
        await(() -> Panache.withTransaction(() -> commands.addWatcher(ticketId, "finance1", "agent1")));

        Instant now = clock.now();
        Instant due = now.plus(Duration.ofMinutes(20));
        String base = "sla:" + ticketId + ":RESOLUTION:1:";
        String warning = payload("warning", 5, due, "[{\"type\":\"notify\",\"to\":\"supervisor\"},"
                + "{\"type\":\"notify\",\"to\":\"department\"},{\"type\":\"notify\",\"to\":\"watchers\"}]");
        String breach = payload("breach", null, due, "[{\"type\":\"notify\",\"to\":\"assignee\"},"
                + "{\"type\":\"priority\",\"value\":\"raise\"},{\"type\":\"watcher\",\"user\":\"supervisor\"},"
                + "{\"type\":\"reassign\",\"department\":\"it-support\"}]");
        await(() -> Panache.withTransaction(() -> deadlines.schedule(base + "warning:5", "sla", ticketId,
                due.minus(Duration.ofMinutes(5)), warning)
                .chain(() -> deadlines.schedule(base + "breach", "sla", ticketId, due, breach))
                .chain(() -> deadlines.schedule(base + "after:30", "sla", ticketId, due.plusSeconds(1800),
                        payload("after", 30, due, "[{\"type\":\"notify\",\"to\":\"supervisor\"}]")))
                .chain(() -> deadlines.schedule("sla:" + ticketId + ":FIRST_RESPONSE:1:breach", "sla", ticketId,
                        due.minus(Duration.ofMinutes(5)), "{not json"))));

        await(() -> clock.advance(Duration.ofMinutes(16)));
        await(() -> deadlines.drainDue());
        await(() -> deadlines.drainDue());
        assertEquals(1, timeline(ticketId, "SLA_WARNING"), "one warning; the broken row beside it held nothing back");
        assertEquals(0, timeline(ticketId, "SLA_BREACHED"));
        assertEquals(1, longOf("select count(*) from sla_firing where key = '" + base + "warning:5'"));
        // supervisor is named by two actions (supervisor, department) and told once; finance1 watches
        for (String user : List.of("supervisor", "agent1", "agent2", "finance1")) {
            assertEquals(1, longOf("select count(*) from notification where username = '" + user
                    + "' and ticket_id = " + ticketId + " and kind = 'SLA_WARNING'"), user);
        }
        assertEquals(0, longOf("select count(*) from notification where username = 'warehouse1' and ticket_id = "
                + ticketId));
        String text = stringOf("select summary from ticket_event where ticket_id = " + ticketId
                + " and kind = 'SLA_WARNING'");
        assertTrue(text.contains("resolution") && text.contains("notified supervisor; notified agent1, agent2; notified finance1"), text);
        assertEquals(1, longOf("select attempts from deadline where key = 'sla:" + ticketId
                + ":FIRST_RESPONSE:1:breach'"), "the broken payload was tried and counted");

        // the breach moves 10 minutes later, the +30 level is cancelled
        Instant later = due.plus(Duration.ofMinutes(10));
        await(() -> Panache.withTransaction(() -> deadlines.schedule(base + "breach", "sla", ticketId, later,
                payload("breach", null, later, "[{\"type\":\"notify\",\"to\":\"assignee\"},"
                        + "{\"type\":\"priority\",\"value\":\"raise\"},{\"type\":\"watcher\",\"user\":\"supervisor\"},"
                        + "{\"type\":\"reassign\",\"department\":\"it-support\"}]"))
                .chain(() -> deadlines.cancel(base + "after:30"))));
        await(() -> clock.advance(Duration.ofMinutes(6)));
        await(() -> deadlines.drainDue());
        assertEquals(0, timeline(ticketId, "SLA_BREACHED"), "not at the old time");
        await(() -> clock.advance(Duration.ofMinutes(60)));
        await(() -> deadlines.drainDue());
        await(() -> deadlines.drainDue());
        assertEquals(1, timeline(ticketId, "SLA_BREACHED"));
        assertEquals(1, timeline(ticketId, "SLA_WARNING"), "still one warning");
        assertEquals(0, timeline(ticketId, "SLA_ESCALATED"), "the cancelled level never fires");
        assertEquals("P2", stringOf("select priority from ticket where id = " + ticketId));
        assertEquals("it-support", stringOf("select candidate_group from ticket_task where ticket_id = " + ticketId
                + " and state = 'OPEN'"));
        assertEquals(1, longOf("select count(*) from ticket_watcher where ticket_id = " + ticketId
                + " and username = 'supervisor'"));
        assertEquals(2, longOf("select count(*) from sla_firing where ticket_id = " + ticketId));
        String actions = stringOf("select actions_json from sla_firing where key = '" + base + "breach'");
        assertTrue(actions.contains("\"to\":\"P2\"") && actions.contains("it-support"), actions);
        assertEquals(later.truncatedTo(java.time.temporal.ChronoUnit.MICROS), Instant.parse(stringOf("select to_char(target_due_at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from sla_firing where key = '" + base + "breach'")));
    }

    @Test
    void aWorkingHoursLevelDueOnASaturdayWaitsForMondayMorning() throws Throwable {
        Instant saturdayNoon = Instant.parse("2026-12-05T04:00:00Z"); // 12:00 in Shanghai
        // the ticket is created then too: its own SLA (counted in working time from Monday) must not fall due here,
        // whatever the clock an earlier test left behind
        await(() -> clock.set(saturdayNoon));
        // a calendar edited by an earlier test recomputes every open ticket's deadlines: let it finish first, or it
        // replaces the deadline scheduled below
        calendarWatch.checkNow();
        String number = createTicket("agent1", Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "ESC-2",
                "refundAmount", 20, "reason", "other")));
        long ticketId = longOf("select id from ticket where number = '" + number + "'");
        String key = "sla:" + ticketId + ":RESOLUTION:1:breach";
        String payload = "{\"target\":\"RESOLUTION\",\"cycle\":1,\"level\":\"breach\",\"calendar\":\"cn-standard\","
                + "\"workingHoursOnly\":true,\"dueAt\":\"2026-12-05T03:00:00Z\","
                + "\"actions\":[{\"type\":\"notify\",\"to\":\"supervisor\"}]}";
        await(() -> Panache.withTransaction(() -> deadlines.schedule(key, "sla", ticketId,
                Instant.parse("2026-12-05T03:00:00Z"), payload)));
        await(() -> deadlines.drainDue());
        assertEquals(0, timeline(ticketId, "SLA_BREACHED"), "no escalation at the weekend");
        assertEquals("2026-12-07T01:00:00Z", stringOf("select to_char(due_at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from deadline where key = '" + key + "' and fired_at is null"),
                "moved to Monday 09:00 Shanghai");
        await(() -> clock.set(Instant.parse("2026-12-07T01:00:30Z")));
        await(() -> deadlines.drainDue());
        assertEquals(1, timeline(ticketId, "SLA_BREACHED"));
        assertEquals(1, longOf("select count(*) from notification where username = 'supervisor' and ticket_id = "
                + ticketId + " and kind = 'SLA_BREACHED'"));
    }

    private static String payload(String level, Integer minutes, Instant due, String actions) {
        return "{\"target\":\"RESOLUTION\",\"taskId\":null,\"step\":null,\"cycle\":1,\"level\":\"" + level
                + "\",\"minutes\":" + minutes + ",\"calendar\":\"24x7\",\"workingHoursOnly\":false,\"dueAt\":\""
                + due + "\",\"actions\":" + actions + "}";
    }

    private static long timeline(long ticketId, String kind) throws Throwable {
        return longOf("select count(*) from ticket_event where ticket_id = " + ticketId + " and kind = '" + kind
                + "'");
    }

    static long longOf(String sql) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql,
                Object.class).getSingleResult().map(v -> ((Number) v).longValue()))));
    }

    static String stringOf(String sql) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql,
                Object.class).getSingleResult().map(String::valueOf))));
    }

    static <T> T await(java.util.function.Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
