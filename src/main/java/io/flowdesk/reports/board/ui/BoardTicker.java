package io.flowdesk.reports.board.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refreshes open wall boards every {@code flowdesk.reports.board.refresh} (5 s): the numbers are read on this bean's
 * own threads (never the event loop, never under the Vaadin session lock), then shown in {@code ui.access}, which
 * the shell's {@code @Push} (ADR 0033) sends to the browser at once.
 */
@ApplicationScoped
public class BoardTicker {

    private static final Logger LOG = Logger.getLogger(BoardTicker.class);

    @ConfigProperty(name = "flowdesk.reports.board.refresh", defaultValue = "PT5S")
    Duration every;

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "flowdesk-board");
        t.setDaemon(true);
        return t;
    });

    public Duration every() {
        return every;
    }

    /** Reads {@code load} and shows it with {@code show} in the UI until the registration is removed. */
    public <T> Registration start(UI ui, Supplier<T> load, Consumer<T> show) {
        long ms = Math.max(500, every.toMillis());
        ScheduledFuture<?>[] future = new ScheduledFuture<?>[1];
        future[0] = threads.scheduleWithFixedDelay(() -> {
            try {
                T value = load.get();
                ui.access(() -> show.accept(value));
            } catch (UIDetachedException e) {
                future[0].cancel(false);
            } catch (RuntimeException e) {
                LOG.debugf("wall board refresh failed: %s", e.toString());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
        return () -> future[0].cancel(false);
    }

    void stop(@Observes ShutdownEvent event) {
        threads.shutdownNow();
    }
}
