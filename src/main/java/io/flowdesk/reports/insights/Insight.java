package io.flowdesk.reports.insights;

import io.flowdesk.reports.ReportFilter;
import io.flowdesk.shared.Text;
import java.util.Map;

/**
 * One finding written as a sentence (docs/metrics.md, "Insights"): the rule that made it, the sentence in the
 * catalogue, the numbers behind it (as data and as a sentence, {@code detail}), and the tickets behind it as a
 * report filter (the export of those tickets).
 *
 * @param template the template it is about, or null for every template
 */
public record Insight(String rule, Text text, Text detail, String template, Map<String, Object> numbers,
        ReportFilter tickets) {

    public static final String SHARE = "share";
    public static final String FIRST_RESPONSE = "first-response";
    public static final String WEEKDAY = "weekday";
}
