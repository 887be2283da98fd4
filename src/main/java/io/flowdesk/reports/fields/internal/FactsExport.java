package io.flowdesk.reports.fields.internal;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.reports.fields.ExportKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Kind {@code tickets}: the ticket fact rows of the report's period and filters ({@link ReportService#facts}). */
@ApplicationScoped
public class FactsExport implements ExportKind {

    static final List<String> PARAMS = List.of("from", "to", "template", "department", "channel", "priority",
            "agent");

    @Inject
    ReportService reports;

    @Override
    public String id() {
        return "tickets";
    }

    @Override
    public List<String> params() {
        return PARAMS;
    }


    @Override
    public void check(CurrentUser user, Map<String, String> params, Locale locale) {
        ExportJobs.filter(params, reports.today());
    }

    @Override
    public Source open(CurrentUser user, Map<String, String> params, Locale locale) {
        ReportFilter filter = ExportJobs.filter(params, reports.today());
        return new Source(ReportService.COLUMNS, reports.factCount(user, filter), sink -> reports.facts(user, filter,
                sink), "tickets-" + filter.from() + "-" + filter.to());
    }
}
