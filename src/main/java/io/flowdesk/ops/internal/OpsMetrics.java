package io.flowdesk.ops.internal;

import io.flowdesk.ops.SystemStatus;
import io.flowdesk.ops.SystemStatus.Snapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.jboss.logging.Logger;

/**
 * The installation's gauges for Prometheus ({@code /q/metrics}, ADR 0052), read from the last {@link SystemStatus}
 * snapshot (never a query on the scrape). Gauges with a label per consumer, delivery status, strategy or mailbox
 * are registered when the label first appears.
 */
@ApplicationScoped
public class OpsMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    SystemStatus status;

    private static final Logger LOG = Logger.getLogger(OpsMetrics.class);

    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    void start(@Observes StartupEvent event) {
        gauge("flowdesk.jobs.executor.active", "1 when the engine's async job executor runs",
                s -> s.jobExecutorActive() ? 1 : 0);
        gauge("flowdesk.outbox.pending", "engine events not yet applied to their tickets", Snapshot::outboxPending);
        gauge("flowdesk.outbox.lag.seconds", "age of the oldest engine event not yet applied",
                Snapshot::outboxLagSeconds);
        gauge("flowdesk.jobs.async", "async jobs waiting in the engine", Snapshot::asyncJobs);
        gauge("flowdesk.jobs.timers.due", "engine timers that are due", Snapshot::timerJobsDue);
        gauge("flowdesk.jobs.deadletter", "engine jobs that failed all retries", Snapshot::deadLetters);
        gauge("flowdesk.deadlines.overdue", "deadlines due over a minute ago that have not fired",
                Snapshot::deadlinesOverdue);
        gauge("flowdesk.deadlines.failing", "deadlines whose last attempt failed", Snapshot::deadlinesFailing);
        gauge("flowdesk.events.head", "id of the newest ticket event", Snapshot::streamHead);
    }

    /** A fresh reading for the gauges, on a worker thread, on every node; new labels get their gauges. */
    @Scheduled(every = "${flowdesk.ops.refresh:10s}", delayed = "3s", concurrentExecution = ConcurrentExecution.SKIP)
    void refresh() {
        try {
            labels(status.refresh());
        } catch (RuntimeException e) {
            LOG.warnf("system status: %s", e.getMessage());
        }
    }

    /** Adds the labelled gauges for labels seen in a snapshot. */
    void labels(Snapshot s) {
        for (SystemStatus.Consumer c : s.consumers()) {
            labelled("flowdesk.events.consumer.lag", "ticket events a consumer is behind", "consumer", c.name(),
                    n -> n.consumers().stream().filter(x -> x.name().equals(c.name())).mapToLong(
                            SystemStatus.Consumer::lag).findFirst().orElse(0));
        }
        for (String st : s.deliveries().keySet()) {
            labelled("flowdesk.notify.deliveries", "notification deliveries by status", "status", st,
                    n -> n.deliveries().getOrDefault(st, 0L));
        }
        for (String strategy : s.assignments().keySet()) {
            labelled("flowdesk.assignment.decisions", "automatic assignment decisions by strategy", "strategy",
                    strategy, n -> n.assignments().getOrDefault(strategy, 0L));
        }
        for (SystemStatus.Mailbox m : s.mailboxes()) {
            labelled("flowdesk.mail.poll.age.seconds", "seconds since a mailbox was last read", "mailbox", m.key(),
                    n -> n.mailboxes().stream().filter(x -> x.key().equals(m.key())).findFirst().map(x ->
                            x.lastPolledAt() == null ? -1 : (System.currentTimeMillis() - x.lastPolledAt()
                                    .toEpochMilli()) / 1000).orElse(-1L));
            labelled("flowdesk.mail.errors", "1 when a mailbox's last read failed", "mailbox", m.key(),
                    n -> n.mailboxes().stream().anyMatch(x -> x.key().equals(m.key()) && x.lastError() != null)
                            ? 1 : 0);
        }
    }

    private void gauge(String name, String help, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, status, st -> {
            Snapshot s = st.last();
            if (s == null) {
                return Double.NaN;
            }
            return value.applyAsDouble(s);
        }).description(help).register(registry);
    }

    private void labelled(String name, String help, String tag, String value, ToDoubleFunction<Snapshot> read) {
        if (!registered.add(name + "|" + value)) {
            return;
        }
        Gauge.builder(name, status, st -> st.last() == null ? Double.NaN : read.applyAsDouble(st.last()))
                .description(help).tags(Tags.of(tag, value)).register(registry);
    }

}
