package io.flowdesk.deadlines;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Sessions;
import io.flowdesk.shared.TicketClock;
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
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fires due deadlines on every node (ADR 0018). Each pass takes up to {@code batch} due rows {@code FOR UPDATE SKIP
 * LOCKED} (so two nodes never take the same row), calls each owner's handler in that one transaction and marks the
 * rows fired in it: the handlers' effects and {@code fired_at} commit together or not at all, which is what makes a
 * deadline fire exactly once across a kill -9 and across nodes.
 *
 * <p>One handler failing rolls the whole batch back; its rows are then fired one transaction each, so the failing
 * row alone is held back: it gets {@code attempts + 1}, its reason in {@code last_error} and a later {@code retry_at},
 * and after {@code max-attempts} failures it is left for a person (logged as an error). The happy path thus pays one
 * transaction per batch, not per row.
 */
@ApplicationScoped
public class DeadlineScanner {

    private static final Logger LOG = Logger.getLogger(DeadlineScanner.class);

    @Inject
    @Any
    Instance<DeadlineHandler> handlers;

    @Inject
    FlowClock clock;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "flowdesk.deadlines.poll", defaultValue = "PT0.25S")
    Duration poll;

    @ConfigProperty(name = "flowdesk.deadlines.batch", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "flowdesk.deadlines.max-attempts", defaultValue = "5")
    int maxAttempts;

    @ConfigProperty(name = "flowdesk.deadlines.retry-delay", defaultValue = "PT1M")
    Duration retryDelay;

    @ConfigProperty(name = "flowdesk.deadlines.workers", defaultValue = "2")
    int workers;

    @ConfigProperty(name = "flowdesk.deadlines.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "flowdesk.deadlines.node")
    Optional<String> configuredNode;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;

    /**
     * Due by the ticket's own clock (ADR 0048): the shared now ({@code ?1}) for every real ticket, plus the offset of a
     * test ticket that runs on a virtual clock. The first branch keeps the range scan on {@code deadline_due}; the
     * second adds the (few) rows of tickets with a test clock.
     */
    private static final String DUE = "and (due_at <= ?1 or ticket_id in (select ticket_id from test_clock)) "
            + "and due_at <= " + TicketClock.virtualNowSql("deadline", "?1");

    private AtomicBoolean[] busy = new AtomicBoolean[0];
    private final Map<String, DeadlineHandler> byOwner = new HashMap<>();
    private String node;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        for (DeadlineHandler handler : handlers) {
            byOwner.put(handler.owner(), handler);
        }
        node = configuredNode.filter(n -> !n.isBlank()).orElseGet(this::hostAndPort);
        if (enabled) {
            int lanes = Math.max(1, workers);
            busy = new AtomicBoolean[lanes];
            for (int lane = 0; lane < lanes; lane++) {
                busy[lane] = new AtomicBoolean();
            }
            timer = vertx.setPeriodic(poll.toMillis(), id -> {
                for (int lane = 0; lane < lanes; lane++) {
                    startLane(lane, lanes);
                }
            });
        }
    }

    /**
     * One background drain per lane unless that lane is still draining: lane {@code i} of {@code n} fires the rows of
     * tickets with {@code ticket_id % n = i}, so the lanes of one node never wait on each other's ticket rows, and one
     * ticket's deadlines still fire in due order. A lane keeps taking batches without pausing while they come full.
     */
    private void startLane(int lane, int lanes) {
        AtomicBoolean flag = busy[lane];
        if (!flag.compareAndSet(false, true)) {
            return;
        }
        try {
            // a timer runs on the root context; Panache needs a (safe) duplicated one of its own
            // each lane on its own event loop (round robin), so two lanes use two cores
            io.vertx.core.Context context = io.smallrye.common.vertx.VertxContext
                    .createNewDuplicatedContext(Sessions.nextEventLoop(vertx.getDelegate()));
            io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().deferred(() -> drain(new Lane(lane, lanes))).subscribe()
                    .with(count -> flag.set(false), failure -> {
                        flag.set(false);
                        LOG.warnf(failure, "deadline scan failed; due deadlines are taken again on the next pass");
                    }));
        } catch (RuntimeException e) {
            flag.set(false);
            LOG.warnf(e, "deadline scan did not start");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Which node fires (recorded in {@code deadline.fired_by}): {@code flowdesk.deadlines.node} or host:port. */
    public String node() {
        return node != null ? node : hostAndPort();
    }

    /** Fires everything due now, batch after batch; answers how many fired (on this node). */
    public Uni<Integer> drainDue() {
        return drain(Lane.ALL);
    }

    private Uni<Integer> drain(Lane lane) {
        return pass(lane).chain(result -> !result.more() ? Uni.createFrom().item(result.fired())
                : drain(lane).map(more -> more + result.fired()));
    }

    /** Which tickets' rows a pass takes: {@code ticket_id % of = index}; {@link #ALL} takes every row. */
    private record Lane(int index, int of) {
        static final Lane ALL = new Lane(0, 1);
    }

    /** Waits until no deadline is due any more (other passes may hold some, locked); drains what is left. */
    Uni<Void> settle(long untilNanos) {
        Instant now = clock.now();
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select count(*) from deadline where fired_at is null " + DUE + " and attempts < ?2 "
                        + "and (retry_at is null or retry_at <= ?1)", Long.class)
                .setParameter(1, Deadlines.utc(now)).setParameter(2, maxAttempts).getSingleResult()))
                .chain(left -> {
                    if (left == 0 || System.nanoTime() > untilNanos) {
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(50))
                            .chain(this::drainDue).chain(() -> settle(untilNanos));
                });
    }

    private record Pass(int fired, boolean more) {
    }

    private record Row(Deadline deadline, int attempts) {
    }

    private Uni<Pass> pass(Lane lane) {
        Instant now = clock.now();
        List<Long> taken = new ArrayList<>();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select id, key, owner, ticket_id, due_at, payload_json, attempts from deadline where fired_at is null "
                        + DUE + " and attempts < ?2 and (retry_at is null or retry_at <= ?1) "
                        + "and mod(ticket_id, ?4) = ?5 order by due_at, id limit ?3 for update skip locked",
                        Object[].class)
                .setParameter(1, Deadlines.utc(now)).setParameter(2, maxAttempts).setParameter(3, batchSize)
                .setParameter(4, (long) lane.of()).setParameter(5, (long) lane.index())
                .getResultList()
                .chain(result -> {
                    List<Row> rows = result.stream().map(DeadlineScanner::row).toList();
                    rows.forEach(r -> taken.add(r.deadline().id()));
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return fireAll(rows, 0).chain(() -> markFired(taken, now));
                })))
                .map(fired -> new Pass(fired, taken.size() == batchSize))
                .onFailure().recoverWithUni(failure -> {
                    if (taken.isEmpty()) {
                        return Uni.createFrom().failure(failure);
                    }
                    LOG.debugf("a batch of %d deadlines failed (%s); firing them one by one", taken.size(),
                            failure.getMessage());
                    return oneByOne(taken, 0, now).map(fired -> new Pass(fired, taken.size() == batchSize));
                });
    }

    private Uni<Void> fireAll(List<Row> rows, int index) {
        if (index == rows.size()) {
            return Uni.createFrom().voidItem();
        }
        // each row's writes are flushed and the session emptied before the next: a native query auto-flushes, and
        // dirty-checking everything the batch loaded so far made each row dearer than the last (ADR 0023)
        Deadline deadline = rows.get(index).deadline();
        Uni<Boolean> stillThere = index == 0 ? Uni.createFrom().item(true) : stillPending(deadline.id());
        return stillThere.chain(pending -> pending ? fire(deadline).chain(Sessions::flushAndClear)
                : Uni.createFrom().voidItem()).chain(() -> fireAll(rows, index + 1));
    }

    /**
     * Whether a row taken by this batch is still there and unfired. Other nodes cannot touch it (it is locked), but an
     * earlier handler of the same batch can: a policy recompute deletes a ticket's pending rows and writes new ones.
     * The deleted row must not fire from memory, or the ticket's new row fires the same level a second time.
     */
    private Uni<Boolean> stillPending(long id) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select count(*) from deadline where id"
                + " = ?1 and fired_at is null", Long.class).setParameter(1, id).getSingleResult()).map(n -> n > 0);
    }

    private Uni<Void> fire(Deadline deadline) {
        DeadlineHandler handler = byOwner.get(deadline.owner());
        if (handler == null) {
            return Uni.createFrom().failure(new IllegalStateException("no deadline handler for owner "
                    + deadline.owner()));
        }
        return Uni.createFrom().deferred(() -> handler.fire(deadline));
    }

    /** Marks fired what is still due: a handler that moved its own deadline later (postponed it) is not marked. */
    private Uni<Integer> markFired(List<Long> ids, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("update deadline set fired_at = ?1, "
                + "fired_by = ?2 where id in (?3) and fired_at is null and due_at <= "
                + TicketClock.virtualNowSql("deadline", "?4"))
                .setParameter(1, FlowClock.offsetNow()).setParameter(2, node()).setParameter(3, ids)
                .setParameter(4, Deadlines.utc(now)).executeUpdate());
    }

    private Uni<Integer> oneByOne(List<Long> ids, int index, Instant now) {
        if (index == ids.size()) {
            return Uni.createFrom().item(0);
        }
        long id = ids.get(index);
        return single(id, now).chain(fired -> oneByOne(ids, index + 1, now).map(rest -> rest + fired));
    }

    private Uni<Integer> single(long id, Instant now) {
        List<Row> taken = new ArrayList<>(1);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "select id, key, owner, ticket_id, due_at, payload_json, attempts from deadline where id = ?1 "
                        + "and fired_at is null and due_at <= " + TicketClock.virtualNowSql("deadline", "?2")
                        + " and attempts < ?3 "
                        + "and (retry_at is null or retry_at <= ?2) for update skip locked", Object[].class)
                .setParameter(1, id).setParameter(2, Deadlines.utc(now)).setParameter(3, maxAttempts)
                .getResultList()
                .chain(result -> {
                    if (result.isEmpty()) {
                        return Uni.createFrom().item(0); // fired meanwhile, moved, or taken by another node
                    }
                    Row row = row(result.get(0));
                    taken.add(row);
                    return fire(row.deadline()).chain(() -> markFired(List.of(id), now));
                })))
                .onFailure().recoverWithUni(failure -> taken.isEmpty() ? Uni.createFrom().failure(failure)
                        : failed(taken.get(0), failure, now).replaceWith(0));
    }

    private Uni<Void> failed(Row row, Throwable failure, Instant now) {
        int attempts = row.attempts() + 1;
        String reason = reason(failure);
        Deadline d = row.deadline();
        if (attempts >= maxAttempts) {
            LOG.errorf(failure, "deadline %s (owner %s, ticket %d) failed %d times and is given up: %s", d.key(),
                    d.owner(), d.ticketId(), attempts, reason);
        } else {
            LOG.warnf("deadline %s (owner %s, ticket %d) failed (attempt %d of %d), tried again later: %s", d.key(),
                    d.owner(), d.ticketId(), attempts, maxAttempts, reason);
        }
        OffsetDateTime retryAt = Deadlines.utc(now.plus(retryDelay.multipliedBy(attempts)));
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "update deadline set attempts = attempts + 1, last_error = ?1, retry_at = ?2 where id = ?3 "
                        + "and fired_at is null")
                .setParameter(1, reason).setParameter(2, retryAt).setParameter(3, d.id()).executeUpdate()))
                .replaceWithVoid();
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static Row row(Object[] r) {
        return new Row(new Deadline(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), instant(r[4]), (String) r[5]), ((Number) r[6]).intValue());
    }

    static Instant instant(Object value) {
        return io.flowdesk.shared.SqlTime.instant(value);
    }

    private String hostAndPort() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + ":" + httpPort;
    }
}
