package io.flowdesk.tickets;

import static io.flowdesk.testing.Api.as;
import static io.flowdesk.testing.Api.createTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.Tickets;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@io.quarkus.test.junit.QuarkusTest
class TicketEventStreamTest {

    /** Records what it is handed; fails a batch on demand (its cursor must then stay where it was). */
    @jakarta.inject.Singleton // no client proxy: the test reads its fields
    static class Recorder implements TicketEventConsumer {
        final List<TicketEvent> seen = new CopyOnWriteArrayList<>();
        volatile boolean fail;

        @Override
        public String name() {
            return "test-recorder";
        }

        @Override
        public Uni<Void> handle(List<TicketEvent> events) {
            if (fail) {
                return Uni.createFrom().failure(new IllegalStateException("on purpose"));
            }
            seen.addAll(events);
            return Uni.createFrom().voidItem();
        }

        @Override
        public int batchSize() {
            return 3;
        }
    }

    @Inject
    TicketEventStream stream;

    @Inject
    Recorder recorder;

    static Map<String, Object> refund() {
        return Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "EV-1", "refundAmount", 20, "reason", "other"));
    }

    @Test
    void everyEventIsHandedOnceInOrderAndAFailedBatchIsHandedAgain() throws Throwable {
        String number = createTicket("agent1", refund());
        as("agent1").body(Map.of("text", "公开回复", "internal", false))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        long ticketId = ticketId(number);
        long maxId = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select max(id) from ticket_event", Long.class).getSingleResult())));
        // earlier tests may have left holes (rolled-back ids): the stream waits in front of each up to hole-wait
        long position = 0;
        for (int attempt = 0; attempt < 50 && position < maxId; attempt++) {
            await(() -> stream.drain(recorder));
            position = await(() -> stream.position("test-recorder"));
            if (position < maxId) {
                Thread.sleep(200);
            }
        }
        // other tests' background work (mail import, rules, timers) may append while this runs: at least the end as read
        assertTrue(position >= maxId, "the cursor reaches the end of the stream: " + position + " < " + maxId);

        List<Long> ids = recorder.seen.stream().map(TicketEvent::id).toList();
        assertEquals(ids.stream().distinct().sorted().toList(), ids, "in order, none twice");
        List<TicketEvent> mine = recorder.seen.stream().filter(e -> e.ticketId() == ticketId).toList();
        assertTrue(mine.stream().anyMatch(e -> e.kind().equals("CREATED")), "CREATED of " + number);
        TicketEvent reply = mine.stream().filter(e -> e.kind().equals("REPLY")).findFirst().orElseThrow();
        assertEquals("staff", reply.details().path("authorKind").asText());
        assertEquals("agent1", reply.actor());

        // a failing consumer keeps its cursor; the same events come again once it recovers
        as("agent1").body(Map.of("text", "第二条", "internal", true))
                .post("/api/tickets/" + number + "/comments").then().statusCode(201);
        recorder.fail = true;
        int before = recorder.seen.size();
        try {
            await(() -> stream.drain(recorder));
        } catch (IllegalStateException expected) {
            // on purpose
        }
        assertEquals(position, (long) await(() -> stream.position("test-recorder")));
        recorder.fail = false;
        await(() -> stream.drain(recorder));
        List<TicketEvent> after = new ArrayList<>(recorder.seen.subList(before, recorder.seen.size()));
        assertTrue(after.stream().anyMatch(e -> e.kind().equals("NOTE") && e.ticketId() == ticketId));
        java.util.Set<Long> handed = new java.util.HashSet<>(recorder.seen.stream().map(TicketEvent::id).toList());
        int size = recorder.seen.size();
        await(() -> stream.drain(recorder));
        // a further drain hands only events appended since (background work of other tests), never one again
        assertTrue(recorder.seen.subList(size, recorder.seen.size()).stream().noneMatch(e -> handed.contains(e.id())),
                "nothing is handed twice");
    }

    private static long ticketId(String number) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select id from ticket where number = ?1", Long.class).setParameter(1, number)
                .getSingleResult())));
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
