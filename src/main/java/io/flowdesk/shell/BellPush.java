package io.flowdesk.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Server push for the bell (ADR 0033). {@code Notifications.notifyUser} raises {@code pg_notify(flowdesk_bell,
 * username)} in the transaction of the notice; PostgreSQL delivers it to every node's listener only after that
 * transaction commits (never on rollback). Each node then refreshes the bell of every open UI of that person through
 * {@code ui.access}, which Vaadin pushes to the browser. The frame's slow UI poll stays as the safety net when the
 * listener connection is down.
 */
@ApplicationScoped
public class BellPush {

    public static final String CHANNEL = "flowdesk_bell";
    private static final Logger LOG = Logger.getLogger(BellPush.class);

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "flowdesk.bell.push", defaultValue = "true")
    boolean enabled;

    private final Map<String, Set<Listener>> open = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "flowdesk-bell-push");
        t.setDaemon(true);
        return t;
    });
    private volatile PgSubscriber subscriber;

    private record Listener(UI ui, Runnable refresh) {
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        PgConnectOptions options = PgConnectOptions.fromUri(uri);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgSubscriber s = PgSubscriber.subscriber(vertx, options);
        s.reconnectPolicy(retries -> 2000L);
        s.closeHandler(v -> {
            listening.set(false);
            LOG.warn("bell push: listener connection closed; the UI poll carries the bell until it reconnects");
        });
        s.channel(CHANNEL)
                .subscribeHandler(v -> {
                    listening.set(true);
                    LOG.info("bell push: listening for committed notices");
                })
                .handler(this::fire);
        s.connect().onComplete(r -> {
            if (r.failed()) {
                LOG.warnf("bell push: could not listen (%s); the UI poll carries the bell", r.cause().toString());
            }
        });
        subscriber = s;
    }

    void stop(@Observes ShutdownEvent event) {
        PgSubscriber s = subscriber;
        if (s != null) {
            s.close();
        }
        refresher.shutdownNow();
    }

    /** Whether this node hears committed notices now (then the frame may poll slowly). */
    public boolean listening() {
        return listening.get();
    }

    /** An open UI of {@code user}: {@code refresh} runs inside {@code ui.access} after each of their notices. */
    public Registration register(String user, UI ui, Runnable refresh) {
        Listener l = new Listener(ui, refresh);
        open.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(l);
        return () -> open.computeIfPresent(user, (k, set) -> {
            set.remove(l);
            return set.isEmpty() ? null : set;
        });
    }

    /** A notice for {@code user} was committed (on any node). */
    void fire(String user) {
        Set<Listener> listeners = open.get(user);
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        // off the event loop: the refresh waits on a reactive query
        for (Listener l : Set.copyOf(listeners)) {
            refresher.execute(() -> {
                try {
                    l.ui().access(l.refresh()::run);
                } catch (com.vaadin.flow.component.UIDetachedException e) {
                    // the tab went away; its detach listener unregisters it
                } catch (RuntimeException e) {
                    LOG.debugf("bell push to %s failed: %s", user, e.toString());
                }
            });
        }
    }
}
