package io.flowdesk.tickets.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.rest.RequestLocale;
import io.flowdesk.tickets.StuckTickets;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Admins: tickets whose flow did not start (ADR 0041); {@code id} is the ticket number. */
@io.quarkus.security.Authenticated
@Path("/api/admin/stuck-tickets")
@Produces(MediaType.APPLICATION_JSON)
public class StuckTicketResource {

    @Inject
    StuckTickets stuck;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<StuckTickets.StuckTicket>> list(@Context RoutingContext context) {
        return stuck.list(CurrentUser.of(identity), RequestLocale.of(context));
    }

    @POST
    @Path("/{id}/retry")
    public Uni<StuckTickets.StuckTicket> retry(@PathParam("id") String number, @Context RoutingContext context) {
        return stuck.retry(CurrentUser.of(identity), number, RequestLocale.of(context));
    }

    @POST
    @Path("/{id}/cancel")
    public Uni<StuckTickets.StuckTicket> cancel(@PathParam("id") String number, @Context RoutingContext context) {
        return stuck.cancel(CurrentUser.of(identity), number, RequestLocale.of(context));
    }
}
