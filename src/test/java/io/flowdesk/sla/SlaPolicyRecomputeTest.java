package io.flowdesk.sla;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.deadlines.Deadlines;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A policy edit answers before the open tickets are recomputed (ADR 0022): the save only schedules the first batch;
 * the deadline scanner then recomputes every open ticket, whose timeline names the edit, and the API says when that
 * is done.
 */
@QuarkusTest
class SlaPolicyRecomputeTest {

    @Inject
    TicketEventStream stream;

    @Inject
    Deadlines deadlines;

    @Test
    void aPolicyEditRecomputesOpenTicketsAfterTheRequestNotInIt() throws Throwable {
        SlaApiTest.clockAt("2026-03-02T02:00:00Z"); // Monday 10:00 Shanghai
        String number = createTicket("agent1", SlaApiTest.incident("P3", "someone@example.com"));
        await(() -> stream.drain("sla"));
        await(() -> deadlines.drainDue());
        long before = minutes(number);
        List<Map<String, Object>> policies = as("admin").get("/api/sla/policies").then().statusCode(200).extract()
                .path("");
        List<Map<String, Object>> edited = new ArrayList<>();
        for (Map<String, Object> p : policies) {
            Map<String, Object> copy = new HashMap<>(p);
            if ("standard".equals(p.get("key"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> targets = new HashMap<>((Map<String, Object>) p.get("targets"));
                targets.put("FIRST_RESPONSE", Map.of("minutes", before + 7, "time", "working"));
                copy.put("targets", targets);
            }
            edited.add(copy);
        }
        try {
            as("admin").body(edited).put("/api/sla/policies").then().statusCode(200);
            // answered, not recomputed yet: the recompute waits as a deadline for the scanner
            assertEquals(before, minutes(number));
            as("agent1").get("/api/sla/policies/recompute").then().statusCode(200)
                    .body("recomputing", org.hamcrest.Matchers.equalTo(true));
            as("customer1").get("/api/sla/policies/recompute").then().statusCode(403);

            // the recompute runs in batches, each a deadline of its own: on a database that other tests filled with
            // open tickets it takes more than one pass
            for (int pass = 0; pass < 30 && recomputing(); pass++) {
                await(() -> deadlines.drainDue());
            }
            assertEquals(before + 7, minutes(number));
            as("admin").get("/api/sla/policies/recompute").then().statusCode(200)
                    .body("recomputing", org.hamcrest.Matchers.equalTo(false));
            List<String> summaries = as("admin").header("Accept-Language", "en")
                    .get("/api/tickets/" + number + "/timeline").then().statusCode(200).extract().path("summary");
            assertTrue(summaries.stream().anyMatch(s -> s != null && s.contains("admin edited the SLA policies")),
                    summaries.toString());
        } finally {
            as("admin").body(policies).put("/api/sla/policies").then().statusCode(200);
            for (int pass = 0; pass < 30 && (pass == 0 || recomputing()); pass++) {
                await(() -> deadlines.drainDue());
            }
        }
        assertEquals(before, minutes(number));
    }

    private static boolean recomputing() {
        return as("admin").get("/api/sla/policies/recompute").then().statusCode(200).extract().path("recomputing");
    }

    private static long minutes(String number) {
        Map<String, Object> first = SlaApiTest.target(SlaApiTest.sla("admin", number, "en"), "FIRST_RESPONSE");
        return ((Number) first.get("targetMinutes")).longValue();
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
