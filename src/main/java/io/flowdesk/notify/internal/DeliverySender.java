package io.flowdesk.notify.internal;


import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sends deliveries on every node (ADR 0024). A pass (1) ends deliveries that a crash left 'sending' past the lease,
 * (2) takes due rows {@code FOR UPDATE SKIP LOCKED}, plans robot messages within each robot's rate (merging the
 * excess into one digest) and commits them as 'sending', then (3) sends each message outside any transaction and
 * records the outcome: sent, retry with exponential backoff, or failed after {@code max-attempts}. Because
 * 'sending' is committed before a message leaves, a crash between sending and recording never sends it again by
 * itself (except webhooks, whose receivers dedupe by the delivery id the message carries).
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);
    static final String INTERRUPTED = "interrupted between sending and recording: not sent again, so that nobody "
            + "is notified twice (replay to send it again)";
    static final String INTERRUPTED_WEBHOOK = "interrupted between sending and recording: sent again with the same "
            + "delivery id (receivers dedupe by X-FlowDesk-Delivery)";

    @Inject
    NotifySettings config;

    @Inject
    FlowClock clock;

    @Inject
    @Any
    Instance<DeliveryChannel> channelBeans;

    private final Map<String, DeliveryChannel> channels = new HashMap<>();
    private ScheduledExecutorService executor;
    private String node;

    void start(@Observes StartupEvent event) {
        channelBeans.forEach(c -> channels.put(c.id(), c));
        node = hostAndPort();
        if (config.enabled()) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "flowdesk-notify-sender");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(50, config.poll().toMillis());
            executor.scheduleWithFixedDelay(() -> {
                try {
                    drain();
                } catch (Throwable e) {
                    LOG.warnf(e, "notification pass failed; due deliveries are taken again on the next pass");
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Runs passes until one finds nothing due; answers how many deliveries got an outcome. Blocking. */
    public int drain() {
        int total = 0;
        while (true) {
            int done = pass();
            total += done;
            if (done == 0) {
                return total;
            }
        }
    }

    /** One pass; answers how many deliveries reached an outcome (sent, retry, failed, suppressed). */
    public int pass() {
        Instant now = clock.now();
        int recovered = await(() -> Panache.withTransaction(() -> recoverStale(now)));
        List<Outgoing> messages = await(() -> Panache.withTransaction(() -> claim(now)));
        int done = recovered;
        for (Outgoing message : messages) {
            done += message.all().size();
            deliver(message);
        }
        return done;
    }

    private void deliver(Outgoing message) {
        DeliveryChannel channel = channels.get(message.channel());
        String status;
        String reason = null;
        try {
            if (channel == null) {
                throw new DeliveryChannel.Permanent("no channel " + message.channel());
            }
            channel.send(message);
            status = DeliveryStore.SENT;
            pauseAfterSend(message);
        } catch (DeliveryChannel.Suppressed e) {
            status = DeliveryStore.SUPPRESSED;
            reason = e.getMessage();
        } catch (DeliveryChannel.Permanent e) {
            status = DeliveryStore.FAILED;
            reason = e.getMessage();
        } catch (Exception e) {
            reason = reason(e);
            status = message.attempts() + 1 >= config.maxAttempts() ? DeliveryStore.FAILED : DeliveryStore.RETRY;
            LOG.infof("delivery %s (%s to %s) attempt %d: %s", message.key(), message.channel(), message.recipient(),
                    message.attempts(), reason);
        }
        String outcome = status;
        String why = reason;
        await(() -> Panache.withTransaction(() -> record(message, outcome, why)));
    }

    private void pauseAfterSend(Outgoing message) {
        Duration pause = config.pauseAfterSend();
        if (!pause.isZero()) {
            LOG.infof("delivery %s sent; pausing %s before recording it", message.key(), pause);
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Uni<Integer> recoverStale(Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update notify_delivery set "
                + "status = case when channel = 'webhook' then 'retry' else 'failed' end, "
                + "reason = case when channel = 'webhook' then ?1 else ?2 end, next_at = ?3, merged_into = null "
                + "where id in (select id from notify_delivery where status = 'sending' and sending_at < ?4 "
                + "for update skip locked)")
                .setParameter(1, INTERRUPTED_WEBHOOK).setParameter(2, INTERRUPTED).setParameter(3, utc(now))
                .setParameter(4, utc(now.minus(config.lease()))).executeUpdate());
    }

    private Uni<List<Outgoing>> claim(Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, delivery_key, channel, recipient, "
                + "ticket_id, kind, payload_json, attempts from notify_delivery where status in ('pending', 'retry') "
                + "and next_at <= ?1 order by next_at, id limit ?2 for update skip locked", Object[].class)
                .setParameter(1, utc(now)).setParameter(2, config.batch()).getResultList())
                .map(rows -> rows.stream().map(DeliverySender::row).toList())
                .chain(rows -> plan(rows, now))
                .call(messages -> mark(messages, now));
    }

    /** Every row alone, except robot rows above the robot's rate: those become one digest (nothing is dropped). */
    private Uni<List<Outgoing>> plan(List<Outgoing> rows, Instant now) {
        List<Outgoing> messages = new ArrayList<>();
        Map<String, List<Outgoing>> byRobot = new java.util.LinkedHashMap<>();
        List<Outgoing> digests = new ArrayList<>();
        for (Outgoing row : rows) {
            if (RobotChannel.ID.equals(row.channel())) {
                byRobot.computeIfAbsent(row.recipient(), k -> new ArrayList<>()).add(row);
            } else if (Digests.DIGEST.equals(row.kind()) && EmailChannel.ID.equals(row.channel())) {
                digests.add(row);
            } else {
                messages.add(row);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<Outgoing>> robot : byRobot.entrySet()) {
            chain = chain.chain(() -> planRobot(robot.getKey(), robot.getValue(), now, messages));
        }
        for (Outgoing digest : digests) {
            chain = chain.chain(() -> held(digest).invoke(held -> messages.add(digest.withMerged(held)))
                    .replaceWithVoid());
        }
        return chain.replaceWith(messages);
    }

    /**
     * The notices held for a daily digest (ADR 0028) travel with it like a robot digest's rows: marked 'sending' with
     * it, recorded with it. No notice can join once the digest row is taken (joining locks the digest row).
     */
    private static Uni<List<Outgoing>> held(Outgoing digest) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, delivery_key, channel, recipient, "
                + "ticket_id, kind, payload_json, attempts from notify_delivery where digest_id = ?1 and status = "
                + "'held' order by id for update", Object[].class).setParameter(1, digest.id()).getResultList())
                .map(rows -> rows.stream().map(DeliverySender::row).toList());
    }

    private Uni<Void> planRobot(String robot, List<Outgoing> rows, Instant now, List<Outgoing> messages) {
        int limit = config.robotPerMinute();
        Instant windowStart = now.minusSeconds(60);
        return Panache.getSession().chain(s -> s.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "notify-robot:" + robot).getSingleResult()
                .chain(() -> s.createNativeQuery("select count(*), min(sending_at) from notify_delivery where "
                        + "channel = 'robot' and recipient = ?1 and merged_into is null and sending_at > ?2 "
                        + "and status in ('sending', 'sent', 'retry', 'failed')", Object[].class)
                        .setParameter(1, robot).setParameter(2, utc(windowStart)).getSingleResult())
                .chain(window -> {
                    int used = ((Number) window[0]).intValue();
                    int free = limit - used;
                    if (free <= 0) {
                        Instant oldest = window[1] == null ? now : instant(window[1]);
                        // the robot's minute is full: wait until its oldest message leaves the window
                        return s.createNativeQuery("update notify_delivery set next_at = ?1 where id in (?2)")
                                .setParameter(1, utc(oldest.plusSeconds(60).plusMillis(1)))
                                .setParameter(2, rows.stream().map(Outgoing::id).toList()).executeUpdate()
                                .replaceWithVoid();
                    }
                    if (rows.size() <= free) {
                        messages.addAll(rows);
                    } else {
                        messages.addAll(rows.subList(0, free - 1));
                        List<Outgoing> rest = rows.subList(free - 1, rows.size());
                        messages.add(rest.get(0).withMerged(rest.subList(1, rest.size())));
                    }
                    return Uni.createFrom().voidItem();
                }));
    }

    private Uni<Void> mark(List<Outgoing> messages, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Outgoing message : messages) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("update notify_delivery set "
                    + "status = 'sending', attempts = attempts + 1, sending_at = ?1, node = ?2, "
                    + "merged_into = case when id = ?3 then null else cast(?3 as bigint) end where id in (?4)")
                    .setParameter(1, utc(now)).setParameter(2, node).setParameter(3, message.id())
                    .setParameter(4, message.all().stream().map(Outgoing::id).toList()).executeUpdate()))
                    .replaceWithVoid();
        }
        return chain;
    }

    private Uni<Void> record(Outgoing message, String status, String reason) {
        if (Digests.DIGEST.equals(message.kind()) && !message.merged().isEmpty()
                && !DeliveryStore.SENT.equals(status)) {
            // a daily digest that was not sent keeps its notices: they wait (held) for its retry or replay
            return Panache.getSession().chain(s -> s.createNativeQuery("update notify_delivery set status = 'held', "
                    + "merged_into = null, reason = 'digest:' || digest_id where merged_into = ?1 and status = "
                    + "'sending'").setParameter(1, message.id()).executeUpdate())
                    .chain(() -> recordOne(message, status, reason));
        }
        return recordOne(message, status, reason);
    }

    private Uni<Void> recordOne(Outgoing message, String status, String reason) {
        OffsetDateTime now = utc(clock.now());
        int attempts = message.attempts() + 1;
        if (DeliveryStore.RETRY.equals(status)) {
            long factor = 1L << Math.min(16, attempts - 1);
            Duration wait = config.retryDelay().multipliedBy(factor);
            if (wait.compareTo(Duration.ofHours(1)) > 0) {
                wait = Duration.ofHours(1);
            }
            OffsetDateTime next = now.plus(wait);
            return update("status = 'retry', next_at = ?1, reason = ?2, merged_into = null", message, next, reason);
        }
        if (DeliveryStore.SENT.equals(status)) {
            return update("status = 'sent', sent_at = ?1, reason = case when id = " + message.id()
                    + " then ?2 else 'merged into digest " + message.id() + "' end", message, now,
                    message.merged().isEmpty() ? null : "digest of " + (Digests.DIGEST.equals(message.kind())
                            ? message.merged().size() : message.all().size()));
        }
        if (DeliveryStore.FAILED.equals(status)) {
            LOG.warnf("delivery %s (%s to %s) dead-lettered after %d attempts: %s", message.key(), message.channel(),
                    message.recipient(), attempts, reason);
        }
        return update("status = '" + status + "', reason = ?2, next_at = ?1", message, now, reason);
    }

    private static Uni<Void> update(String set, Outgoing message, OffsetDateTime at, String reason) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update notify_delivery set " + set
                + " where (id = ?3 or merged_into = ?3) and status = 'sending'")
                .setParameter(1, at).setParameter(2, DeliveryStore.cut(reason, 1000)).setParameter(3, message.id())
                .executeUpdate()).replaceWithVoid();
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outgoing row(Object[] r) {
        return new Outgoing(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5], Json.parse((String) r[6]),
                ((Number) r[7]).intValue(), List.of());
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        return io.flowdesk.shared.SqlTime.instant(value);
    }

    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return DeliveryStore.cut(text, 1000);
    }

    private String hostAndPort() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + ":" + org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.port", String.class).orElse("8080");
    }
}
