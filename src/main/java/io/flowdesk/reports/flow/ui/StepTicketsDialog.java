package io.flowdesk.reports.flow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import io.flowdesk.reports.flow.FlowStats;
import io.flowdesk.reports.flow.FlowStats.StepTicket;
import io.flowdesk.reports.flow.FlowTexts;
import io.flowdesk.reports.ui.ReportTable;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import java.util.List;
import java.util.Locale;

/** The drill-down of one step of the heatmap: the tickets behind its numbers, the slowest first, each a link. */
final class StepTicketsDialog {

    private StepTicketsDialog() {
    }

    /** {@code exports}: the CSV/XLSX buttons of all the step's tickets (kind {@code step}, without the cap). */
    static void open(String stepName, List<StepTicket> tickets, Locale locale, Component exports) {
        Dialog dialog = new Dialog();
        dialog.setId("flow-step-tickets");
        dialog.setHeaderTitle(Ui.text(Text.of("flowmap.drill.title", stepName)));
        dialog.setWidth("min(760px, 96vw)");
        Div body = new Div();
        ReportTable wrap = ReportTable.stacked();
        if (tickets.isEmpty()) {
            body.add(new Span(Ui.text(Text.of("flowmap.drill.none"))));
        } else {
            body.add(new Span(Ui.text(Text.of(tickets.size() >= FlowStats.STEP_TICKETS_LIMIT
                    ? "flowmap.drill.limited" : "flowmap.drill.count", tickets.size()))));
            Element table = ReportTable.table("flow-step-tickets-table", "fd-flow-steps", List.of("ticket", "title",
                    "entries", "wait", "work", "total").stream().map(k -> Ui.text(Text.of("flowmap.drill.col." + k)))
                    .toList());
            table.getChild(0).getChild(0).getChild(1).setAttribute("style", "text-align: start"); // the title
            Element rows = new Element("tbody");
            for (StepTicket t : tickets) {
                Element row = new Element("tr").setAttribute("data-ticket", t.number());
                Element number = new Element("th").setAttribute("scope", "row");
                number.appendChild(new Anchor("tickets/" + t.number(), t.number()).getElement());
                row.appendChild(number);
                row.appendChild(new Element("td").setText(t.title()).setAttribute("style", "text-align: start"));
                row.appendChild(new Element("td").setText(String.valueOf(t.entries())));
                for (Long seconds : new Long[] {t.waitSeconds(), t.workSeconds(), t.totalSeconds()}) {
                    row.appendChild(new Element("td").setText(FlowTexts.duration(seconds, locale)));
                }
                rows.appendChild(row);
            }
            table.appendChild(rows);
            wrap.show(table);
            body.add(wrap);
        }
        dialog.add(exports, body);
        Button close = new Button(Ui.text(Text.of("flowmap.drill.close")), e -> dialog.close());
        close.setId("flow-step-tickets-close");
        dialog.getFooter().add(close);
        dialog.open();
    }
}
