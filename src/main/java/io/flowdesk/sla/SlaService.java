package io.flowdesk.sla;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * PLACEHOLDER of helper "slaui" until helper "sla" lands the real service (same signature, contract of issue 10):
 * no targets yet. Delete this file when merging helper-sla.
 */
@ApplicationScoped
public class SlaService {

    public Uni<List<SlaTarget>> targets(long ticketId) {
        return Uni.createFrom().item(List.of());
    }
}
