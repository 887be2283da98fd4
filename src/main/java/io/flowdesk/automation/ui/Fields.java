package io.flowdesk.automation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the editor's parts. */
final class Fields {

    private Fields() {
    }

    /** A select of the keys of {@code names} (in order) labelled by their names; a stored key not offered is kept. */
    static Select<String> select(String id, String label, Map<String, String> names) {
        Select<String> s = new Select<>();
        s.setId(id);
        s.setLabel(label);
        items(s, names);
        return s;
    }

    static void items(Select<String> s, Map<String, String> names) {
        s.setItems(new ArrayList<>(names.keySet()));
        s.setItemLabelGenerator(k -> k == null ? "" : names.getOrDefault(k, k));
    }

    /** Sets a value, adding it to the items when it is not offered (a department since removed, say). */
    static void value(Select<String> s, Map<String, String> names, String value) {
        if (value != null && !names.containsKey(value)) {
            names.put(value, value);
            items(s, names);
        }
        s.setValue(value);
    }

    static TextField text(String id, String label) {
        TextField f = new TextField(label);
        f.setId(id);
        return f;
    }

    static FlexLayout row(Component... parts) {
        FlexLayout row = new FlexLayout(parts);
        row.setWidthFull();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "0 var(--lumo-space-m)");
        return row;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String nullToBlank(String s) {
        return s == null ? "" : s;
    }

    static void invalid(HasValidation f, String message) {
        f.setInvalid(true);
        f.setErrorMessage(message);
    }

    static void clear(List<? extends HasValidation> fields) {
        fields.forEach(f -> f.setInvalid(false));
    }

    /**
     * Routes an error pointer inside a list of rows ({@code /<index>/<field>}) to row {@code index}; false when the
     * pointer names no row of the {@code size} there are.
     */
    static boolean showInRow(String pointer, int size, java.util.function.BiPredicate<Integer, String> show) {
        String[] parts = pointer.split("/");
        if (parts.length < 3) {
            return false;
        }
        try {
            int index = Integer.parseInt(parts[1]);
            return index >= 0 && index < size && show.test(index, parts[2]);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
