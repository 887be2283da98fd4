package io.flowdesk.channels.mail.internal;

import io.flowdesk.shared.FlowClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Fetches the admin-configured IMAP mailboxes (ADR 0042): one worker thread per mailbox, started and stopped as
 * the configuration changes (looked at every {@code flowdesk.mail.imap-tick}). A worker fetches what lies above
 * the mailbox's (UIDVALIDITY, UID) watermark, then waits with IDLE where the server offers it, else sleeps the
 * poll interval. Several nodes may fetch the same mailbox: the import's unique keys keep that harmless.
 */
@ApplicationScoped
public class ImapPoller {

    private static final Logger LOG = Logger.getLogger(ImapPoller.class);

    @Inject
    MailSettings settings;

    @Inject
    ImapFetch fetch;

    private final Map<String, ImapWorker> workers = new ConcurrentHashMap<>();
    private ScheduledExecutorService supervisor;

    void start(@Observes StartupEvent event) {
        if (!settings.imapEnabled()) {
            return;
        }
        supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-imap-supervisor");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(100, settings.imapTick().toMillis());
        supervisor.scheduleWithFixedDelay(this::supervise, tick, tick, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        workers.values().forEach(ImapWorker::stop);
    }

    /** Starts a worker per fetched mailbox and stops those whose mailbox went or changed. */
    void supervise() {
        try {
            List<Mailboxes.Mailbox> boxes = await(() -> Panache.withSession(Mailboxes::all));
            for (Mailboxes.Mailbox box : boxes) {
                ImapWorker running = workers.get(box.key());
                if (running != null && (!box.fetched() || running.changed(box))) {
                    running.stop();
                    workers.remove(box.key());
                    running = null;
                }
                if (running == null && box.fetched()) {
                    ImapWorker worker = new ImapWorker(box, fetch);
                    workers.put(box.key(), worker);
                    worker.start();
                }
            }
            workers.keySet().removeIf(key -> {
                boolean gone = boxes.stream().noneMatch(b -> b.key().equals(key));
                if (gone) {
                    workers.get(key).stop();
                }
                return gone;
            });
        } catch (Throwable e) {
            LOG.warnf("mail-in supervisor: %s", e.toString());
        }
    }

    static <T> T await(Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void recordPoll(String key, String error) {
        try {
            await(() -> Panache.withTransaction(() -> Mailboxes.polled(key, error, FlowClock.offsetNow())));
        } catch (RuntimeException e) {
            LOG.debugf("could not record the poll of %s: %s", key, e);
        }
    }
}
