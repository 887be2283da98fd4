package io.flowdesk.automation;

import static io.flowdesk.automation.Rules.act;
import static io.flowdesk.automation.Rules.await;
import static io.flowdesk.automation.Rules.drain;
import static io.flowdesk.automation.Rules.incident;
import static io.flowdesk.automation.Rules.rule;
import static io.flowdesk.automation.Rules.trigger;
import static io.flowdesk.automation.Rules.when;
import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Due-to-fired latency of time-based rules with the scanner's own cadence (a pass every 250 ms, as
 * {@code flowdesk.deadlines.poll}); the clock runs at real pace. Figures are printed, not asserted.
 */
@QuarkusTest
class TimeRuleLatencyTest {

    @Inject
    TicketEventStream stream;

    @Inject
    Deadlines deadlines;

    @Test
    void timeRulesFireWithinAPollOfTheirMinute() throws Throwable {
        drain(stream);
        String t = "lat" + System.nanoTime();
        Map<String, Object> trig = trigger("TIME", "since", "CREATED");
        trig.put("minutes", 1);
        Rules.create(rule(t, trig, List.of(when("title", "contains", t)), List.of(), List.of(act("addTag", "value",
                "late"))));
        int n = 30;
        for (int i = 0; i < n; i++) {
            createTicket("agent1", incident(t + " " + i, "P3"));
        }
        drain(stream);
        String prefix = "automation:" + t + ":%";
        OffsetDateTime first = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select min(due_at) from deadline where key like ?1", OffsetDateTime.class)
                .setParameter(1, prefix).getSingleResult())));
        as("admin").body(Map.of("set", first.toInstant().minusSeconds(2).toString())).post("/api/clock").then()
                .statusCode(200);
        long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        long fired = 0;
        while (fired < n && System.nanoTime() < end) {
            await(() -> deadlines.drainDue());
            Thread.sleep(250);
            fired = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                    "select count(*) from deadline where key like ?1 and fired_at is not null", Long.class)
                    .setParameter(1, prefix).getSingleResult())));
        }
        List<Double> ms = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select extract(epoch from (fired_at - due_at)) * 1000 from deadline where key like ?1 and fired_at "
                        + "is not null order by 1", Double.class).setParameter(1, prefix).getResultList())));
        System.out.printf("time-based rule latency due→fired over %d deadlines: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                ms.size(), ms.get(ms.size() / 2), ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.99) - 1)),
                ms.get(ms.size() - 1));
        assertEquals(n, ms.size(), "every time rule fired");
        Rules.disable(t);
    }
}
