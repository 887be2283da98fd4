package io.flowdesk.designer.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.templates.DiagramDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The diff of two versions drawn on their diagrams, side by side (ADR 0049): the old one with removed elements in
 * red, the new one with added elements in green, changed ones amber on both; a hover on a marked element shows
 * what changed, in the reader's language. Used by the versions dialog and the publish confirmation.
 */
class DiffDiagrams extends Div {

    private final DiffDiagram before = new DiffDiagram("diff-old");
    private final DiffDiagram after = new DiffDiagram("diff-new");
    private final H4 beforeTitle = new H4();
    private final H4 afterTitle = new H4();

    DiffDiagrams() {
        setId("diff-diagrams");
        addClassName("fd-diff-diagrams-box");
        Div legend = new Div();
        legend.addClassName("fd-diff-legend");
        for (String change : List.of(DiagramDiff.ADDED, DiagramDiff.REMOVED, DiagramDiff.CHANGED)) {
            Span swatch = new Span(getTranslation("designer.diff." + change));
            swatch.addClassName(change);
            swatch.getElement().insertChild(0, new com.vaadin.flow.dom.Element("i"));
            legend.add(swatch);
        }
        Div left = new Div(beforeTitle, before);
        left.addClassName("fd-diff-pane");
        Div right = new Div(afterTitle, after);
        right.addClassName("fd-diff-pane");
        Div grid = new Div(left, right);
        grid.addClassName("fd-diff-diagrams");
        add(legend, grid);
    }

    /** Draws both diagrams; {@code oldTitle}/{@code newTitle} head the panes (e.g. "v2", "draft"). */
    void show(String oldTitle, String oldXml, String newTitle, String newXml, DiagramDiff diff) {
        Locale locale = getLocale();
        boolean zh = Messages.isChinese(locale);
        beforeTitle.setText(oldTitle);
        afterTitle.setText(newTitle);
        before.show(DiagramDiff.localizedXml(oldXml, zh), Json.write(marks(diff.onOld(), locale)));
        after.show(DiagramDiff.localizedXml(newXml, zh), Json.write(marks(diff.onNew(), locale)));
    }

    /** The marks as the browser draws them: change, a title and one line per detail, in the reader's language. */
    static Map<String, Map<String, Object>> marks(Map<String, DiagramDiff.Mark> marks, Locale locale) {
        boolean zh = Messages.isChinese(locale);
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        marks.forEach((id, mark) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("change", mark.change());
            m.put("title", Messages.get(locale, "designer.diff.mark." + mark.change(), mark.name(zh)));
            List<String> lines = new ArrayList<>();
            for (DiagramDiff.Detail d : mark.details()) {
                lines.add(line(d, mark.change(), locale));
            }
            m.put("lines", lines);
            result.put(id, m);
        });
        return result;
    }

    static String line(DiagramDiff.Detail d, String change, Locale locale) {
        String key = "designer.diff.prop." + d.property().replace(' ', '.');
        String label = Messages.pattern(locale, key) == null ? d.property() : Messages.get(locale, key);
        if (!d.subject().isEmpty()) {
            label = label + " " + d.subject();
        }
        String none = Messages.get(locale, "designer.diff.prop.none");
        if (!DiagramDiff.CHANGED.equals(change)) {
            return Messages.get(locale, "designer.diff.line.value", label,
                    d.after() != null ? d.after() : d.before());
        }
        return Messages.get(locale, "designer.diff.line.change", label, d.before() == null ? none : d.before(),
                d.after() == null ? none : d.after());
    }
}
