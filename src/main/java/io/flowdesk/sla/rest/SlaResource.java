package io.flowdesk.sla.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.SlaPolicies;
import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.sla.SlaTarget;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** SLA policies: staff read them, admins replace the ordered list. */
@Path("/api/sla")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {

    @Inject
    SlaPolicies policies;

    @Inject
    SecurityIdentity identity;

    /** A target in the reader's language; customers get no minutes, only when to expect an answer. */
    public record TargetView(String target, String label, String taskId, Instant dueAt, String state,
            Long usedWorkingMinutes, Long targetMinutes, Long remainingWorkingMinutes, Instant pausedSince) {

        static TargetView of(SlaTarget t, Locale locale, boolean customer) {
            return customer ? new TargetView(t.target(), t.label().in(locale), null, t.dueAt(), t.state(), null, null,
                    null, t.pausedSince())
                    : new TargetView(t.target(), t.label().in(locale), t.taskId(), t.dueAt(), t.state(),
                            t.usedWorkingMinutes(), t.targetMinutes(), t.remainingWorkingMinutes(), t.pausedSince());
        }
    }

    @GET
    @Path("/policies")
    public Uni<List<SlaPolicy>> list() {
        CurrentUser user = CurrentUser.of(identity);
        if (user.isCustomer() || user.isPartner()) {
            throw new Forbidden(Text.of("sla.error.staffOnly"));
        }
        return policies.list();
    }

    /** Whether the open tickets are still being recomputed after the last policy edit (staff). */
    @GET
    @Path("/policies/recompute")
    public Uni<java.util.Map<String, Boolean>> recomputing() {
        CurrentUser user = CurrentUser.of(identity);
        if (user.isCustomer() || user.isPartner()) {
            throw new Forbidden(Text.of("sla.error.staffOnly"));
        }
        return policies.recomputing().map(running -> java.util.Map.of("recomputing", running));
    }

    @PUT
    @Path("/policies")
    public Uni<List<SlaPolicy>> replace(List<SlaPolicy> body) {
        return policies.replace(CurrentUser.of(identity), body);
    }

}
