package io.flowdesk.reports.fields;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.Exports;
import io.flowdesk.reports.ReportService;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One list that background export jobs can write (ADR 0035, generalised by ADR 0040): the report's ticket facts, a
 * field report, an inbox view, a dashboard drill-down, a flow step's tickets. CDI beans, found by {@link #id()}. A
 * kind decides who may export it and reads its rows with the same query and the same access rules as the list it
 * exports, streamed (constant memory).
 */
public interface ExportKind {

    /** The job's {@code kind}. */
    String id();

    /** The request parameters this kind keeps with the job (its filters); others are dropped. */
    List<String> params();

    /**
     * Throws {@code Forbidden} when the user may not export this kind at all (checked before any parameter). By
     * default the reports' rule: supervisors and admins.
     */
    default void allowed(CurrentUser user) {
        ReportService.check(user);
    }

    /** Throws {@code InvalidInput} (422, by label) when a parameter is wrong: at the request, not in the background. */
    void check(CurrentUser user, Map<String, String> params, Locale locale);

    /** The rows to write for the job's owner (as the owner is now, read again when the job runs). */
    Source open(CurrentUser user, Map<String, String> params, Locale locale);

    /**
     * What a job writes: the header, how many rows to expect (for the progress bar), the rows (streamed), and the
     * name the download gets (without extension).
     */
    record Source(List<String> columns, long total, Exports.Rows rows, String fileName) {
    }
}
