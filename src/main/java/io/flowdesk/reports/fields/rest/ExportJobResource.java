package io.flowdesk.reports.fields.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.fields.ExportJob;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.shared.rest.RequestLocale;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Background exports (ADR 0035): start, follow, download. Only the owner or an admin sees a job. */
@jakarta.ws.rs.Path("/api/reports/exports")
@Authenticated
@Blocking
public class ExportJobResource {

    @Inject
    ExportJobs jobs;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(Map<String, Object> body, @Context RoutingContext context) {
        Map<String, String> params = new HashMap<>();
        if (body != null) {
            body.forEach((k, v) -> params.put(k, v == null ? null : String.valueOf(v)));
        }
        ExportJob job = jobs.start(CurrentUser.of(identity), params.get("kind"), params.get("format"), params,
                RequestLocale.of(context));
        return Response.status(202).entity(job).header("Location", "/api/reports/exports/" + job.id()).build();
    }

    @GET
    @jakarta.ws.rs.Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ExportJob status(@PathParam("id") String id) {
        return jobs.status(CurrentUser.of(identity), id);
    }

    @GET
    @jakarta.ws.rs.Path("/{id}/file")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        MediaType.APPLICATION_JSON})
    public Response file(@PathParam("id") String id) {
        CurrentUser user = CurrentUser.of(identity);
        Path file = jobs.file(user, id);
        ExportJob job = jobs.status(user, id);
        String type = job.format().equals("xlsx") ? FieldReportResource.XLSX : "text/csv; charset=UTF-8";
        return Response.ok(file.toFile(), type).header("Content-Disposition", "attachment; filename=\""
                + job.fileName() + "\"").build();
    }
}
