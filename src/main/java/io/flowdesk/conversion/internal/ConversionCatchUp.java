package io.flowdesk.conversion.internal;

import io.flowdesk.conversion.ConversionService;
import io.flowdesk.shared.FlowClock;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Finishes conversions a crash interrupted (ADR 0049): their steps repeat safely, on any node. */
@ApplicationScoped
public class ConversionCatchUp {

    private static final Logger LOG = Logger.getLogger(ConversionCatchUp.class);

    @Inject
    ConversionService conversions;

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void finishInterrupted() throws Throwable {
        for (long id : VertxContextSupport.subscribeAndAwait(() -> conversions.unfinished(
                FlowClock.offsetNow().minusMinutes(1)))) {
            try {
                VertxContextSupport.subscribeAndAwait(() -> conversions.resume(id));
                LOG.infof("Conversion %d finished after an interruption", id);
            } catch (Throwable e) {
                LOG.warnf("Conversion %d could not be finished yet: %s", id, e.getMessage());
            }
        }
    }
}
