package io.flowdesk.app;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.DemoUsers;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.templates.ImportResult;
import io.flowdesk.templates.TemplateImporter;
import io.flowdesk.tickets.Reconciler;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Start-up, in order: database (created when missing) → Flyway → Flowable → departments and demo users →
 * template import through the publish gate → reconcile what a crash may have left.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    @Inject
    FlowDeskConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    @Inject
    WorkflowEngine engine;

    @Inject
    DemoUsers demoUsers;

    @Inject
    TemplateImporter importer;

    @Inject
    Reconciler reconciler;

    @Inject
    DemoTickets demoTickets;

    private volatile boolean ready;
    private volatile List<ImportResult> lastImport = List.of();

    void onStart(@Observes @Priority(10) StartupEvent event) throws Throwable {
        long started = System.nanoTime();
        var cfg = ConfigProvider.getConfig();
        if (config.db().create()) {
            DatabaseCreator.ensure(cfg.getValue("quarkus.datasource.jdbc.url", String.class),
                    cfg.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                    cfg.getOptionalValue("quarkus.datasource.password", String.class).orElse(null), config.db().reset());
            // connections opened before the database existed (or before a reset) are useless now
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
        }
        migrate();
        engine.start(dataSource, true, config.engine().history());
        VertxContextSupport.subscribeAndAwait(() -> demoUsers.ensureDepartments());
        if (config.demo()) {
            String hash = IdentityService.hash(DemoUsers.DEMO_PASSWORD);
            int created = VertxContextSupport.subscribeAndAwait(() -> demoUsers.ensureDemoUsers(hash));
            LOG.infof("Demo users ready (%d new); password '%s'", created, DemoUsers.DEMO_PASSWORD);
        }
        Path templates = Path.of(config.templates().dir());
        lastImport = VertxContextSupport.subscribeAndAwait(() -> importer.importDirectory(templates));
        reconciler.reconcile(java.time.Duration.ZERO);
        if (config.demo() && config.demoTickets()) {
            int tickets = VertxContextSupport.subscribeAndAwait(() -> demoTickets.ensure());
            LOG.infof("Demo tickets ready (%d new)", tickets);
        }
        ready = true;
        LOG.infof("FlowDesk ready in %d ms (templates: %d imported, %d rejected)",
                (System.nanoTime() - started) / 1_000_000,
                lastImport.stream().filter(r -> !ImportResult.REJECTED.equals(r.outcome())).count(),
                lastImport.stream().filter(r -> ImportResult.REJECTED.equals(r.outcome())).count());
    }

    /**
     * Runs Flyway; when the database was just (re)created, a pooled connection opened before may be dead: the pool
     * is flushed and the migration retried.
     */
    private void migrate() throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    throw e;
                }
                LOG.warnf("Migration attempt %d failed (%s); retrying with fresh connections", attempt, e.getMessage());
                dataSource.flush(AgroalDataSource.FlushMode.ALL);
                Thread.sleep(200L * attempt);
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        ready = false;
        engine.stop();
    }

    public boolean isReady() {
        return ready;
    }

    public List<ImportResult> lastImport() {
        return lastImport;
    }
}
