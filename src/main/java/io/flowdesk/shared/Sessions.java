package io.flowdesk.shared;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** Helpers for long batches in one Hibernate Reactive session (ADR 0023). */
public final class Sessions {

    private Sessions() {
    }

    /**
     * Writes what the current session holds and forgets its entities. A batch that handles item after item in one
     * transaction calls this between items: every native query auto-flushes, and dirty-checking everything the batch
     * loaded so far makes each item dearer than the last (quadratic). The transaction stays open.
     */
    public static Uni<Void> flushAndClear() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    /**
     * Runs {@code work} on a fresh (safe) duplicated Vert.x context, so the Panache session it opens is its own and
     * runs beside others on another connection; the result is handed back on the caller's context (if any).
     */
    public static <T> Uni<T> apart(Supplier<Uni<T>> work) {
        Context caller = Vertx.currentContext();
        Vertx vertx = Arc.container().instance(Vertx.class).get();
        Context own = VertxContext.createNewDuplicatedContext(nextEventLoop(vertx));
        VertxContextSafetyToggle.setContextSafe(own, true);
        Uni<T> result = Uni.createFrom().emitter(emitter -> own.runOnContext(ignored -> Uni.createFrom()
                .deferred(work::get).subscribe().with(emitter::complete, emitter::fail)));
        return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /**
     * A context on the next event loop of the pool (round robin), so work started from one timer or request does not
     * pile onto that one thread while the other cores idle.
     */
    public static Context nextEventLoop(Vertx vertx) {
        return vertx instanceof io.vertx.core.impl.VertxInternal internal ? internal.createEventLoopContext()
                : vertx.getOrCreateContext();
    }
}
