package io.flowdesk.reports.insights.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.insights.InsightJson;
import io.flowdesk.reports.insights.InsightService;
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
import java.util.List;
import java.util.Locale;

/** Insights of a period as sentences in the reader's language (docs/metrics.md, "Insights"); supervisors, admins. */
@Path("/api/reports/insights")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class InsightResource {

    @Inject
    InsightService insights;

    @Inject
    ReportService reports;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<InsightJson> insights(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("template") String template, @QueryParam("department") String department,
            @QueryParam("channel") String channel, @QueryParam("priority") String priority,
            @Context RoutingContext context) {
        CurrentUser user = CurrentUser.of(identity);
        ReportService.check(user);
        Locale locale = RequestLocale.of(context);
        ReportFilter filter = ReportFilter.parse(from, to, template, department, channel, priority, reports.today());
        return insights.insights(user, filter).stream().map(i -> InsightJson.of(i, locale)).toList();
    }
}
