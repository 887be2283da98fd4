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

/** CSV and XLSX (FastExcel, streaming) writers over {@link ReportService#facts}: constant memory, no row limit. */
final class Exports {

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
        ZoneId zone = service.zone();
        try {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            w.write('\uFEFF'); // Excel opens UTF-8 (Chinese) correctly only with the BOM
            w.write(String.join(",", ReportService.COLUMNS));
            w.write("\r\n");
            service.facts(user, f, cells -> {
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
        ZoneId zone = service.zone();
        try {
            Workbook wb = new Workbook(out, "FlowDesk", "1.0");
            Worksheet ws = wb.newWorksheet("tickets");
            for (int i = 0; i < ReportService.COLUMNS.size(); i++) {
                ws.value(0, i, ReportService.COLUMNS.get(i));
            }
            int[] row = {1};
            service.facts(user, f, cells -> {
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
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
