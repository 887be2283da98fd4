package io.flowdesk.reports;

import io.flowdesk.identity.CurrentUser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * CSV and XLSX (FastExcel, streaming) writers over a stream of rows ({@link ReportService#facts}, the field report, a
 * background export job): constant memory, no row limit.
 */
public final class Exports {

    /** Hands every row to the sink, in order (a streaming query or a list). */
    public interface Rows {
        void each(ReportService.RowSink sink);
    }

    /** Instants are written in the reporting zone, ISO-8601 with offset, identical in both formats. */
    static String instant(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    }

    private Exports() {
    }

    static String cell(Object v, ZoneId zone) {
        if (v == null) {
            return "";
        }
        if (v instanceof Instant at) {
            return instant(at, zone);
        }
        return String.valueOf(v);
    }

    static void csv(ReportService service, CurrentUser user, ReportFilter f, OutputStream out) {
        csv(ReportService.COLUMNS, sink -> service.facts(user, f, sink), service.zone(), out);
    }

    /** UTF-8 with BOM, CRLF, quoted where needed, no formula from data. */
    public static void csv(java.util.List<String> columns, Rows rows, ZoneId zone, OutputStream out) {
        try {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            w.write('\uFEFF'); // Excel opens UTF-8 (Chinese) correctly only with the BOM
            w.write(String.join(",", columns));
            w.write("\r\n");
            rows.each(cells -> {
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(quote(cell(cells[i], zone)));
                }
                w.write("\r\n");
            });
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String s) {
        boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?");
        String safe = formula ? "'" + s : s; // no spreadsheet formula injection from ticket data
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    static void xlsx(ReportService service, CurrentUser user, ReportFilter f, OutputStream out) {
        xlsx(java.util.List.of(new Sheet("tickets", ReportService.COLUMNS, sink -> service.facts(user, f, sink)),
                new Sheet("agents", GroupSql.AGENT_COLUMNS, service.agentRows(user, f))), service.zone(), out);
    }

    /** One sheet of a workbook: its name, the columns (its first row) and its rows. */
    public record Sheet(String name, java.util.List<String> columns, Rows rows) {
    }

    /** One sheet, the columns as its first row; rows flushed every 1,000. */
    public static void xlsx(String sheet, java.util.List<String> columns, Rows rows, ZoneId zone, OutputStream out) {
        xlsx(java.util.List.of(new Sheet(sheet, columns, rows)), zone, out);
    }

    /** Sheets in order, each streamed: a sheet is finished before the next begins, so memory stays bounded. */
    public static void xlsx(java.util.List<Sheet> sheets, ZoneId zone, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "FlowDesk", "1.0");
            for (Sheet sheet : sheets) {
                write(wb.newWorksheet(sheet.name()), sheet, zone);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Worksheet ws, Sheet sheet, ZoneId zone) throws IOException {
        for (int i = 0; i < sheet.columns().size(); i++) {
            ws.value(0, i, sheet.columns().get(i));
        }
        int[] row = {1};
        sheet.rows().each(cells -> {
            int r = row[0]++;
            for (int i = 0; i < cells.length; i++) {
                Object v = cells[i];
                if (v == null) {
                    continue;
                }
                if (v instanceof Number n) {
                    ws.value(r, i, n);
                } else if (v instanceof Boolean b) {
                    ws.value(r, i, b);
                } else {
                    ws.value(r, i, cell(v, zone));
                }
            }
            if (r % 1000 == 0) {
                ws.flush(); // FastExcel keeps rows until flushed: this is what bounds memory
            }
        });
        ws.finish();
    }
}
