package io.flowdesk.reports.fields;

import io.flowdesk.reports.ReportFilter;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import java.util.List;

/** What a field report asks for: group-by field, sum field (both optional), interval and the report filter. */
public record FieldQuery(String groupBy, String sum, String interval, ReportFilter filter) {

    public static final List<String> INTERVALS = List.of("day", "week", "month", "none");

    public static FieldQuery of(String groupBy, String sum, String interval, ReportFilter filter) {
        String i = interval == null || interval.isBlank() ? "none" : interval.strip();
        if (!INTERVALS.contains(i)) {
            throw InvalidInput.of("interval", Text.of("reports.fields.error.interval",
                    Text.of("reports.fields.param.interval")), "enum");
        }
        return new FieldQuery(blank(groupBy), blank(sum), i, filter);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
