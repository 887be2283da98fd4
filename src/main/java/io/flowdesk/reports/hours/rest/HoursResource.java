package io.flowdesk.reports.hours.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.hours.HourStats;
import io.flowdesk.shared.rest.RequestLocale;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/reports/hours}: tickets per weekday and hour of the day, with the summary's filters. */
@Path("/api/reports/hours")
@Authenticated
@Blocking
public class HoursResource {

    @Inject
    HourStats hours;

    @Inject
    ReportService reports;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public HourStats.Hours get(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("template") String template, @QueryParam("department") String department,
            @QueryParam("channel") String channel, @QueryParam("priority") String priority,
            @QueryParam("agent") String agent, @Context RoutingContext context) {
        CurrentUser user = CurrentUser.of(identity);
        ReportService.check(user);
        return hours.hours(user, ReportFilter.parse(from, to, template, department, channel, priority, agent,
                reports.today()), RequestLocale.of(context));
    }
}
