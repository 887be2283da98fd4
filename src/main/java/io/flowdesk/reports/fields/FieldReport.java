package io.flowdesk.reports.fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A field report: per period (first day of the day, ISO week, month, or the whole range for {@code none}) and group
 * value, the tickets created and the sum of the sum field ({@code null} when no sum field was asked).
 */
public record FieldReport(String template, String groupBy, String groupByLabel, String sum, String sumLabel,
        String interval, LocalDate from, LocalDate to, List<Row> rows) {

    public record Row(LocalDate period, String value, String label, long count, BigDecimal sum) {
    }

    /** The export's columns, in order. */
    public static final List<String> COLUMNS = List.of("period", "value", "label", "count", "sum");
}
