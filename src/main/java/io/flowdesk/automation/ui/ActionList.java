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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.automation.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule's actions as rows: a type and that type's parameters (priority, department or person, tag, recipients,
 * texts in both languages with placeholders, form field and value, webhook endpoint). Ids follow the place
 * ({@code rule-action-0-type} …). Data in ({@link #show}), data out ({@link #value}).
 */
class ActionList extends Composite<VerticalLayout> {

    static final String PLACEHOLDERS = "{{ticket.number}} {{ticket.title}} {{ticket.priority}} {{ticket.status}}"
            + " {{customer.name}} {{data.…}}";
    private static final String OTHER = "*";

    private final RuleWords words;
    private final RuleChoices choices;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> current = new ArrayList<>();

    ActionList(RuleWords words, RuleChoices choices) {
        this.words = words;
        this.choices = choices;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        rows.setPadding(false);
        rows.setSpacing(false);
        Button add = new Button(getTranslation("rulesview.addAction"), VaadinIcon.PLUS.create(), e -> {
            List<Rule.Action> now = new ArrayList<>(value());
            now.add(new Rule.Action("route", null, null, null, null, null, null, null, null));
            show(now);
        });
        add.setId("rule-action-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        layout.add(rows, add);
    }

    void show(List<Rule.Action> actions) {
        rows.removeAll();
        current.clear();
        for (int i = 0; i < actions.size(); i++) {
            int index = i;
            Row row = new Row("rule-action-" + i, actions.get(i), () -> {
                List<Rule.Action> now = new ArrayList<>(value());
                now.remove(index);
                show(now);
            });
            current.add(row);
            rows.add(row.layout);
        }
    }

    List<Rule.Action> value() {
        return current.stream().map(Row::value).toList();
    }

    /** {@code pointer} inside the list: {@code /0/department}. */
    boolean showError(String pointer, String message) {
        return Fields.showInRow(pointer, current.size(), (index, field) -> current.get(index).showError(field,
                message));
    }

    void clearErrors() {
        current.forEach(Row::clearErrors);
    }

    private final class Row {
        final FlexLayout layout;
        final Select<String> type;
        final Select<String> priority;
        final Select<String> routeTo;
        final Select<String> department;
        final Select<String> user;
        final TextField tag;
        final Select<String> to;
        final TextArea text;
        final TextArea textEn;
        final Span hint = new Span();
        final Select<String> field;
        final TextField fieldKey;
        final TextField setValue;
        final TextField endpoint;
        final Map<String, String> departmentNames = new LinkedHashMap<>();
        final Map<String, String> userNames = new LinkedHashMap<>();
        final Map<String, String> fieldNames = new LinkedHashMap<>();

        Row(String id, Rule.Action a, Runnable remove) {
            Map<String, String> types = new LinkedHashMap<>();
            RuleWords.ACTIONS.forEach(t -> types.put(t, getTranslation("rulesview.action." + t)));
            type = Fields.select(id + "-type", getTranslation("automation.label.action"), types);
            type.setWidth("15em");
            Map<String, String> priorities = new LinkedHashMap<>();
            RuleWords.PRIORITIES.forEach(p -> priorities.put(p, "raise".equals(p)
                    ? getTranslation("rulesview.priority.raise") : p));
            priority = Fields.select(id + "-priority", getTranslation("automation.label.priority"), priorities);
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("department", getTranslation("rulesview.routeTo.department"));
            targets.put("user", getTranslation("rulesview.routeTo.user"));
            routeTo = Fields.select(id + "-route-to", getTranslation("rulesview.field.routeTo"), targets);
            departmentNames.putAll(choices.departments());
            department = Fields.select(id + "-department", getTranslation("automation.label.department"),
                    departmentNames);
            userNames.putAll(choices.users());
            user = Fields.select(id + "-user", getTranslation("automation.label.user"), userNames);
            user.setWidth("16em");
            tag = Fields.text(id + "-tag", getTranslation("automation.label.tag"));
            Map<String, String> recipients = new LinkedHashMap<>();
            RuleWords.RECIPIENTS.forEach(r -> recipients.put(r, getTranslation("rulesview.to." + r)));
            to = Fields.select(id + "-to", getTranslation("automation.label.to"), recipients);
            text = new TextArea(getTranslation("rulesview.field.textZh"));
            text.setId(id + "-text");
            textEn = new TextArea(getTranslation("rulesview.field.textEn"));
            textEn.setId(id + "-text-en");
            for (TextArea area : List.of(text, textEn)) {
                area.setWidth("min(100%, 24em)");
            }
            hint.setText(getTranslation("rulesview.placeholders") + " " + PLACEHOLDERS);
            hint.addClassName("fd-hint");
            hint.setId(id + "-hint");
            hint.setWidthFull();
            choices.dataFields().forEach(f -> fieldNames.put(f.key(), f.label() + " (" + f.key() + ")"));
            fieldNames.put(OTHER, getTranslation("rulesview.cond.dataOther"));
            field = Fields.select(id + "-field", getTranslation("automation.label.field"), fieldNames);
            field.setWidth("16em");
            fieldKey = Fields.text(id + "-field-key", getTranslation("rulesview.field.dataKey"));
            setValue = Fields.text(id + "-value", getTranslation("rulesview.field.setValue"));
            endpoint = Fields.text(id + "-endpoint", getTranslation("automation.label.endpoint"));
            endpoint.setWidth("min(100%, 24em)");
            endpoint.setPlaceholder("https://");
            Button delete = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> remove.run());
            delete.setId(id + "-remove");
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel(getTranslation("rulesview.remove"));
            delete.setTooltipText(getTranslation("rulesview.remove"));
            layout = Fields.row(type, priority, routeTo, department, to, user, tag, field, fieldKey, setValue,
                    endpoint, text, textEn, delete, hint);
            layout.setId(id);
            layout.addClassName("fd-rule-row");
            type.setValue(a.type() == null || !types.containsKey(a.type()) ? "route" : a.type());
            show(a);
            type.addValueChangeListener(e -> shape());
            routeTo.addValueChangeListener(e -> shape());
            to.addValueChangeListener(e -> shape());
            field.addValueChangeListener(e -> shape());
            shape();
        }

        private void show(Rule.Action a) {
            String t = type.getValue();
            priority.setValue("priority".equals(t) && RuleWords.PRIORITIES.contains(String.valueOf(a.value()))
                    ? a.value() : "raise");
            routeTo.setValue(a.user() != null && "route".equals(t) ? "user" : "department");
            Fields.value(department, departmentNames, a.department());
            Fields.value(user, userNames, a.user());
            tag.setValue(List.of("addTag", "removeTag").contains(t) ? Fields.nullToBlank(a.value()) : "");
            to.setValue(a.to() == null ? "assignee" : a.to());
            text.setValue(Fields.nullToBlank(a.text()));
            textEn.setValue(Fields.nullToBlank(a.textEn()));
            if (a.field() != null && !fieldNames.containsKey(a.field())) {
                field.setValue(OTHER);
                fieldKey.setValue(a.field());
            } else {
                field.setValue(a.field());
            }
            setValue.setValue("setField".equals(t) ? Fields.nullToBlank(a.value()) : "");
            endpoint.setValue(Fields.nullToBlank(a.endpoint()));
        }

        private void shape() {
            String t = type.getValue() == null ? "" : type.getValue();
            priority.setVisible(t.equals("priority"));
            routeTo.setVisible(t.equals("route"));
            department.setVisible(t.equals("route") && "department".equals(routeTo.getValue()));
            to.setVisible(t.equals("notify"));
            user.setVisible(t.equals("route") && "user".equals(routeTo.getValue()) || t.equals("watcher")
                    || t.equals("notify") && "user".equals(to.getValue()));
            tag.setVisible(t.equals("addTag") || t.equals("removeTag"));
            boolean texts = List.of("notify", "reply", "note").contains(t);
            text.setVisible(texts);
            textEn.setVisible(texts);
            hint.setVisible(texts);
            field.setVisible(t.equals("setField"));
            fieldKey.setVisible(t.equals("setField") && OTHER.equals(field.getValue()));
            setValue.setVisible(t.equals("setField"));
            endpoint.setVisible(t.equals("webhook"));
        }

        Rule.Action value() {
            String t = type.getValue();
            return switch (t == null ? "" : t) {
                case "priority" -> action(t, priority.getValue(), null, null, null, null, null, null, null);
                case "route" -> "user".equals(routeTo.getValue())
                        ? action(t, null, null, user.getValue(), null, null, null, null, null)
                        : action(t, null, department.getValue(), null, null, null, null, null, null);
                case "addTag", "removeTag" -> action(t, Fields.blankToNull(tag.getValue()), null, null, null, null,
                        null, null, null);
                case "watcher" -> action(t, null, null, user.getValue(), null, null, null, null, null);
                case "notify" -> action(t, null, null, "user".equals(to.getValue()) ? user.getValue() : null,
                        to.getValue(), null, Fields.blankToNull(text.getValue()),
                        Fields.blankToNull(textEn.getValue()), null);
                case "reply", "note" -> action(t, null, null, null, null, null, Fields.blankToNull(text.getValue()),
                        Fields.blankToNull(textEn.getValue()), null);
                case "setField" -> action(t, setValue.getValue(), null, null, null, OTHER.equals(field.getValue())
                        ? Fields.blankToNull(fieldKey.getValue()) : field.getValue(), null, null, null);
                case "webhook" -> action(t, null, null, null, null, null, null, null,
                        Fields.blankToNull(endpoint.getValue()));
                default -> action(t, null, null, null, null, null, null, null, null);
            };
        }

        boolean showError(String name, String message) {
            String t = type.getValue() == null ? "" : type.getValue();
            HasValidation target = switch (name) {
                case "type" -> type;
                case "value" -> t.equals("priority") ? priority : t.equals("setField") ? setValue : tag;
                case "department" -> "user".equals(routeTo.getValue()) ? user : department;
                case "user" -> user;
                case "to" -> to;
                case "text" -> text;
                case "field" -> OTHER.equals(field.getValue()) ? fieldKey : field;
                case "endpoint" -> endpoint;
                default -> null;
            };
            if (target == null) {
                return false;
            }
            Fields.invalid(target, message);
            return true;
        }

        void clearErrors() {
            Fields.clear(List.of(type, priority, routeTo, department, user, tag, to, text, textEn, field, fieldKey,
                    setValue, endpoint));
        }
    }

    private static Rule.Action action(String type, String value, String department, String user, String to,
            String field, String text, String textEn, String endpoint) {
        return new Rule.Action(type, value, department, user, to, field, text, textEn, endpoint);
    }
}
