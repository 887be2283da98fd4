package io.flowdesk.reports.lists.internal;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.dashboard.DrillDown;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.reports.fields.ExportKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Kind {@code drill}: all tickets behind a dashboard number ({@code GET /api/reports/tickets}), newest first. */
@ApplicationScoped
public class DrillListExport implements ExportKind {

    static final List<String> PARAMS = List.of("metric", "bucket", "from", "to", "template", "department",
            "channel", "priority", "agent");

    @Inject
    DrillDown drill;

    @Inject
    ReportService reports;

    @Override
    public String id() {
        return "drill";
    }

    @Override
    public List<String> params() {
        return PARAMS;
    }


    @Override
    public void check(CurrentUser user, Map<String, String> params, Locale locale) {
        drill.count(user, ExportJobs.filter(params, reports.today()), query(params));
    }

    @Override
    public Source open(CurrentUser user, Map<String, String> params, Locale locale) {
        ReportFilter filter = ExportJobs.filter(params, reports.today());
        DrillDown.Query q = query(params);
        return new Source(DrillDown.COLUMNS, drill.count(user, filter, q), sink -> drill.each(user, filter, q,
                r -> sink.row(new Object[] {r.number(), r.title(), r.status(), r.priority(), r.createdAt()})),
                "tickets-" + q.metric() + "-" + filter.from() + "-" + filter.to());
    }

    private static DrillDown.Query query(Map<String, String> p) {
        return DrillDown.Query.parse(p.get("metric"), p.get("bucket"), null, null);
    }
}
