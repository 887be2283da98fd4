package io.flowdesk.sla.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.rest.RequestLocale;
import io.flowdesk.sla.SlaService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** A ticket's SLA targets, for whoever may see the ticket (a path of its own: /api/tickets is the tickets'). */
@Path("/api/tickets/{number}/sla")
@Produces(MediaType.APPLICATION_JSON)
public class TicketSlaResource {

    @Inject
    SlaService sla;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<SlaResource.TargetView>> ticket(@PathParam("number") String number,
            @Context RoutingContext context) {
        CurrentUser user = CurrentUser.of(identity);
        Locale locale = RequestLocale.of(context);
        return sla.targetsFor(user, number).map(list -> list.stream()
                .map(t -> SlaResource.TargetView.of(t, locale, user.isCustomer())).toList());
    }
}
