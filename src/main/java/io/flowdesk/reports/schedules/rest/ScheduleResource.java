package io.flowdesk.reports.schedules.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.schedules.ReportSchedule;
import io.flowdesk.reports.schedules.ScheduleService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Scheduled report mails (ADR 0036): supervisors and admins list, create, edit and delete them. */
@Path("/api/reports/schedules")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    ScheduleService schedules;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<ReportSchedule>> list() {
        return schedules.list(CurrentUser.of(identity));
    }

    @GET
    @Path("/{id}")
    public Uni<ReportSchedule> get(@PathParam("id") long id) {
        return schedules.get(CurrentUser.of(identity), id);
    }

    @POST
    public Uni<Response> create(ReportSchedule.Request request) {
        return schedules.create(CurrentUser.of(identity), request)
                .map(s -> Response.status(Response.Status.CREATED).entity(s).build());
    }

    @PUT
    @Path("/{id}")
    public Uni<ReportSchedule> update(@PathParam("id") long id, ReportSchedule.Request request) {
        return schedules.update(CurrentUser.of(identity), id, request);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") long id) {
        return schedules.delete(CurrentUser.of(identity), id).map(v -> Response.noContent().build());
    }
}
