package io.flowdesk.automation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.automation.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One condition group (ALL or ANY) as rows of field, operator in words and value; rows are added and removed, and
 * their ids follow their place ({@code rule-all-0-field} …). Data in ({@link #show}), data out ({@link #value}).
 */
class ConditionGroup extends Composite<VerticalLayout> {

    /** The field picker's entry for a form field typed by key. */
    static final String OTHER = "data.*";

    private final String id;
    private final RuleWords words;
    private final RuleChoices choices;
    private final VerticalLayout rows = new VerticalLayout();
    private final Span none = new Span();
    private final List<Row> current = new ArrayList<>();

    ConditionGroup(String id, RuleWords words, RuleChoices choices) {
        this.id = id;
        this.words = words;
        this.choices = choices;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        rows.setPadding(false);
        rows.setSpacing(false);
        none.setText(getTranslation("rulesview.noConditions"));
        none.addClassName("fd-hint");
        none.setId(id + "-none");
        Button add = new Button(getTranslation("rulesview.addCondition"), VaadinIcon.PLUS.create(),
                e -> {
                    List<Rule.Condition> now = new ArrayList<>(value());
                    now.add(new Rule.Condition("title", "contains", ""));
                    show(now);
                });
        add.setId(id + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        layout.add(none, rows, add);
    }

    void show(List<Rule.Condition> conditions) {
        rows.removeAll();
        current.clear();
        for (int i = 0; i < conditions.size(); i++) {
            int index = i;
            Row row = new Row(id + "-" + i, conditions.get(i), () -> {
                List<Rule.Condition> now = new ArrayList<>(value());
                now.remove(index);
                show(now);
            });
            current.add(row);
            rows.add(row.layout);
        }
        none.setVisible(conditions.isEmpty());
    }

    List<Rule.Condition> value() {
        return current.stream().map(Row::value).toList();
    }

    /** Marks a row's field; {@code pointer} is inside the group ({@code /0/value}). */
    boolean showError(String pointer, String message) {
        return Fields.showInRow(pointer, current.size(), (index, field) -> current.get(index).showError(field,
                message));
    }

    void clearErrors() {
        current.forEach(Row::clearErrors);
    }

    private final class Row {
        final FlexLayout layout;
        final Select<String> field;
        final TextField key;
        final Select<String> op;
        final Select<String> choice;
        final TextField text;
        final Map<String, String> fieldNames = new LinkedHashMap<>();
        final Map<String, String> choiceNames = new LinkedHashMap<>();

        Row(String rowId, Rule.Condition c, Runnable remove) {
            RuleWords.FIELDS.forEach(f -> fieldNames.put(f, words.field(f)));
            choices.dataFields().forEach(f -> fieldNames.put("data." + f.key(), words.field("data." + f.key())));
            fieldNames.put(OTHER, getTranslation("rulesview.cond.dataOther"));
            field = Fields.select(rowId + "-field", getTranslation("automation.label.field"), fieldNames);
            field.setWidth("14em");
            key = Fields.text(rowId + "-key", getTranslation("rulesview.field.dataKey"));
            key.setWidth("10em");
            Map<String, String> ops = new LinkedHashMap<>();
            RuleWords.OPERATORS.forEach(o -> ops.put(o, words.op(o)));
            op = Fields.select(rowId + "-op", getTranslation("automation.label.op"), ops);
            op.setWidth("12em");
            choice = Fields.select(rowId + "-choice", getTranslation("automation.label.value"), choiceNames);
            choice.setWidth("12em");
            text = Fields.text(rowId + "-value", getTranslation("automation.label.value"));
            text.setWidth("14em");
            Button delete = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> remove.run());
            delete.setId(rowId + "-remove");
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel(getTranslation("rulesview.remove"));
            delete.setTooltipText(getTranslation("rulesview.remove"));
            layout = Fields.row(field, key, op, choice, text, delete);
            layout.setId(rowId);
            layout.addClassName("fd-rule-row");
            String f = c.field() == null ? "title" : c.field();
            if (f.startsWith("data.") && !fieldNames.containsKey(f)) {
                field.setValue(OTHER);
                key.setValue(f.substring(5));
            } else {
                Fields.value(field, fieldNames, f);
            }
            op.setValue(c.op() == null ? "equals" : c.op());
            shapeChoices();
            if (choice.isVisible() && c.value() != null) {
                Fields.value(choice, choiceNames, c.value());
            } else {
                text.setValue(Fields.nullToBlank(c.value()));
            }
            field.addValueChangeListener(e -> shapeChoices());
            op.addValueChangeListener(e -> shapeChoices());
            key.addValueChangeListener(e -> shapeChoices());
        }

        String fieldKey() {
            String f = field.getValue();
            return OTHER.equals(f) ? "data." + key.getValue().strip() : f;
        }

        /** A picker for the value when the field has known values and the operator compares one; text otherwise. */
        void shapeChoices() {
            key.setVisible(OTHER.equals(field.getValue()));
            String o = op.getValue() == null ? "equals" : op.getValue();
            Map<String, String> names = fieldKey() == null ? Map.of() : words.valueNames(fieldKey());
            boolean noValue = o.endsWith("mpty");
            boolean pick = !noValue && !names.isEmpty() && (o.equals("equals") || o.equals("notEquals"));
            String kept = choice.getValue();
            if (pick && !names.equals(choiceNames)) {
                choiceNames.clear();
                choiceNames.putAll(names);
                Fields.items(choice, choiceNames);
                choice.setValue(kept != null && names.containsKey(kept) ? kept : null);
            }
            if (pick && !choice.isVisible() && !text.getValue().isBlank() && names.containsKey(text.getValue()
                    .strip())) {
                choice.setValue(text.getValue().strip());
            }
            choice.setVisible(pick);
            text.setVisible(!pick && !noValue);
            if ("in".equals(o)) {
                text.setHelperText(getTranslation("rulesview.inHelp"));
            } else {
                text.setHelperText(null);
            }
        }

        Rule.Condition value() {
            String o = op.getValue();
            String v = o != null && o.endsWith("mpty") ? null : choice.isVisible() ? choice.getValue()
                    : Fields.blankToNull(text.getValue());
            return new Rule.Condition(fieldKey(), o, v);
        }

        boolean showError(String name, String message) {
            HasValidation target = switch (name) {
                case "field" -> OTHER.equals(field.getValue()) ? key : field;
                case "op" -> op;
                case "value" -> choice.isVisible() ? choice : text;
                default -> null;
            };
            if (target == null) {
                return false;
            }
            Fields.invalid(target, message);
            return true;
        }

        void clearErrors() {
            Fields.clear(List.of(field, key, op, choice, text));
        }
    }
}
