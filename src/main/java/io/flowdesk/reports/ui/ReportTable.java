package io.flowdesk.reports.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * The wrap of a reports table ({@code frontend/fd-reports.css}): the table's look in one place, and what it does on a
 * phone. A {@link #stacked} table turns each row into a small card of "label  value" lines below 600 px (the labels
 * are the column headings, copied onto every cell as {@code data-label}), so nothing scrolls sideways; a column
 * marked {@link #WIDE_ONLY} is left out there instead.
 */
@CssImport("./fd-reports.css")
public class ReportTable extends Div {

    /** The class of a cell (and its heading) that a phone does not show. */
    public static final String WIDE_ONLY = "fd-wide-only";

    private final boolean stacked;

    private ReportTable(boolean stacked) {
        this.stacked = stacked;
        addClassName("fd-report-table-wrap");
    }

    /** Rows become cards on a phone. */
    public static ReportTable stacked() {
        return new ReportTable(true);
    }

    /** Rows stay rows (few, narrow columns); the wrap still scrolls if a phone is narrower than the table. */
    public static ReportTable plain() {
        return new ReportTable(false);
    }

    /** A table with its id, class and one heading row ({@code th scope=col}). */
    public static Element table(String id, String className, List<String> headers) {
        Element table = new Element("table").setAttribute("id", id);
        table.getClassList().add("fd-report-table");
        table.getClassList().add(className);
        Element head = new Element("tr");
        headers.forEach(h -> head.appendChild(new Element("th").setAttribute("scope", "col").setText(h)));
        table.appendChild(new Element("thead").appendChild(head));
        return table;
    }

    /** Leaves the column (from 0) out on a phone: call before {@link #show}. */
    public static Element wideOnly(Element table, int column) {
        headings(table).get(column).getClassList().add(WIDE_ONLY);
        return table;
    }

    private static List<Element> headings(Element table) {
        return table.getChildren().filter(e -> e.getTag().equals("thead")).flatMap(Element::getChildren)
                .findFirst().map(row -> row.getChildren().toList()).orElse(List.of());
    }

    /** Shows the table (replacing the one shown), every body cell labelled with its column's heading. */
    public void show(Element table) {
        table.getClassList().set("fd-stack", stacked);
        List<Element> headings = headings(table);
        table.getChildren().filter(e -> e.getTag().equals("tbody")).flatMap(Element::getChildren).forEach(row -> {
            int column = 0;
            for (Element cell : row.getChildren().toList()) {
                if (column < headings.size() && !cell.hasAttribute("colspan")) {
                    Element heading = headings.get(column);
                    cell.setAttribute("data-label", heading.getTextRecursively());
                    cell.getClassList().set(WIDE_ONLY, heading.getClassList().contains(WIDE_ONLY));
                }
                column++;
            }
        });
        getElement().removeAllChildren();
        getElement().appendChild(table);
    }
}
