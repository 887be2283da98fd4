package io.flowdesk.reports.lists.internal;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.fields.ExportKind;
import io.flowdesk.reports.flow.FlowSelection;
import io.flowdesk.reports.flow.StepTicketExport;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kind {@code step}: all tickets behind a step of the flow heatmap
 * ({@code GET /api/reports/flow/{template}/steps/{step}/tickets}), the slowest first, without the list's 200 cap.
 */
@ApplicationScoped
public class StepListExport implements ExportKind {

    static final List<String> PARAMS = List.of("template", "step", "from", "to", "version");

    @Inject
    StepTicketExport steps;

    @Override
    public String id() {
        return "step";
    }

    @Override
    public List<String> params() {
        return PARAMS;
    }

    @Override
    public void allowed(CurrentUser user) {
        StepTicketExport.check(user);
    }

    @Override
    public void check(CurrentUser user, Map<String, String> p, Locale locale) {
        for (String required : List.of("template", "step")) {
            if (p.get(required) == null) {
                throw InvalidInput.of(required, Text.of("reports.exports.error.required", Text.of(
                        "reports.exports.param." + required)), "required");
            }
        }
        FlowSelection.parse(p.get("from"), p.get("to"), p.get("version"));
    }

    @Override
    public Source open(CurrentUser user, Map<String, String> p, Locale locale) {
        check(user, p, locale);
        FlowSelection at = FlowSelection.parse(p.get("from"), p.get("to"), p.get("version"));
        String template = p.get("template");
        String step = p.get("step");
        return new Source(StepTicketExport.COLUMNS, steps.count(user, template, step, at), sink -> steps.each(user,
                template, step, at, t -> sink.row(new Object[] {t.number(), t.title(), t.entries(), t.waitSeconds(),
                    t.workSeconds(), t.totalSeconds()})), "step-" + safe(template) + "-" + safe(step));
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.substring(0, Math.min(60, s.length()));
    }
}
