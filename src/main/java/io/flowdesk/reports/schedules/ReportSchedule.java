package io.flowdesk.reports.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A scheduled report mail (ADR 0036): daily (yesterday) or weekly (the seven days before the weekday it goes on), at
 * {@code time} in {@code zone}, to {@code recipients} (user names of supervisors and admins).
 *
 * @param weekday ISO day of the week (1 = Monday) for weekly schedules, null for daily ones
 * @param time {@code HH:mm}
 * @param lastRun the newest period sent (or claimed), or null
 */
public record ReportSchedule(long id, String name, String frequency, Integer weekday, String time, String zone,
        List<String> recipients, String template, String department, boolean enabled, String createdBy,
        Instant createdAt, Instant updatedAt, Run lastRun) {

    public static final String DAILY = "daily";
    public static final String WEEKLY = "weekly";

    /** One period's mail: claimed ({@code sending}), then {@code sent} or {@code failed}. */
    public record Run(String periodKey, LocalDate from, LocalDate to, String status, int recipients,
            Instant claimedAt, Instant sentAt, String error) {
    }

    /** What a create or an edit sends; {@code enabled} null means true. */
    public record Request(String name, String frequency, Integer weekday, String time, String zone,
            List<String> recipients, String template, String department, Boolean enabled) {
    }
}
