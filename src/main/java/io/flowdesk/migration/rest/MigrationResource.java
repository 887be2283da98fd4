package io.flowdesk.migration.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.migration.MigrationPlan;
import io.flowdesk.migration.Migrations;
import io.flowdesk.shared.rest.RequestLocale;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Moving running tickets to another template version (ADR 0047): designers and admins propose (plan, preview); only
 * admins run. Runs are listed and followed by id.
 */
@io.quarkus.security.Authenticated
@Path("/api/admin/migrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MigrationResource {

    @Inject
    Migrations migrations;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/plan")
    public Uni<MigrationPlan.Plan> plan(MigrationPlan.Request request, @Context RoutingContext context) {
        return migrations.plan(CurrentUser.of(identity), request, RequestLocale.of(context));
    }

    @POST
    @Path("/preview")
    public Uni<MigrationPlan.Preview> preview(MigrationPlan.Request request, @Context RoutingContext context) {
        return migrations.preview(CurrentUser.of(identity), request, RequestLocale.of(context));
    }

    @POST
    @Path("/runs")
    public Uni<Response> start(MigrationPlan.Request request, @Context RoutingContext context) {
        return migrations.start(CurrentUser.of(identity), request, RequestLocale.of(context))
                .map(run -> Response.status(201).entity(run).build());
    }

    @GET
    @Path("/runs")
    public Uni<List<MigrationPlan.Run>> runs(@QueryParam("template") String template,
            @Context RoutingContext context) {
        return migrations.runs(CurrentUser.of(identity), template == null ? "" : template, RequestLocale.of(context));
    }

    @GET
    @Path("/runs/{id}")
    public Uni<MigrationPlan.Run> run(@PathParam("id") long id, @Context RoutingContext context) {
        return migrations.run(CurrentUser.of(identity), id, RequestLocale.of(context));
    }
}
