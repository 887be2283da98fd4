package io.flowdesk.sla.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.rest.RequestLocale;
import io.flowdesk.sla.SlaPolicies;
import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.sla.SlaService;
import io.flowdesk.sla.SlaTarget;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** SLA policies (staff read, admins replace the ordered list) and a ticket's SLA targets. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {

    @Inject
    SlaPolicies policies;

    @Inject
    SlaService sla;

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
    @Path("/sla/policies")
    public Uni<List<SlaPolicy>> list() {
        CurrentUser user = CurrentUser.of(identity);
        if (user.isCustomer() || user.isPartner()) {
            throw new Forbidden(Text.of("sla.error.staffOnly"));
        }
        return policies.list();
    }

    @PUT
    @Path("/sla/policies")
    public Uni<List<SlaPolicy>> replace(List<SlaPolicy> body) {
        return policies.replace(CurrentUser.of(identity), body);
    }

    @GET
    @Path("/tickets/{number}/sla")
    public Uni<List<TargetView>> ticket(@PathParam("number") String number, @Context RoutingContext context) {
        CurrentUser user = CurrentUser.of(identity);
        Locale locale = RequestLocale.of(context);
        return sla.targetsFor(user, number)
                .map(list -> list.stream().map(t -> TargetView.of(t, locale, user.isCustomer())).toList());
    }
}
