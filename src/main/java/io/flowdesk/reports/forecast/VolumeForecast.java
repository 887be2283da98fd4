package io.flowdesk.reports.forecast;

import io.flowdesk.shared.Text;
import java.time.LocalDate;
import java.util.List;

/**
 * Tickets created per day ahead (ADR 0037): {@code template} null is all templates. When the history is too short,
 * {@code forecast} is empty, {@code params} and {@code holdout} are null and {@code message} says why.
 */
public record VolumeForecast(String template, String method, String calendar, LocalDate today, int days,
        List<Actual> history, List<Day> forecast, HoltWinters.Params params, Holdout holdout, Text message) {

    /** A day of history: tickets created (test tickets never count). */
    public record Actual(LocalDate date, long actual, DayType dayType) {
    }

    /** A day ahead: expected tickets and the 80 % / 95 % prediction intervals. */
    public record Day(LocalDate date, double expected, double low80, double high80, double low95, double high95,
            DayType dayType) {
    }

    /**
     * The error of the same method on the last {@code days} days of history, fitted on the days before: MAE and MAPE
     * (in %, over the days with at least one ticket; null if there is none). Null when the history is too short.
     */
    public record Holdout(Double mape, double mae, int days) {
    }

    public boolean available() {
        return message == null;
    }
}
