package io.flowdesk.tokens.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A labelled set of checkboxes with an error line. Plain checkboxes rather than a checkbox group: the group's web
 * component sits in a lazily loaded chunk of the production bundle that routes added after the bundle do not load.
 */
class ChoiceBoxes<T> extends Div {

    private final Map<T, Checkbox> boxes = new LinkedHashMap<>();
    private final Span error = new Span();

    ChoiceBoxes(String id, String label, List<T> items, Function<T, String> key, Function<T, String> caption) {
        setId(id);
        addClassName("fd-choices");
        Span title = new Span(label);
        title.addClassName("fd-choices-label");
        add(title);
        for (T item : items) {
            Checkbox box = new Checkbox(caption.apply(item));
            box.setId(id + "-" + key.apply(item).replace(':', '-'));
            boxes.put(item, box);
            add(box);
        }
        error.addClassName("fd-choices-error");
        error.setVisible(false);
        add(error);
    }

    Set<T> value() {
        Set<T> chosen = new LinkedHashSet<>();
        boxes.forEach((item, box) -> {
            if (box.getValue()) {
                chosen.add(item);
            }
        });
        return chosen;
    }

    void clear() {
        boxes.values().forEach(b -> b.setValue(false));
        error(null);
    }

    void error(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        getElement().setAttribute("invalid", message != null);
    }
}
