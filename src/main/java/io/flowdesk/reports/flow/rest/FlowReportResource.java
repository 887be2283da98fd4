package io.flowdesk.reports.flow.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.flow.FlowSelection;
import io.flowdesk.reports.flow.FlowStats;
import io.flowdesk.reports.flow.FlowTexts;
import io.flowdesk.shared.rest.RequestLocale;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * Per-step statistics and flow counts of a template (ADR 0032), for supervisors and admins. {@code from}/{@code to}
 * are dates (yyyy-MM-dd, Asia/Shanghai, inclusive); {@code version} a template version. Times are in seconds.
 */
@Path("/api/reports/flow")
@Produces(MediaType.APPLICATION_JSON)
public class FlowReportResource {

    @Inject
    FlowStats stats;

    @Inject
    SecurityIdentity identity;

    public record StepJson(String id, String name, long count, long tickets, long rework, long completed,
            Long waitMedianSeconds, Long waitP90Seconds, Long workMedianSeconds, Long workP90Seconds,
            Long totalMedianSeconds, String totalMedianText) {
    }

    public record ReportJson(String template, String name, Integer version, List<Integer> versions, long tickets,
            List<StepJson> steps, List<FlowStats.FlowCount> flows, String slowestStep, String slowestText,
            String bpmnXml) {
    }

    @GET
    @Path("/{template}")
    public Uni<ReportJson> report(@PathParam("template") String template, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("version") String version, @Context RoutingContext context) {
        Locale locale = RequestLocale.of(context);
        FlowSelection at = FlowSelection.parse(from, to, version);
        return stats.report(CurrentUser.of(identity), template, at.from(), at.to(), at.version())
                .map(r -> json(r, locale));
    }

    /** The drill-down of one step: the tickets behind its numbers (at most 200, the slowest first). */
    @GET
    @Path("/{template}/steps/{step}/tickets")
    public Uni<List<FlowStats.StepTicket>> stepTickets(@PathParam("template") String template,
            @PathParam("step") String step, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("version") String version) {
        FlowSelection at = FlowSelection.parse(from, to, version);
        return stats.stepTickets(CurrentUser.of(identity), template, step, at.from(), at.to(), at.version());
    }

    public static ReportJson json(FlowStats.FlowReport r, Locale locale) {
        boolean zh = "zh".equals(locale.getLanguage());
        return new ReportJson(r.templateKey(), zh ? r.nameZh() : r.nameEn(), r.version(), r.versions(), r.tickets(),
                r.steps().stream().map(s -> new StepJson(s.stepId(), FlowTexts.stepName(s, locale), s.count(),
                        s.tickets(), s.rework(), s.completed(), s.waitMedian(), s.waitP90(), s.workMedian(),
                        s.workP90(), s.totalMedian(), FlowTexts.duration(s.totalMedian(), locale))).toList(),
                r.flows(), r.slowestStep(), FlowTexts.slowest(r, locale), r.bpmnXml());
    }
}
