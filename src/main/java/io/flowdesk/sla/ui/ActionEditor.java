package io.flowdesk.sla.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.sla.SlaPolicy;
import java.util.List;

/** One action of a ladder level: notify someone, raise the priority, reassign, add a watcher (data in, data out). */
class ActionEditor extends Composite<FlexLayout> {

    static final List<String> TYPES = List.of("notify", "priority", "reassign", "watcher");
    static final List<String> RECIPIENTS = List.of("supervisor", "assignee", "department", "watchers");
    static final List<String> PRIORITIES = List.of("raise", "P1", "P2", "P3", "P4");

    final Select<String> type = new Select<>();
    private final Select<String> to = new Select<>();
    private final Select<String> value = new Select<>();
    private final TextField department = new TextField();
    private final TextField user = new TextField();

    ActionEditor(String id, SlaPolicy.Action action, Runnable remove) {
        FlexLayout row = getContent();
        PolicyForm.row(row);
        type.setId(id + "-type");
        type.setLabel(getTranslation("sla.field.action"));
        type.setItems(TYPES);
        type.setItemLabelGenerator(t -> getTranslation("slaview.action." + t));
        to.setId(id + "-to");
        to.setLabel(getTranslation("slaview.field.to"));
        to.setItems(RECIPIENTS);
        to.setItemLabelGenerator(r -> getTranslation("slaview.to." + r));
        value.setId(id + "-value");
        value.setLabel(getTranslation("slaview.field.value"));
        value.setItems(PRIORITIES);
        value.setItemLabelGenerator(p -> "raise".equals(p) ? getTranslation("slaview.priority.raise") : p);
        department.setId(id + "-department");
        department.setLabel(getTranslation("slaview.field.department"));
        user.setId(id + "-user");
        user.setLabel(getTranslation("slaview.field.user"));
        Button delete = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> remove.run());
        delete.setId(id + "-remove");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        delete.setAriaLabel(getTranslation("slaview.action.remove"));
        delete.setTooltipText(getTranslation("slaview.action.remove"));
        row.add(type, to, value, department, user, delete);
        type.addValueChangeListener(e -> shape());
        if (action != null) {
            type.setValue(action.type());
            to.setValue(oneOf(RECIPIENTS, action.to()) ? action.to() : null);
            value.setValue(oneOf(PRIORITIES, action.value()) ? action.value() : null);
            department.setValue(action.department() == null ? "" : action.department());
            user.setValue(action.user() == null ? "" : action.user());
        } else {
            type.setValue("notify");
        }
        shape();
    }

    private void shape() {
        String t = type.getValue();
        to.setVisible("notify".equals(t));
        value.setVisible("priority".equals(t));
        department.setVisible("reassign".equals(t));
        user.setVisible("reassign".equals(t) || "watcher".equals(t));
    }

    SlaPolicy.Action value() {
        String t = type.getValue();
        return switch (t == null ? "" : t) {
            case "notify" -> new SlaPolicy.Action(t, to.getValue(), null, null, null);
            case "priority" -> new SlaPolicy.Action(t, null, value.getValue(), null, null);
            case "reassign" -> new SlaPolicy.Action(t, null, null, blank(department.getValue()),
                    blank(user.getValue()));
            case "watcher" -> new SlaPolicy.Action(t, null, null, null, blank(user.getValue()));
            default -> new SlaPolicy.Action(t, null, null, null, null);
        };
    }

    HasValidation field() {
        return type;
    }

    /** List.of(...).contains(null) throws; a missing value is simply none of them. */
    static boolean oneOf(List<String> values, String value) {
        return value != null && values.contains(value);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
