package io.flowdesk.simulation.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.rest.RequestLocale;
import io.flowdesk.simulation.TestClock;
import io.flowdesk.simulation.TestClockAdvance;
import io.flowdesk.simulation.TestClocks;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * A test ticket's virtual clock (ADR 0048): designers and admins read it and move it forward. A real ticket answers
 * 409: its time is everyone's.
 */
@Path("/api/tickets/{number}/test-clock")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TestClockResource {

    @Inject
    TestClocks clocks;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<TestClock> get(@PathParam("number") String number, @Context RoutingContext context) {
        return clocks.view(CurrentUser.of(identity), number, RequestLocale.of(context));
    }

    /** {@code {"workingHours":4}}, {@code {"days":3}} or {@code {"to":"next-deadline"}}. */
    @POST
    @Path("/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TestClock> advance(@PathParam("number") String number, TestClockAdvance body,
            @Context RoutingContext context) {
        return clocks.advance(CurrentUser.of(identity), number, body, RequestLocale.of(context));
    }
}
