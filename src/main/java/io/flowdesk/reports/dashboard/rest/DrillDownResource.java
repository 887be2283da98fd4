package io.flowdesk.reports.dashboard.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.dashboard.DrillDown;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/reports/tickets?metric=&bucket=&<summary filters>&page=&size=}: the tickets behind a number of
 * {@code /api/reports/summary} for the same filters (ADR 0034), newest first, paged. Supervisors and admins.
 */
@Path("/api/reports/tickets")
@Authenticated
@Blocking
public class DrillDownResource {

    @Inject
    DrillDown drillDown;

    @Inject
    ReportService reports;

    @Inject
    SecurityIdentity identity;

    public record TicketJson(String number, String title, String status, String priority, Instant createdAt,
            String url) {
    }

    public record PageJson(String metric, String bucket, long total, long outcomes, int page, int size,
            List<TicketJson> tickets) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PageJson tickets(@QueryParam("metric") String metric, @QueryParam("bucket") String bucket,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("template") String template,
            @QueryParam("department") String department, @QueryParam("channel") String channel,
            @QueryParam("priority") String priority, @QueryParam("agent") String agent,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        CurrentUser user = CurrentUser.of(identity);
        ReportService.check(user);
        ReportFilter filter = ReportFilter.parse(from, to, template, department, channel, priority, agent,
                reports.today());
        DrillDown.Page p = drillDown.tickets(user, filter, DrillDown.Query.parse(metric, bucket, page, size));
        return new PageJson(p.metric(), p.bucket(), p.total(), p.outcomes(), p.page(), p.size(), p.tickets().stream()
                .map(r -> new TicketJson(r.number(), r.title(), r.status(), r.priority(), r.createdAt(),
                        "/tickets/" + r.number())).toList());
    }
}
