package io.flowdesk.tickets;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Finishes what a crash left between the two stores: PENDING tickets get their process started (exactly once)
 * and linked; engine events not yet applied are applied. Runs at start-up and periodically. FAILED tickets (the
 * engine refused their flow for good, ADR 0041) are not PENDING, so it leaves them to an admin.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    @Inject
    TicketService tickets;

    @Inject
    TicketRelay relay;

    @ConfigProperty(name = "flowdesk.reconcile.grace", defaultValue = "30s")
    Duration grace;

    private volatile boolean enabled;

    /** Reconciles tickets pending for longer than {@code age}; returns how many were repaired. */
    public int reconcile(Duration age) throws Throwable {
        List<Long> pending = VertxContextSupport.subscribeAndAwait(() -> tickets.pendingOlderThan(age));
        int repaired = 0;
        for (Long id : pending) {
            try {
                VertxContextSupport.subscribeAndAwait(() -> tickets.ensureStarted(id));
                repaired++;
            } catch (io.flowdesk.workflow.ProcessFailed e) {
                // counted on the row; a permanent failure (or too many) leaves it FAILED, out of this loop
                LOG.warnf("Ticket %d could not be started: %s", id, e.getMessage());
            } catch (Throwable e) {
                LOG.errorf(e, "Ticket %d could not be started; will retry", id);
            }
        }
        int drained = VertxContextSupport.subscribeAndAwait(() -> relay.drainAll(10_000));
        if (repaired > 0 || (age.isZero() && drained > 0)) {
            LOG.infof("Reconciler: started %d pending ticket(s), applied engine events of %d ticket(s)", repaired,
                    drained);
        }
        enabled = true;
        return repaired;
    }

    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() throws Throwable {
        if (enabled) {
            reconcile(grace);
        }
    }

    /** Engine events from timers and other engine-side work reach the tickets within a couple of seconds. */
    @Scheduled(every = "2s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayEngineEvents() throws Throwable {
        if (enabled) {
            VertxContextSupport.subscribeAndAwait(() -> relay.drainAll(500));
        }
    }
}
