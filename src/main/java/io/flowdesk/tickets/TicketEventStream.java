package io.flowdesk.tickets;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the ticket event stream to every {@link TicketEventConsumer}, on every node, each consumer after its own
 * cursor ({@code event_cursor}, locked {@code FOR UPDATE SKIP LOCKED} so one node at a time moves it).
 *
 * <p>Ids come from a sequence, so a transaction that started earlier may commit a lower id after a higher one is
 * already visible. The stream therefore stops in front of a hole and waits for it to fill; a hole still open after
 * {@code flowdesk.events.hole-wait} is a rolled-back id and is passed (ADR 0015).
 */
@ApplicationScoped
public class TicketEventStream {

    private static final Logger LOG = Logger.getLogger(TicketEventStream.class);

    @Inject
    @Any
    Instance<TicketEventConsumer> consumers;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "flowdesk.events.poll", defaultValue = "PT0.5S")
    Duration poll;

    @ConfigProperty(name = "flowdesk.events.hole-wait", defaultValue = "PT10S")
    Duration holeWait;

    @ConfigProperty(name = "flowdesk.events.enabled", defaultValue = "true")
    boolean enabled;

    /** First time a hole (the id expected next) was seen, per consumer; node-local, a restart only waits again. */
    private final Map<String, long[]> holes = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        if (enabled && !consumers.isUnsatisfied()) {
            timer = vertx.setPeriodic(poll.toMillis(), id -> {
                for (TicketEventConsumer consumer : consumers) {
                    AtomicBoolean busy = running.computeIfAbsent(consumer.name(), n -> new AtomicBoolean());
                    if (busy.compareAndSet(false, true)) {
                        // a timer runs on the root context; Hibernate Reactive needs a duplicated one per drain
                        io.vertx.core.Context context = io.smallrye.common.vertx.VertxContext
                                .createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
                        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
                        context.runOnContext(ignored -> {
                                    try {
                                        drain(consumer).subscribe().with(count -> busy.set(false), failure -> {
                                            busy.set(false);
                                            LOG.warnf(failure, "event consumer %s failed; the batch will be "
                                                    + "delivered again", consumer.name());
                                        });
                                    } catch (RuntimeException failure) {
                                        busy.set(false);
                                        LOG.warnf(failure, "event consumer %s could not start", consumer.name());
                                    }
                                });
                    }
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Delivers everything after the consumer's cursor now, batch after batch; answers how many events it handed. */
    public Uni<Integer> drain(TicketEventConsumer consumer) {
        return batch(consumer).chain(result -> !result.more() ? Uni.createFrom().item(result.count())
                : drain(consumer).map(more -> more + result.count()));
    }

    /** Drains and, where it stopped at a hole in the ids, waits the hole out and goes on (explicit catch-up only). */
    private Uni<Integer> drainPatiently(TicketEventConsumer consumer, int holesLeft) {
        return batch(consumer).chain(result -> {
            if (result.more()) {
                return drainPatiently(consumer, holesLeft).map(more -> more + result.count());
            }
            if (result.blocked() && holesLeft > 0) {
                return Uni.createFrom().voidItem().onItem().delayIt().by(holeWait.plusMillis(50))
                        .chain(() -> drainPatiently(consumer, holesLeft - 1)).map(more -> more + result.count());
            }
            return Uni.createFrom().item(result.count());
        });
    }

    /** {@code blocked}: it stopped before a hole in the ids that may still be filled by a transaction in flight. */
    private record Batch(int count, boolean more, boolean blocked) {
        static final Batch NONE = new Batch(0, false, false);
    }

    /** Drains the named consumer (tests, admin "catch up"). */
    public Uni<Integer> drain(String name) {
        for (TicketEventConsumer consumer : consumers) {
            if (consumer.name().equals(name)) {
                // a batch that lost an optimistic-lock race with a person's edit is simply delivered again
                // the caller knows its writes are committed: a hole left by a rolled-back transaction is waited out
                return drainPatiently(consumer, 3).onFailure().retry().withBackOff(java.time.Duration.ofMillis(50))
                        .atMost(3);
            }
        }
        return Uni.createFrom().failure(new IllegalArgumentException("no event consumer " + name));
    }

    /** The cursor of a consumer (0 when it has none yet). */
    public Uni<Long> position(String name) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select position from event_cursor where consumer = ?1", Long.class)
                .setParameter(1, name).getResultList()))
                .map(rows -> rows.isEmpty() ? 0L : rows.get(0));
    }

    private Uni<Batch> batch(TicketEventConsumer consumer) {
        String name = consumer.name();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("insert into event_cursor (consumer, position) values (?1, 0) on conflict do nothing")
                .setParameter(1, name).executeUpdate()
                .chain(() -> session.createNativeQuery(
                        "select position from event_cursor where consumer = ?1 for update skip locked", Long.class)
                        .setParameter(1, name).getResultList())
                .chain(locked -> {
                    if (locked.isEmpty()) {
                        return Uni.createFrom().item(Batch.NONE); // another node holds it
                    }
                    long position = locked.get(0);
                    return session.createNativeQuery("select e.id, e.ticket_id, e.at, e.kind, e.actor, e.task_id, "
                            + "e.details_json, e.internal from ticket_event e where e.id > ?1 order by e.id limit ?2",
                            Object[].class)
                            .setParameter(1, position).setParameter(2, consumer.batchSize()).getResultList()
                            .chain(rows -> {
                                List<TicketEvent> events = contiguous(name, position, rows);
                                boolean blocked = events.size() < rows.size();
                                if (events.isEmpty()) {
                                    return Uni.createFrom().item(blocked ? new Batch(0, false, true) : Batch.NONE);
                                }
                                long last = events.get(events.size() - 1).id();
                                return consumer.handle(events)
                                        .chain(() -> session.createNativeQuery("update event_cursor set position = ?1, "
                                                + "updated_at = now() where consumer = ?2")
                                                .setParameter(1, last).setParameter(2, name).executeUpdate())
                                        .map(ignored -> new Batch(events.size(),
                                                events.size() == consumer.batchSize(), blocked));
                            });
                })));
    }

    /** The events up to the first hole that is still young enough to fill. */
    private List<TicketEvent> contiguous(String consumer, long position, List<Object[]> rows) {
        List<TicketEvent> events = new ArrayList<>(rows.size());
        long expected = position + 1;
        long nowMillis = System.nanoTime() / 1_000_000;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            if (id != expected) {
                long[] hole = holes.get(consumer);
                if (hole == null || hole[0] != expected) {
                    holes.put(consumer, new long[] {expected, nowMillis});
                    break;
                }
                if (nowMillis - hole[1] < holeWait.toMillis()) {
                    break;
                }
                holes.remove(consumer);
            }
            events.add(new TicketEvent(id, ((Number) row[1]).longValue(), instant(row[2]), (String) row[3],
                    (String) row[4], (String) row[5], (String) row[6], Boolean.TRUE.equals(row[7])));
            expected = id + 1;
        }
        return events;
    }

    private static Instant instant(Object value) {
        return io.flowdesk.shared.SqlTime.instant(value);
    }
}
