package io.flowdesk.audit;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.audit.internal.AuditEventEntity;
import io.flowdesk.shared.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The audit log: who did what to which object. Call inside the transaction that makes the change. */
@ApplicationScoped
public class AuditLog {

    public Uni<Void> record(String actor, String action, String objectType, String objectId,
            Map<String, ?> details) {
        AuditEventEntity event = new AuditEventEntity();
        event.at = FlowClock.offsetNow();
        event.actor = actor;
        event.action = action;
        event.objectType = objectType;
        event.objectId = objectId;
        event.detailsJson = details == null || details.isEmpty() ? null : Json.write(details);
        return event.persist().replaceWithVoid();
    }

    /** Entries of one object, oldest first (within a session). */
    public Uni<List<AuditEntry>> of(String objectType, String objectId) {
        return AuditEventEntity.<AuditEventEntity>list("objectType = ?1 and objectId = ?2 order by id", objectType,
                objectId).map(list -> list.stream().map(e -> new AuditEntry(e.at, e.actor, e.action,
                        e.detailsJson)).toList());
    }

    public record AuditEntry(OffsetDateTime at, String actor, String action, String details) {
    }
}
