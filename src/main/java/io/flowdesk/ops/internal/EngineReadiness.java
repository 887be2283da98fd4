package io.flowdesk.ops.internal;

import io.flowdesk.ops.SystemStatus;
import io.flowdesk.ops.SystemStatus.Snapshot;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /q/health/ready}, ADR 0052): down while the engine's job executor does not run (timers and
 * async steps would not move) or while the outbox from the engine to the tickets is stuck (its oldest event older
 * than {@code flowdesk.ops.outbox-lag-max}), so a load balancer stops sending work to a node that cannot do it.
 * The figures come with the answer.
 */
@Readiness
@ApplicationScoped
@Blocking
public class EngineReadiness implements HealthCheck {

    @Inject
    SystemStatus status;

    @ConfigProperty(name = "flowdesk.ops.outbox-lag-max", defaultValue = "120")
    long outboxLagMax;

    @Override
    public HealthCheckResponse call() {
        Snapshot s;
        try {
            s = status.snapshot();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("flowdesk").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
        boolean up = s.ready(outboxLagMax);
        return HealthCheckResponse.named("flowdesk").status(up).withData("jobExecutorActive", s.jobExecutorActive())
                .withData("outboxPending", s.outboxPending()).withData("outboxLagSeconds", s.outboxLagSeconds())
                .withData("outboxLagMax", outboxLagMax).withData("deadLetters", s.deadLetters())
                .withData("deadlinesOverdue", s.deadlinesOverdue()).withData("maxConsumerLag", s.maxConsumerLag())
                .build();
    }
}
