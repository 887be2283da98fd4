package io.flowdesk.reports.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.Summary;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Service metrics and the ticket fact export (supervisors, admins). */
@Path("/api/reports")
@Authenticated
@Blocking
public class ReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ReportService reports;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public Summary summary(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("template") String template, @QueryParam("department") String department,
            @QueryParam("channel") String channel, @QueryParam("priority") String priority,
            @QueryParam("agent") String agent) {
        CurrentUser user = CurrentUser.of(identity);
        ReportService.check(user);
        return reports.summary(user, ReportFilter.parse(from, to, template, department, channel, priority, agent,
                reports.today()));
    }

    @GET
    @Path("/tickets.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("template") String template, @QueryParam("department") String department,
            @QueryParam("channel") String channel, @QueryParam("priority") String priority,
            @QueryParam("agent") String agent) {
        CurrentUser user = CurrentUser.of(identity);
        ReportService.check(user);
        ReportFilter filter = ReportFilter.parse(from, to, template, department, channel, priority, agent,
                reports.today());
        StreamingOutput body = out -> reports.csv(user, filter, out);
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"tickets-" + filter.from() + "-" + filter.to() + ".csv\"").build();
    }

    @GET
    @Path("/tickets.xlsx")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    public Response xlsx(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("template") String template, @QueryParam("department") String department,
            @QueryParam("channel") String channel, @QueryParam("priority") String priority,
            @QueryParam("agent") String agent) {
        CurrentUser user = CurrentUser.of(identity);
        ReportService.check(user);
        ReportFilter filter = ReportFilter.parse(from, to, template, department, channel, priority, agent,
                reports.today());
        StreamingOutput body = out -> reports.xlsx(user, filter, out);
        return Response.ok(body, XLSX).header("Content-Disposition",
                "attachment; filename=\"tickets-" + filter.from() + "-" + filter.to() + ".xlsx\"").build();
    }

    /** The per-agent breakdown of the summary ({@code by.agent}: handled, median handling time, reopened) as CSV. */
    @GET
    @Path("/agents.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response agentsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("template") String template, @QueryParam("department") String department,
            @QueryParam("channel") String channel, @QueryParam("priority") String priority,
            @QueryParam("agent") String agent) {
        CurrentUser user = CurrentUser.of(identity);
        ReportService.check(user);
        ReportFilter filter = ReportFilter.parse(from, to, template, department, channel, priority, agent,
                reports.today());
        StreamingOutput body = out -> reports.agentsCsv(user, filter, out);
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"agents-" + filter.from() + "-" + filter.to() + ".csv\"").build();
    }
}
