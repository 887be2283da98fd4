package io.flowdesk.reports.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.dom.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableTest {

    private static Element table() {
        Element table = ReportTable.table("t", "fd-x", List.of("Agent", "Open now", "Median"));
        Element row = new Element("tr");
        row.appendChild(new Element("th").setText("Agent 1"), new Element("td").setText("3"),
                new Element("td").setText("2 h"));
        Element empty = new Element("tr").appendChild(new Element("td").setAttribute("colspan", "3").setText("none"));
        table.appendChild(new Element("tbody").appendChild(row, empty));
        return table;
    }

    private static Element cell(Element table, int row, int column) {
        return table.getChild(1).getChild(row).getChild(column);
    }

    @Test
    void aStackedTableLabelsEveryCellWithItsColumnsHeading() {
        Element table = table();
        ReportTable wrap = ReportTable.stacked();
        wrap.show(table);
        assertTrue(table.getClassList().containsAll(List.of("fd-report-table", "fd-x", "fd-stack")));
        assertEquals("Open now", cell(table, 0, 1).getAttribute("data-label"));
        assertEquals("Median", cell(table, 0, 2).getAttribute("data-label"));
        assertFalse(cell(table, 1, 0).hasAttribute("data-label"), "a cell across all columns has no label");
        assertEquals(table, wrap.getElement().getChild(0));
    }

    @Test
    void aWideOnlyColumnIsMarkedOnEveryRowAndAPlainTableDoesNotStack() {
        Element table = ReportTable.wideOnly(table(), 2);
        ReportTable.plain().show(table);
        assertFalse(table.getClassList().contains("fd-stack"));
        assertTrue(cell(table, 0, 2).getClassList().contains(ReportTable.WIDE_ONLY));
        assertFalse(cell(table, 0, 1).getClassList().contains(ReportTable.WIDE_ONLY));
        assertTrue(table.getChild(0).getChild(0).getChild(2).getClassList().contains(ReportTable.WIDE_ONLY));
    }
}
