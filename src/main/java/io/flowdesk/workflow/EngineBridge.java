package io.flowdesk.workflow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The one way reactive code calls blocking code (Flowable, bcrypt, files): the work runs on a worker thread
 * and the result is delivered back on the caller's Vert.x context, so Hibernate Reactive can continue.
 */
@ApplicationScoped
public class EngineBridge {

    @Inject
    Vertx vertx;

    public <T> Uni<T> call(Supplier<T> blocking) {
        return vertx.executeBlocking(Uni.createFrom().item(blocking), false);
    }

    public Uni<Void> run(Runnable blocking) {
        return call(() -> {
            blocking.run();
            return null;
        });
    }
}
