package io.flowdesk.sla.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.sla.SlaPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One target of a policy (first response, next response, resolution): minutes, per priority, time, ladder. */
class TargetEditor extends Composite<VerticalLayout> {

    static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");

    private final String id;
    private final Checkbox set = new Checkbox();
    private final IntegerField minutes = new IntegerField();
    private final Map<String, IntegerField> byPriority = new LinkedHashMap<>();
    private final RadioButtonGroup<String> time = new RadioButtonGroup<>();
    private final VerticalLayout body = new VerticalLayout();
    private final io.flowdesk.shared.ui.RowList<SlaPolicy.Level, RungEditor> rungs;

    TargetEditor(String target) {
        this.id = "sla-" + target;
        this.rungs = new io.flowdesk.shared.ui.RowList<>(id + "-rung", RungEditor::new, RungEditor::value);
        VerticalLayout box = getContent();
        box.addClassName("fd-sla-target");
        box.setPadding(false);
        set.setId(id + "-set");
        set.setLabel(getTranslation("slaview.target.set"));
        set.addValueChangeListener(e -> body.setVisible(e.getValue()));
        minutes.setId(id + "-minutes");
        minutes.setLabel(getTranslation("sla.field.minutes"));
        FlexLayout numbers = PolicyForm.row(new FlexLayout(minutes));
        for (String p : PRIORITIES) {
            IntegerField f = new IntegerField();
            f.setId(id + "-" + p);
            f.setLabel(getTranslation("slaview.field.byPriority", p));
            f.setWidth("9em");
            byPriority.put(p, f);
            numbers.add(f);
        }
        time.setId(id + "-time");
        time.setLabel(getTranslation("sla.field.time"));
        time.setItems(SlaPolicy.TargetSpec.WORKING, SlaPolicy.TargetSpec.CALENDAR);
        time.setItemLabelGenerator(t -> getTranslation("slaview.time." + t));
        Button add = new Button(getTranslation("slaview.rung.add"), VaadinIcon.PLUS.create(), e -> addRung());
        add.setId(id + "-add-rung");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        body.setPadding(false);
        body.add(numbers, time, new H4(getTranslation("slaview.ladder")), rungs, add);
        H4 title = new H4(getTranslation("sla.target." + target));
        box.add(PolicyForm.row(new FlexLayout(title, set)), body);
    }

    void show(SlaPolicy.TargetSpec spec) {
        set.setValue(spec != null);
        body.setVisible(spec != null);
        minutes.setValue(spec == null || spec.minutes() == null ? null : spec.minutes().intValue());
        byPriority.forEach((p, f) -> {
            Long m = spec == null ? null : spec.minutesByPriority().get(p);
            f.setValue(m == null ? null : m.intValue());
        });
        time.setValue(spec == null ? SlaPolicy.TargetSpec.WORKING : spec.time());
        rungs.render(spec == null ? List.of() : spec.ladder());
    }

    /** The target as entered, or null when it is not set. */
    SlaPolicy.TargetSpec value() {
        if (!set.getValue()) {
            return null;
        }
        Map<String, Long> perPriority = new LinkedHashMap<>();
        byPriority.forEach((p, f) -> {
            if (f.getValue() != null) {
                perPriority.put(p, f.getValue().longValue());
            }
        });
        return new SlaPolicy.TargetSpec(minutes.getValue() == null ? null : minutes.getValue().longValue(),
                perPriority, time.getValue(), rungs.values());
    }

    private void addRung() {
        rungs.append(null);
    }

    /** Shows a problem under {@code rest} (after {@code /targets/T}); false when no field here shows it. */
    boolean show(String rest, FieldError error) {
        if (rest.startsWith("/ladder/")) {
            String tail = rest.substring("/ladder/".length());
            int l = PolicyForm.index(tail);
            int slash = tail.indexOf('/');
            return l >= 0 && l < rungs.editors().size() && rungs.editors().get(l).show(slash < 0 ? "" : tail.substring(slash), error);
        }
        HasValidation target = null;
        if (rest.startsWith("/minutesByPriority/")) {
            target = byPriority.get(rest.substring("/minutesByPriority/".length()));
        } else if (rest.equals("/minutes") || rest.isEmpty()) {
            target = minutes;
        } else if (rest.equals("/time")) {
            target = time;
        }
        if (target == null) {
            return false;
        }
        target.setInvalid(true);
        target.setErrorMessage(Ui.text(error.text()));
        return true;
    }

    void clearErrors() {
        minutes.setInvalid(false);
        byPriority.values().forEach(f -> f.setInvalid(false));
        time.setInvalid(false);
        rungs.editors().forEach(RungEditor::clearErrors);
    }
}
