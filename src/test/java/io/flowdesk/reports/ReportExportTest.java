package io.flowdesk.reports;

import static io.flowdesk.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The XLSX export opens with Apache POI and holds the same rows as the CSV export. */
@QuarkusTest
public class ReportExportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TicketEventStream stream;

    @Test
    void xlsxOpensWithPoiAndHoldsTheCsvRows() throws Throwable {
        Golden g = new Golden(db);
        g.ticket("2027-05-03T09:00:00").task("2027-05-03T09:00:01", "客服,一线")
                .staff("2027-05-03T09:30:00", "agent1").ended("2027-05-03T10:00:00").csat("2027-05-03T11:00:00", 5);
        g.ticket().priority("P1").channel("phone").at("2027-05-04T17:30:00").task("2027-05-04T17:30:01", "it \"2\"")
                .staff("2027-05-05T09:15:00", "agent2").customer("2027-05-05T09:20:00");
        g.ticket("2027-05-05T08:00:00").task("2027-05-05T08:00:01", "=cmd()");
        g.testTicket("2027-05-05T12:00:00").staff("2027-05-05T12:05:00", "agent1"); // test ticket: not exported
        Golden.drain(stream);

        byte[] csvBytes = as("supervisor").accept("text/csv").queryParam("from", "2027-05-01")
                .queryParam("to", "2027-05-07").queryParam("template", g.template).get("/api/reports/tickets.csv")
                .then().statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"))
                .extract().asByteArray();
        String csv = new String(csvBytes, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFnumber,template,"), csv);
        List<List<String>> fromCsv = parseCsv(csv.substring(1));
        assertEquals(ReportService.COLUMNS, fromCsv.get(0));
        assertEquals(4, fromCsv.size(), "header and three tickets: " + fromCsv);
        assertEquals("客服,一线", fromCsv.get(1).get(2));
        assertEquals("it \"2\"", fromCsv.get(2).get(2));
        assertEquals("'=cmd()", fromCsv.get(3).get(2), "no formula from ticket data");
        assertEquals("30", fromCsv.get(1).get(ReportService.COLUMNS.indexOf("first_reply_working")));
        assertEquals("true", fromCsv.get(1).get(ReportService.COLUMNS.indexOf("fcr")));

        byte[] xlsx = as("admin").accept(ReportResourceTypes.XLSX).queryParam("from", "2027-05-01")
                .queryParam("to", "2027-05-07").queryParam("template", g.template).get("/api/reports/tickets.xlsx")
                .then().statusCode(200).extract().asByteArray();
        List<List<String>> fromXlsx = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < ReportService.COLUMNS.size(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                fromXlsx.add(cells);
            }
        }
        List<List<String>> csvUnescaped = fromCsv.stream().map(r -> r.stream()
                .map(c -> c.startsWith("'=") ? c.substring(1) : c).toList()).toList();
        assertEquals(csvUnescaped, fromXlsx);
    }

    static final class ReportResourceTypes {
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    public static String text(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> {
                double v = cell.getNumericCellValue();
                yield v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
            }
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> cell.getStringCellValue();
        };
    }

    public static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r') {
                // part of CRLF
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        return rows;
    }
}
