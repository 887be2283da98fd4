package io.flowdesk.designer.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.forms.FormModel;
import io.flowdesk.forms.FormModel.Item;
import io.flowdesk.forms.FormModel.Option;
import io.flowdesk.forms.FormProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The form designer's property editor for one field (or section heading). Every change calls back at once. */
class FieldEditor extends VerticalLayout {

    private static final Set<String> TEXTUAL = Set.of("text", "textarea", "email", "phone", "user", "department",
            "attachment");
    private static final Set<String> CHOICES = Set.of("select", "multiselect", "radio");

    FieldEditor(FormModel model, Item item, Consumer<Item> changed) {
        setId("field-editor");
        setPadding(false);
        add(new H4(getTranslation("formDesigner.widget." + item.widget)));
        TextField key = new TextField(getTranslation("formDesigner.key"));
        key.setId("prop-key");
        key.setValue(item.key);
        key.setWidthFull();
        key.addValueChangeListener(e -> {
            String value = e.getValue().trim();
            boolean taken = model.items.stream().anyMatch(o -> o != item && o.key.equals(value));
            if (taken || !value.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                key.setInvalid(true);
                key.setErrorMessage(getTranslation(taken ? "formDesigner.key.taken" : "formDesigner.key.format"));
                return;
            }
            key.setInvalid(false);
            model.items.stream().filter(o -> item.key.equals(o.visibleField)).forEach(o -> o.visibleField = value);
            item.key = value;
            changed.accept(item);
        });
        add(key);
        add(text("formDesigner.label.zh", "prop-label-zh", item.labelZh, v -> item.labelZh = v, changed, item));
        add(text("formDesigner.label.en", "prop-label-en", item.labelEn, v -> item.labelEn = v, changed, item));
        if (item.isSection()) {
            return;
        }
        add(text("formDesigner.help.zh", "prop-help-zh", item.helpZh, v -> item.helpZh = v, changed, item));
        add(text("formDesigner.help.en", "prop-help-en", item.helpEn, v -> item.helpEn = v, changed, item));
        Checkbox required = check("formDesigner.required", "prop-required", item.required, v -> item.required = v,
                changed, item);
        Checkbox readOnly = check("formDesigner.readOnly", "prop-readonly", item.readOnly, v -> item.readOnly = v,
                changed, item);
        Checkbox sensitive = check("formDesigner.sensitive", "prop-sensitive", item.sensitive, v -> item.sensitive = v,
                changed, item);
        add(new HorizontalLayout(required, readOnly, sensitive));
        if (Set.of("number", "money", "group").contains(item.widget)) {
            NumberField min = new NumberField(getTranslation("formDesigner.min"));
            min.setValue(item.min);
            min.addValueChangeListener(e -> {
                item.min = e.getValue();
                changed.accept(item);
            });
            NumberField max = new NumberField(getTranslation(item.widget.equals("group") ? "formDesigner.maxRows"
                    : "formDesigner.max"));
            max.setValue(item.max);
            max.addValueChangeListener(e -> {
                item.max = e.getValue();
                changed.accept(item);
            });
            min.setVisible(!item.widget.equals("group"));
            add(new HorizontalLayout(min, max));
        }
        if (TEXTUAL.contains(item.widget)) {
            IntegerField minLength = new IntegerField(getTranslation("formDesigner.minLength"));
            minLength.setMin(0);
            minLength.setValue(item.minLength);
            minLength.addValueChangeListener(e -> {
                item.minLength = e.getValue();
                changed.accept(item);
            });
            IntegerField maxLength = new IntegerField(getTranslation("formDesigner.maxLength"));
            maxLength.setMin(0);
            maxLength.setValue(item.maxLength);
            maxLength.addValueChangeListener(e -> {
                item.maxLength = e.getValue();
                changed.accept(item);
            });
            add(new HorizontalLayout(minLength, maxLength));
            TextField pattern = new TextField(getTranslation("formDesigner.pattern"));
            pattern.setId("prop-pattern");
            pattern.setWidthFull();
            pattern.setValue(item.pattern == null ? "" : item.pattern);
            pattern.addValueChangeListener(e -> {
                io.flowdesk.shared.Text problem = e.getValue().isBlank() ? null : FormProfile.patternProblem(e.getValue());
                pattern.setInvalid(problem != null);
                pattern.setErrorMessage(problem == null ? null : io.flowdesk.shared.ui.Ui.text(problem));
                if (problem == null) {
                    item.pattern = e.getValue().isBlank() ? null : e.getValue();
                    changed.accept(item);
                }
            });
            add(pattern);
            TextField messageZh = text("formDesigner.patternMessage.zh", "prop-pattern-message-zh",
                    item.patternMessageZh, v -> item.patternMessageZh = v.strip(), changed, item);
            TextField messageEn = text("formDesigner.patternMessage.en", "prop-pattern-message-en",
                    item.patternMessageEn, v -> item.patternMessageEn = v.strip(), changed, item);
            messageZh.setHelperText(getTranslation("formDesigner.patternMessage.help"));
            add(messageZh, messageEn);
        }
        if (CHOICES.contains(item.widget)) {
            TextArea options = new TextArea(getTranslation("formDesigner.options"));
            options.setId("prop-options");
            options.setHelperText(getTranslation("formDesigner.options.help"));
            options.setWidthFull();
            options.setValue(String.join("\n", item.options.stream().map(o -> o.value() + " | " + o.zh() + " | "
                    + o.en()).toList()));
            options.addValueChangeListener(e -> {
                List<Option> parsed = new ArrayList<>();
                for (String line : e.getValue().split("\n")) {
                    String[] parts = line.split("\\|");
                    if (!parts[0].isBlank()) {
                        String value = parts[0].trim();
                        parsed.add(new Option(value, parts.length > 1 ? parts[1].trim() : value,
                                parts.length > 2 ? parts[2].trim() : value));
                    }
                }
                item.options = parsed;
                changed.accept(item);
            });
            add(options);
        }
        if (item.widget.equals("group")) {
            TextArea children = new TextArea(getTranslation("formDesigner.children"));
            children.setId("prop-children");
            children.setHelperText(getTranslation("formDesigner.children.help"));
            children.setWidthFull();
            children.setValue(String.join("\n", item.children.stream().map(c -> c.key + " | " + c.widget + " | "
                    + c.labelZh + " | " + c.labelEn + (c.required ? " | required" : "")).toList()));
            children.addValueChangeListener(e -> {
                List<Item> parsed = new ArrayList<>();
                for (String line : e.getValue().split("\n")) {
                    String[] p = line.split("\\|");
                    if (p.length >= 2 && !p[0].isBlank()) {
                        Item child = new Item(p[0].trim(), FormModel.WIDGETS.contains(p[1].trim()) ? p[1].trim() : "text");
                        child.labelZh = p.length > 2 ? p[2].trim() : child.key;
                        child.labelEn = p.length > 3 ? p[3].trim() : child.key;
                        child.required = p.length > 4 && p[4].trim().equals("required");
                        parsed.add(child);
                    }
                }
                item.children = parsed;
                changed.accept(item);
            });
            add(children);
        }
        if (!item.widget.equals("group") && !item.widget.equals("multiselect")) {
            add(text("formDesigner.default", "prop-default", item.defaultValue == null ? "" : item.defaultValue,
                    v -> item.defaultValue = v.isBlank() ? null : v, changed, item));
        }
        visibleWhen(model, item, changed);
    }

    private void visibleWhen(FormModel model, Item item, Consumer<Item> changed) {
        ComboBox<String> field = new ComboBox<>(getTranslation("formDesigner.visibleWhen"));
        field.setId("prop-visible-field");
        field.setItems(model.items.stream().filter(o -> o != item && !o.isSection()).map(o -> o.key).toList());
        boolean zh = getLocale() != null && "zh".equals(getLocale().getLanguage());
        field.setItemLabelGenerator(k -> model.items.stream().filter(o -> k.equals(o.key)).findFirst()
                .map(o -> (zh ? o.labelZh : o.labelEn) + " (" + k + ")").orElse(k));
        field.setClearButtonVisible(true);
        field.setValue(item.visibleField);
        Select<String> op = new Select<>();
        op.setItems("eq", "ne");
        op.setItemLabelGenerator(o -> getTranslation("formDesigner.op." + o));
        op.setValue(item.visibleOp == null ? "eq" : item.visibleOp);
        op.setWidth("7em");
        TextField value = new TextField();
        value.setValue(item.visibleValue == null ? "" : item.visibleValue);
        value.setWidth("8em");
        Runnable write = () -> {
            item.visibleField = field.getValue();
            item.visibleOp = op.getValue();
            item.visibleValue = value.getValue();
            changed.accept(item);
        };
        field.addValueChangeListener(e -> write.run());
        op.addValueChangeListener(e -> write.run());
        value.addValueChangeListener(e -> write.run());
        HorizontalLayout row = new HorizontalLayout(field, op, value);
        row.setAlignItems(Alignment.BASELINE);
        add(row, hint("formDesigner.visibleWhen.help"));
    }

    private static Span hint(String key) {
        Span span = new Span();
        span.getElement().setText(span.getTranslation(key));
        span.addClassName("fd-muted");
        return span;
    }

    private TextField text(String label, String id, String value, Consumer<String> setter, Consumer<Item> changed,
            Item item) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        field.setValue(value == null ? "" : value);
        field.setWidthFull();
        field.addValueChangeListener(e -> {
            setter.accept(e.getValue());
            changed.accept(item);
        });
        return field;
    }

    private Checkbox check(String label, String id, boolean value, Consumer<Boolean> setter, Consumer<Item> changed,
            Item item) {
        Checkbox box = new Checkbox(getTranslation(label), value);
        box.setId(id);
        box.addValueChangeListener(e -> {
            setter.accept(e.getValue());
            changed.accept(item);
        });
        return box;
    }
}
