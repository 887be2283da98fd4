package io.flowdesk.sla.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.sla.CustomerTiers;
import io.flowdesk.sla.SlaPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One SLA policy's fields, data in ({@link #show}) and out ({@link #value()}): key, names, enabled, conditions,
 * calendar and the first-response, next-response and resolution targets with their ladders. The step target's ladder
 * is kept as it came (per-step minutes are set in the designer).
 */
class PolicyForm extends Composite<VerticalLayout> {

    static final List<String> EDITED = List.of(SlaPolicy.FIRST_RESPONSE, SlaPolicy.NEXT_RESPONSE,
            SlaPolicy.RESOLUTION);
    static final List<String> CHANNELS = List.of("portal", "phone", "email", "chat", "walk-in", "api");

    private final TextField key = new TextField();
    private final TextField nameZh = new TextField();
    private final TextField nameEn = new TextField();
    private final Checkbox enabled = new Checkbox();
    private final Select<String> calendar = new Select<>();
    private final MultiSelectComboBox<String> templates = new MultiSelectComboBox<>();
    private final CheckboxGroup<String> priorities = new CheckboxGroup<>();
    private final CheckboxGroup<String> tiers = new CheckboxGroup<>();
    private final MultiSelectComboBox<String> channels = new MultiSelectComboBox<>();
    private final Map<String, TargetEditor> targets = new LinkedHashMap<>();
    private SlaPolicy.TargetSpec step;
    private int position;

    /** @param templateNames template key → name; @param calendarNames calendar key → name (reader's language) */
    PolicyForm(Map<String, String> templateNames, Map<String, String> calendarNames) {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("fd-sla-form");
        field(key, "sla-key", "sla.field.key");
        field(nameZh, "sla-name-zh", "sla.field.nameZh");
        field(nameEn, "sla-name-en", "sla.field.nameEn");
        enabled.setId("sla-enabled");
        enabled.setLabel(getTranslation("slaview.field.enabled"));
        calendar.setId("sla-calendar");
        calendar.setLabel(getTranslation("sla.field.calendar"));
        calendar.setItems(calendarNames.keySet());
        calendar.setItemLabelGenerator(k -> calendarNames.getOrDefault(k, k) + " (" + k + ")");
        templates.setId("sla-templates");
        templates.setLabel(getTranslation("slaview.field.templates"));
        templates.setItems(templateNames.keySet());
        templates.setItemLabelGenerator(k -> templateNames.getOrDefault(k, k));
        templates.setWidth("min(100%, 24em)");
        priorities.setId("sla-priorities");
        priorities.setLabel(getTranslation("sla.field.priorities"));
        priorities.setItems(TargetEditor.PRIORITIES);
        tiers.setId("sla-tiers");
        tiers.setLabel(getTranslation("sla.field.tiers"));
        tiers.setItems(CustomerTiers.tiers());
        tiers.setItemLabelGenerator(t -> getTranslation("slaview.tier." + t));
        channels.setId("sla-channels");
        channels.setLabel(getTranslation("slaview.field.channels"));
        channels.setItems(CHANNELS);
        channels.setItemLabelGenerator(c -> getTranslation("channel." + c));
        channels.setWidth("min(100%, 20em)");
        layout.add(row(new FlexLayout(key, nameZh, nameEn, calendar, enabled)),
                new H3(getTranslation("slaview.section.conditions")),
                row(new FlexLayout(templates, priorities, tiers, channels)),
                new H3(getTranslation("slaview.section.targets")));
        for (String target : EDITED) {
            TargetEditor editor = new TargetEditor(target);
            targets.put(target, editor);
            layout.add(editor);
        }
        Span stepNote = new Span(getTranslation("slaview.stepNote"));
        stepNote.addClassName("fd-hint");
        layout.add(stepNote);
    }

    void show(SlaPolicy p, boolean isNew) {
        key.setValue(p.key() == null ? "" : p.key());
        key.setReadOnly(!isNew);
        nameZh.setValue(p.nameZh() == null ? "" : p.nameZh());
        nameEn.setValue(p.nameEn() == null ? "" : p.nameEn());
        enabled.setValue(p.enabled());
        calendar.setValue(p.calendar());
        templates.setValue(new LinkedHashSet<>(p.conditions().templates()));
        priorities.setValue(new LinkedHashSet<>(p.conditions().priorities()));
        tiers.setValue(new LinkedHashSet<>(p.conditions().tiers()));
        channels.setValue(new LinkedHashSet<>(p.conditions().channels()));
        targets.forEach((t, editor) -> editor.show(p.targets().get(t)));
        step = p.targets().get(SlaPolicy.STEP);
        position = p.position();
        clearErrors();
    }

    SlaPolicy value() {
        Map<String, SlaPolicy.TargetSpec> specs = new LinkedHashMap<>();
        targets.forEach((t, editor) -> {
            SlaPolicy.TargetSpec spec = editor.value();
            if (spec != null) {
                specs.put(t, spec);
            }
        });
        if (step != null) {
            specs.put(SlaPolicy.STEP, step);
        }
        return new SlaPolicy(key.getValue().strip(), nameZh.getValue().strip(), nameEn.getValue().strip(), position,
                enabled.getValue(), new SlaPolicy.Conditions(ordered(templates.getValue(), null),
                        ordered(priorities.getValue(), TargetEditor.PRIORITIES),
                        ordered(tiers.getValue(), CustomerTiers.tiers()), ordered(channels.getValue(), CHANNELS)),
                calendar.getValue(), specs);
    }

    /** Puts each problem (pointer inside this policy, e.g. {@code /targets/RESOLUTION/minutes}) on its field. */
    List<FieldError> showErrors(List<FieldError> errors) {
        clearErrors();
        List<FieldError> rest = new ArrayList<>();
        for (FieldError e : errors) {
            if (!show(e.pointer(), e)) {
                rest.add(e);
            }
        }
        return rest;
    }

    private boolean show(String pointer, FieldError e) {
        if (pointer.startsWith("/targets/")) {
            String tail = pointer.substring("/targets/".length());
            int slash = tail.indexOf('/');
            TargetEditor editor = targets.get(slash < 0 ? tail : tail.substring(0, slash));
            return editor != null && editor.show(slash < 0 ? "" : tail.substring(slash), e);
        }
        HasValidation target = switch (pointer) {
            case "/key" -> key;
            case "/nameZh" -> nameZh;
            case "/nameEn" -> nameEn;
            case "/calendar" -> calendar;
            case "/conditions/priorities" -> priorities;
            case "/conditions/tiers" -> tiers;
            default -> null;
        };
        if (target == null) {
            return false;
        }
        target.setInvalid(true);
        target.setErrorMessage(Ui.text(e.text()));
        return true;
    }

    void clearErrors() {
        List<HasValidation> all = List.of(key, nameZh, nameEn, calendar, priorities, tiers);
        all.forEach(f -> f.setInvalid(false));
        targets.values().forEach(TargetEditor::clearErrors);
    }

    /** The selected values in the order of {@code order} (null: as selected). */
    private static List<String> ordered(java.util.Set<String> selected, List<String> order) {
        return order == null ? List.copyOf(selected) : order.stream().filter(selected::contains).toList();
    }

    /** The leading number of {@code s} ({@code 2/percent} → 2), or -1. */
    static int index(String s) {
        int slash = s.indexOf('/');
        try {
            return Integer.parseInt(slash < 0 ? s : s.substring(0, slash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static FlexLayout row(FlexLayout row) {
        row.setWidthFull();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "0 var(--lumo-space-m)");
        return row;
    }

    static FlexLayout row(Component... parts) {
        return row(new FlexLayout(parts));
    }

    private void field(TextField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
    }
}
