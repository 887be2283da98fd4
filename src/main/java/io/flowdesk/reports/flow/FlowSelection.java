package io.flowdesk.reports.flow;

import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A flow report's period and version, checked (the REST parameters and an export job's). Null: open. */
public record FlowSelection(LocalDate from, LocalDate to, Integer version) {

    public static FlowSelection parse(String from, String to, String version) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw InvalidInput.of("/to", Text.of("flowmap.error.rangeOrder"), "range");
        }
        Integer v = null;
        if (version != null && !version.isBlank()) {
            try {
                v = Integer.parseInt(version.trim());
            } catch (NumberFormatException e) {
                throw InvalidInput.of("/version", Text.of("flowmap.error.version"), "integer");
            }
        }
        return new FlowSelection(start, end, v);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("/" + field, Text.of("flowmap.error." + field), "date");
        }
    }
}
