package io.flowdesk.reports.fields.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.Exports;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.fields.FieldCatalogue;
import io.flowdesk.reports.fields.FieldQuery;
import io.flowdesk.reports.fields.FieldReport;
import io.flowdesk.reports.fields.FieldReports;
import io.flowdesk.shared.rest.RequestLocale;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Reports over a template's form fields (ADR 0035), for supervisors and admins. */
@Path("/api/reports/fields/{template}")
@Authenticated
@Blocking
public class FieldReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    FieldReports reports;

    @Inject
    ReportService service;

    @Inject
    SecurityIdentity identity;

    /** A field as the report offers it. */
    public record FieldJson(String key, String label, String widget, boolean groupable, boolean summable) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public FieldReport report(@PathParam("template") String template, @QueryParam("groupBy") String groupBy,
            @QueryParam("sum") String sum, @QueryParam("interval") String interval, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("department") String department,
            @QueryParam("channel") String channel, @QueryParam("priority") String priority,
            @Context RoutingContext context) {
        CurrentUser user = CurrentUser.of(identity);
        ReportService.check(user);
        ReportFilter filter = ReportFilter.parse(from, to, template, department, channel, priority, reports.today());
        return reports.report(user, template, FieldQuery.of(groupBy, sum, interval, filter), RequestLocale.of(context));
    }

    @GET
    @Path("/fields")
    @Produces(MediaType.APPLICATION_JSON)
    public List<FieldJson> fields(@PathParam("template") String template, @Context RoutingContext context) {
        Locale locale = RequestLocale.of(context);
        FieldCatalogue.Catalogue c = reports.catalogue(CurrentUser.of(identity), template);
        return c.fields().values().stream().map(f -> new FieldJson(f.key(), f.label(locale), f.widget(),
                f.groupable(), f.summable())).toList();
    }

    @GET
    @Path("/export.{format:csv|xlsx}")
    @Produces({"text/csv", XLSX, MediaType.APPLICATION_JSON})
    public Response export(@PathParam("template") String template, @PathParam("format") String format,
            @QueryParam("groupBy") String groupBy, @QueryParam("sum") String sum,
            @QueryParam("interval") String interval, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("department") String department, @QueryParam("channel") String channel,
            @QueryParam("priority") String priority, @Context RoutingContext context) {
        FieldReport report = report(template, groupBy, sum, interval, from, to, department, channel, priority,
                context);
        Exports.Rows rows = sink -> report.rows().forEach(r -> {
            try {
                sink.row(new Object[] {r.period(), r.value(), r.label(), r.count(), r.sum()});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        StreamingOutput body = out -> {
            if (format.equals("xlsx")) {
                Exports.xlsx("fields", FieldReport.COLUMNS, rows, service.zone(), out);
            } else {
                Exports.csv(FieldReport.COLUMNS, rows, service.zone(), out);
            }
        };
        return Response.ok(body, format.equals("xlsx") ? XLSX : "text/csv; charset=UTF-8").header(
                "Content-Disposition", "attachment; filename=\"fields-" + template + "-" + report.from() + "-"
                        + report.to() + "." + format + "\"").build();
    }
}
