package io.flowdesk.reports.fields.internal;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.reports.fields.ExportKind;
import io.flowdesk.reports.fields.FieldQuery;
import io.flowdesk.reports.fields.FieldReport;
import io.flowdesk.reports.fields.FieldReports;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Kind {@code fields}: the rows of a field report (already grouped: days × values, small). */
@ApplicationScoped
public class FieldsExport implements ExportKind {

    static final List<String> PARAMS = List.of("from", "to", "template", "department", "channel", "priority",
            "groupBy", "sum", "interval");

    @Inject
    ReportService reports;

    @Inject
    FieldReports fields;

    @Override
    public String id() {
        return "fields";
    }

    @Override
    public List<String> params() {
        return PARAMS;
    }


    @Override
    public void check(CurrentUser user, Map<String, String> params, Locale locale) {
        report(user, params, locale);
    }

    private FieldReport report(CurrentUser user, Map<String, String> p, Locale locale) {
        ReportFilter filter = ExportJobs.filter(p, reports.today());
        if (p.get("template") == null) {
            throw InvalidInput.of("template", Text.of("reports.fields.error.templateMissing",
                    Text.of("reports.param.template")), "required");
        }
        return fields.report(user, p.get("template"), FieldQuery.of(p.get("groupBy"), p.get("sum"),
                p.get("interval"), filter), locale);
    }

    @Override
    public Source open(CurrentUser user, Map<String, String> params, Locale locale) {
        FieldReport report = report(user, params, locale);
        ReportFilter filter = ExportJobs.filter(params, reports.today());
        return new Source(FieldReport.COLUMNS, report.rows().size(), sink -> report.rows().forEach(r -> {
            try {
                sink.row(new Object[] {r.period(), r.value(), r.label(), r.count(), r.sum()});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), "fields-" + filter.from() + "-" + filter.to());
    }
}
