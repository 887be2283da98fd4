package io.flowdesk.sla.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.sla.SlaPolicy;
import java.util.List;

/**
 * One level of a target's ladder: a warning at N % or N minutes before the deadline, the breach, or N minutes after
 * it; optionally only in working hours; and its actions.
 */
class RungEditor extends Composite<VerticalLayout> {

    static final List<String> LEVELS = List.of(SlaPolicy.Level.WARNING, SlaPolicy.Level.BREACH,
            SlaPolicy.Level.AFTER);

    private final String id;
    final Select<String> level = new Select<>();
    final IntegerField percent = new IntegerField();
    final IntegerField before = new IntegerField();
    final IntegerField after = new IntegerField();
    private final Checkbox workingHoursOnly = new Checkbox();
    private final io.flowdesk.shared.ui.RowList<SlaPolicy.Action, ActionEditor> actions;

    RungEditor(String id, SlaPolicy.Level rung, Runnable remove) {
        this.id = id;
        this.actions = new io.flowdesk.shared.ui.RowList<>(id + "-action", ActionEditor::new, ActionEditor::value);
        VerticalLayout box = getContent();
        box.addClassName("fd-sla-rung");
        box.setPadding(false);
        box.setSpacing(false);
        level.setId(id + "-level");
        level.setLabel(getTranslation("sla.field.level"));
        level.setWidth("16em");
        level.setItems(LEVELS);
        level.setItemLabelGenerator(l -> getTranslation("slaview.level." + l));
        percent.setId(id + "-percent");
        percent.setLabel(getTranslation("sla.field.percent"));
        percent.setHelperText(getTranslation("slaview.hint.percent"));
        percent.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        before.setId(id + "-before");
        before.setLabel(getTranslation("slaview.field.minutesBefore"));
        after.setId(id + "-after");
        after.setLabel(getTranslation("sla.field.afterMinutes"));
        workingHoursOnly.setId(id + "-working");
        workingHoursOnly.setLabel(getTranslation("slaview.field.workingHoursOnly"));
        Button delete = new Button(getTranslation("slaview.rung.remove"), VaadinIcon.TRASH.create(),
                e -> remove.run());
        delete.setId(id + "-remove");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        FlexLayout head = PolicyForm.row(new FlexLayout(level, percent, before, after, workingHoursOnly, delete));
        Button add = new Button(getTranslation("slaview.action.add"), VaadinIcon.PLUS.create(), e -> addAction(null));
        add.setId(id + "-add-action");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        box.add(head, actions, add);
        level.addValueChangeListener(e -> shape());
        if (rung != null) {
            level.setValue(ActionEditor.oneOf(LEVELS, rung.level()) ? rung.level() : null);
            percent.setValue(rung.percent());
            before.setValue(rung.minutesBefore());
            after.setValue(rung.minutes());
            workingHoursOnly.setValue(rung.workingHoursOnly());
            rung.actions().forEach(this::addAction);
        } else {
            level.setValue(SlaPolicy.Level.WARNING);
            percent.setValue(80);
            addAction(null);
        }
        shape();
    }

    private void shape() {
        String l = level.getValue();
        percent.setVisible(SlaPolicy.Level.WARNING.equals(l));
        before.setVisible(SlaPolicy.Level.WARNING.equals(l));
        after.setVisible(SlaPolicy.Level.AFTER.equals(l));
    }

    private void addAction(SlaPolicy.Action action) {
        actions.append(action);
    }

    SlaPolicy.Level value() {
        String l = level.getValue();
        boolean warning = SlaPolicy.Level.WARNING.equals(l);
        return new SlaPolicy.Level(l, warning ? percent.getValue() : null, warning ? before.getValue() : null,
                SlaPolicy.Level.AFTER.equals(l) ? after.getValue() : null, workingHoursOnly.getValue(),
                actions.values());
    }

    /** Shows a problem under {@code rest} (after {@code /ladder/N}); false when no field here shows it. */
    boolean show(String rest, FieldError error) {
        HasValidation target;
        if (rest.startsWith("/actions/")) {
            int a = PolicyForm.index(rest.substring("/actions/".length()));
            target = a >= 0 && a < actions.editors().size() ? actions.editors().get(a).field() : null;
        } else {
            target = switch (rest) {
                case "/level" -> level;
                case "/percent" -> percent.getValue() == null && before.getValue() != null ? before : percent;
                case "/minutes" -> after;
                default -> null;
            };
        }
        if (target == null) {
            return false;
        }
        target.setInvalid(true);
        target.setErrorMessage(Ui.text(error.text()));
        return true;
    }

    void clearErrors() {
        level.setInvalid(false);
        List.of(percent, before, after).forEach(f -> f.setInvalid(false));
        actions.editors().forEach(a -> a.field().setInvalid(false));
    }
}
