package io.flowdesk.migration.internal;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.migration.MigrationPlan;
import io.flowdesk.migration.Migrations;
import io.flowdesk.migration.internal.EngineMigration.Claimed;
import io.flowdesk.migration.internal.EngineMigration.Decision;
import io.flowdesk.migration.internal.EngineMigration.Refused;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.TicketRelay;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Carries out migration runs on every node (ADR 0047): a ticket at a time, each in its own engine transaction that
 * takes its run row {@code FOR UPDATE SKIP LOCKED}; a refused or failing ticket is rolled back and marked FAILED with
 * its reason. A run is DONE when nothing of it is pending; a killed node's half-done ticket was rolled back by
 * PostgreSQL and is taken again after the restart.
 */
@ApplicationScoped
public class MigrationWorker {

    private static final Logger LOG = Logger.getLogger(MigrationWorker.class);

    @Inject
    Vertx vertx;

    @Inject
    Migrations migrations;

    @Inject
    EngineMigration engine;

    @Inject
    RunRows rows;

    @Inject
    TicketRelay relay;

    @Inject
    AuditLog audit;

    @Inject
    WorkflowEngine workflow;

    @ConfigProperty(name = "flowdesk.migration.poll", defaultValue = "PT0.5S")
    Duration poll;

    @ConfigProperty(name = "flowdesk.migration.enabled", defaultValue = "true")
    boolean enabled;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final Map<Long, Resolved> plans = new ConcurrentHashMap<>();
    private ExecutorService thread;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flowdesk-migration");
            t.setDaemon(true);
            return t;
        });
        timer = vertx.setPeriodic(poll.toMillis(), id -> {
            if (workflow.isRunning() && busy.compareAndSet(false, true)) {
                thread.execute(() -> {
                    try {
                        work();
                    } catch (RuntimeException e) {
                        LOG.warnf("migration pass failed: %s", e.getMessage());
                    } finally {
                        busy.set(false);
                    }
                });
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** Every running run, until none of its tickets is pending here (other nodes may hold some). */
    void work() {
        List<Long> runs = await(rows::runningRuns);
        for (long runId : runs) {
            Resolved plan = plans.computeIfAbsent(runId, id -> await(() -> rows.requestOf(id).chain(json -> migrations
                    .resolve(Json.MAPPER.convertValue(Json.parse(json), MigrationPlan.Request.class)))));
            String actor = await(() -> rows.run(runId, Messages.EN, 0)).startedBy();
            while (!Thread.currentThread().isInterrupted()) {
                Long moved;
                try {
                    moved = engine.moveNext(runId, claimed -> decide(plan, runId, actor, claimed));
                } catch (Refused e) {
                    Text reason = e.reason instanceof Text t ? t : Text.of("migration.refuse.engine",
                            String.valueOf(e.reason));
                    engine.fail(runId, e.ticketId, StoredText.write(reason), reason.in(Messages.EN));
                    continue;
                }
                if (moved == null) {
                    break;
                }
                try {
                    await(() -> relay.drain(moved));
                } catch (RuntimeException e) {
                    // the outbox keeps the move; the reconciler's drain applies it
                    LOG.debugf("ticket %d moved; its timeline follows later: %s", moved, e.getMessage());
                }
            }
            finish(runId, actor);
        }
    }

    private void finish(long runId, String actor) {
        await(() -> Panache.withTransaction(() -> rows.finish(runId).chain(done -> !done ? Uni.createFrom()
                .voidItem() : rows.run(runId, Messages.EN, 0).chain(run -> audit.record(actor, "migration.finished",
                        "migration_run", String.valueOf(runId), Map.of("moved", run.moved(), "failed", run.failed(),
                                "total", run.total()))))));
    }

    static Decision decide(Resolved plan, long runId, String actor, Claimed c) {
        Resolved.Source source = plan.sources.get(c.sourceVersion());
        if (!"ACTIVE".equals(c.engineState()) || c.processDefinitionId() == null) {
            return refuse(Text.of("migration.refuse.ended"));
        }
        if (source == null || !source.model().processDefinitionId().equals(c.processDefinitionId())) {
            return refuse(Text.of("migration.refuse.notSource", String.valueOf(c.sourceVersion())));
        }
        Resolved.Verdict v = plan.check(c.sourceVersion(), c.active(), c.dataJson());
        if (v.refusal() != null) {
            return refuse(v.refusal());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("runId", runId);
        payload.put("actor", actor);
        payload.put("fromVersion", c.sourceVersion());
        payload.put("toVersion", plan.targetVersion);
        payload.put("targetVersionId", plan.targetVersionId);
        payload.put("steps", v.steps());
        payload.put("filled", v.filled());
        return new Decision(plan.target.processDefinitionId(), v.engineMappings(), v.variables(), payload, null);
    }

    private static Decision refuse(Text why) {
        return new Decision(null, Map.of(), Map.of(), Map.of(), why);
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
