package io.flowdesk.shared;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one clock of business code: deadlines, escalations, rules and timelines read the time here, never from
 * {@code Instant.now()}. In production it is the system clock. With {@code flowdesk.clock.adjustable=true} (tests,
 * demos) it runs at the system's pace plus an offset that tests move forward; the offset lives in the database
 * ({@code flowdesk_clock}), so every FlowDesk process on one database sees the same time within a quarter second.
 */
@ApplicationScoped
public class FlowClock {

    private static final Logger LOG = Logger.getLogger(FlowClock.class);

    @ConfigProperty(name = "flowdesk.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    /** One offset per JVM: static so that static helpers (timeline writers) read the same time as beans. */
    private static final AtomicLong offsetMillis = new AtomicLong();

    private static final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), Duration.ofMillis(offsetMillis.get()));
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(offsetMillis.get());
        }
    };

    void start(@Observes StartupEvent event) {
        if (adjustable) {
            vertx.setPeriodic(250, id -> refresh().subscribe().with(ignored -> {
            }, failure -> LOG.debugf("clock offset not read: %s", failure.getMessage())));
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public OffsetDateTime nowOffset() {
        return OffsetDateTime.ofInstant(now(), ZoneOffset.UTC);
    }

    /** The same time for static code that cannot inject the bean. */
    public static Instant instant() {
        return clock.instant();
    }

    /** {@link #instant()} as an {@link OffsetDateTime} in UTC, for entity columns. */
    public static OffsetDateTime offsetNow() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A {@link Clock} view, for code that takes one (e.g. {@code LocalDate.now(clock)}). */
    public Clock clock() {
        return clock;
    }

    public boolean adjustable() {
        return adjustable;
    }

    /** Moves time forward (tests and demos only); every process on the database follows. */
    public Uni<Instant> advance(Duration by) {
        requireAdjustable();
        if (by.isNegative()) {
            throw InvalidInput.of("/advanceMinutes", Text.of("clock.error.backwards"), "minimum");
        }
        return pool.preparedQuery("update flowdesk_clock set offset_ms = offset_ms + $1 where id = 1 returning offset_ms")
                .execute(Tuple.of(by.toMillis()))
                .map(rows -> {
                    offsetMillis.set(rows.iterator().next().getLong(0));
                    return now();
                });
    }

    /** Sets the clock to an instant (tests and demos only); may go backwards, e.g. to reset between tests. */
    public Uni<Instant> set(Instant at) {
        requireAdjustable();
        long offset = at.toEpochMilli() - System.currentTimeMillis();
        return pool.preparedQuery("update flowdesk_clock set offset_ms = $1 where id = 1")
                .execute(Tuple.of(offset))
                .map(rows -> {
                    offsetMillis.set(offset);
                    return now();
                });
    }

    /** Reads the shared offset now (the periodic refresh does it four times a second). */
    public Uni<Instant> refresh() {
        if (!adjustable) {
            return Uni.createFrom().item(now());
        }
        return pool.query("select offset_ms from flowdesk_clock where id = 1").execute().map(rows -> {
            if (rows.iterator().hasNext()) {
                offsetMillis.set(rows.iterator().next().getLong(0));
            }
            return now();
        });
    }

    private void requireAdjustable() {
        if (!adjustable) {
            throw new Forbidden(Text.of("clock.error.fixed"));
        }
    }
}
