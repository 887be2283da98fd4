package io.flowdesk.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.shared.FlowClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

@io.quarkus.test.junit.QuarkusTest
class DeadlinesTest {

    /**
     * Writes every key it fires into a table through the firing transaction (what a real handler does, so a
     * rolled-back call leaves nothing); fails the keys in {@link #failing}.
     */
    @jakarta.inject.Singleton
    static class Recorder implements DeadlineHandler {
        final Set<String> failing = ConcurrentHashMap.newKeySet();

        @Inject
        Deadlines replacer;

        @Override
        public String owner() {
            return "test-recorder";
        }

        @Override
        public Uni<Void> fire(Deadline deadline) {
            if (failing.contains(deadline.key())) {
                return Uni.createFrom().failure(new IllegalStateException("on purpose: " + deadline.key()));
            }
            if (deadline.key().endsWith(":replacer")) {
                // what a policy recompute does: the ticket's pending rows go and new ones (new ids) come
                String prefix = deadline.key().substring(0, deadline.key().length() - "replacer".length());
                return Panache.getSession().chain(s -> s.createNativeQuery("insert into test_fired (entry) values (?1)")
                        .setParameter(1, deadline.key() + "@" + deadline.payloadJson()).executeUpdate())
                        .chain(() -> replacer.replace(deadline.ticketId(), "test-recorder", List.of(prefix + "lvl"),
                                List.of(new Deadlines.Due(prefix + "lvl", deadline.dueAt(), "{\"v\":2}"))));
            }
            return Panache.getSession().chain(s -> s.createNativeQuery("insert into test_fired (entry) values (?1)")
                    .setParameter(1, deadline.key() + "@" + deadline.payloadJson()).executeUpdate()).replaceWithVoid();
        }
    }

    @Inject
    Deadlines deadlines;

    @Inject
    FlowClock clock;

    @Inject
    Recorder recorder;

    @Test
    void eachDeadlineFiresOnceAtItsLatestTimeAndACancelledOneNever() throws Throwable {
        Instant now = clock.now();
        String p = "t1:" + now.toEpochMilli() + ":";
        await(() -> Panache.withTransaction(() -> deadlines.schedule(p + "a", "test-recorder", 1, now.plusSeconds(600),
                "{\"v\":1}")
                .chain(() -> deadlines.schedule(p + "moved", "test-recorder", 1, now.plusSeconds(600), "{\"v\":1}"))
                .chain(() -> deadlines.schedule(p + "moved", "test-recorder", 1, now.plusSeconds(1800), "{\"v\":2}"))
                .chain(() -> deadlines.schedule(p + "gone", "test-recorder", 1, now.plusSeconds(600), null))
                .chain(() -> deadlines.schedule(p + "gone:x", "test-recorder", 1, now.plusSeconds(600), null))
                .chain(() -> deadlines.cancel(p + "gone"))
                .chain(() -> deadlines.cancelPrefix(p + "gone:"))));
        await(() -> deadlines.drainDue());
        assertEquals(List.of(), mine(p), "nothing is due yet");

        await(() -> clock.advance(Duration.ofMinutes(11)));
        await(() -> deadlines.drainDue());
        assertEquals(List.of(p + "a@{\"v\":1}"), mine(p));

        // a fired key is left alone when scheduled again
        await(() -> Panache.withTransaction(() -> deadlines.schedule(p + "a", "test-recorder", 1, now.plusSeconds(60),
                "{\"v\":9}")));
        await(() -> clock.advance(Duration.ofMinutes(20)));
        await(() -> deadlines.drainDue());
        await(() -> deadlines.drainDue());
        assertEquals(List.of(p + "a@{\"v\":1}", p + "moved@{\"v\":2}"), mine(p), "moved fires at its new time, once");
        assertEquals(0L, (long) count("select count(*) from deadline where key like '" + p + "gone%'"));
    }

    @Test
    void aRowAnEarlierHandlerOfTheBatchReplacedFiresOnceAsItsNewRow() throws Throwable {
        Instant now = clock.now();
        String p = "t3:" + now.toEpochMilli() + ":";
        await(() -> Panache.withTransaction(() -> deadlines.schedule(p + "replacer", "test-recorder", 7,
                now.plusSeconds(50), null)
                .chain(() -> deadlines.schedule(p + "lvl", "test-recorder", 7, now.plusSeconds(55), "{\"v\":1}"))));
        await(() -> clock.advance(Duration.ofMinutes(2)));
        await(() -> deadlines.drainDue());
        await(() -> deadlines.drainDue());
        assertEquals(List.of(p + "replacer@null", p + "lvl@{\"v\":2}"), mine(p),
                "the replaced row does not fire from memory; its new row fires once");
    }

    @Test
    void aFailingRowDoesNotHoldBackTheOthersAndIsTriedAgainLater() throws Throwable {
        Instant now = clock.now();
        String p = "t2:" + now.toEpochMilli() + ":";
        recorder.failing.add(p + "bad");
        await(() -> Panache.withTransaction(() -> deadlines.schedule(p + "1", "test-recorder", 1, now.plusSeconds(60),
                null)
                .chain(() -> deadlines.schedule(p + "bad", "test-recorder", 1, now.plusSeconds(60), null))
                .chain(() -> deadlines.schedule(p + "2", "test-recorder", 1, now.plusSeconds(60), null))
                .chain(() -> deadlines.schedule(p + "orphan", "nobody", 1, now.plusSeconds(60), null))));
        await(() -> clock.advance(Duration.ofMinutes(2)));
        await(() -> deadlines.drainDue());
        assertEquals(List.of(p + "1@null", p + "2@null"), mine(p).stream().sorted().toList());
        assertEquals(1L, (long) count("select attempts from deadline where key = '" + p + "bad' and fired_at is null"));
        String reason = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select last_error from deadline where key = ?1", String.class).setParameter(1, p + "bad")
                .getSingleResult())));
        assertTrue(reason.contains("on purpose"), reason);
        assertEquals(1L, (long) count("select attempts from deadline where key = '" + p + "orphan'"));

        recorder.failing.remove(p + "bad");
        await(() -> deadlines.drainDue());
        assertFalse(mine(p).contains(p + "bad@null"), "not before its retry time");
        await(() -> clock.advance(Duration.ofMinutes(2)));
        await(() -> deadlines.drainDue());
        assertEquals(1, mine(p).stream().filter(k -> k.equals(p + "bad@null")).count());
        assertEquals(3, mine(p).size(), "none twice");
    }

    private static List<String> mine(String prefix) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select entry from test_fired where entry like ?1 order by id", String.class).setParameter(1,
                        prefix + "%").getResultList())));
    }

    @org.junit.jupiter.api.BeforeEach
    void table() throws Throwable {
        await(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "create table if not exists test_fired (id bigserial primary key, entry text not null)")
                .executeUpdate())));
    }

    private static Long count(String sql) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql,
                Object.class).getSingleResult().map(v -> ((Number) v).longValue()))));
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
