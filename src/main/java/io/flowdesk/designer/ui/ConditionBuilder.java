package io.flowdesk.designer.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a gateway condition without typing expressions: rows of field, operator and value joined by "and".
 * Fields are those of the forms filled before the gateway; operators and values follow the field's type. It
 * writes {@code ${field op literal && …}}; a condition it cannot read back is shown as text and can be replaced.
 */
class ConditionBuilder extends VerticalLayout {

    /** A form field a condition can use. */
    record Field(String key, String label, String type, List<String> options, Map<String, String> optionLabels) {
    }

    private static final Pattern PART = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(==|!=|>=|<=|>|<)\\s*('(?:[^'\\\\]|\\\\.)*'|-?\\d+(?:\\.\\d+)?|true|false)\\s*");
    private static final Pattern BOOLEAN = Pattern.compile("\\s*(!)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final VerticalLayout rowBox = new VerticalLayout();
    private final Consumer<String> onApply;

    ConditionBuilder(String idPrefix, List<Field> available, String condition, Consumer<String> onApply) {
        this.onApply = onApply;
        available.forEach(f -> fields.put(f.key(), f));
        setPadding(false);
        setSpacing(false);
        rowBox.setPadding(false);
        rowBox.setSpacing(false);
        add(rowBox);
        List<String[]> parsed = parse(condition);
        if (condition != null && !condition.isBlank() && parsed == null) {
            Span raw = new Span(getTranslation("designer.condition.raw", condition));
            raw.addClassName("fd-muted");
            add(raw);
        } else if (parsed != null) {
            parsed.forEach(p -> addRow(idPrefix, p[0], p[1], unquote(p[2])));
        }
        if (rows.isEmpty()) {
            addRow(idPrefix, null, "==", null);
        }
        Button more = new Button(getTranslation("designer.condition.and"), VaadinIcon.PLUS.create(),
                e -> addRow(idPrefix, null, "==", null));
        more.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button apply = new Button(getTranslation("designer.condition.apply"), e -> apply());
        apply.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        apply.setId(idPrefix + "-apply");
        add(new HorizontalLayout(more, apply));
    }

    private void addRow(String idPrefix, String key, String op, String value) {
        Row row = new Row(idPrefix + "-" + rows.size(), key, op, value);
        rows.add(row);
        rowBox.add(row);
    }

    private void apply() {
        List<String> parts = new ArrayList<>();
        for (Row row : rows) {
            String part = row.expression();
            if (part != null) {
                parts.add(part);
            }
        }
        onApply.accept(parts.isEmpty() ? null : "${" + String.join(" && ", parts) + "}");
    }

    /** Splits {@code ${a > 1 && b == 'x'}} into rows, or null when the text is anything else. */
    static List<String[]> parse(String condition) {
        if (condition == null || condition.isBlank()) {
            return List.of();
        }
        String text = condition.trim();
        if (!text.startsWith("${") || !text.endsWith("}")) {
            return null;
        }
        List<String[]> result = new ArrayList<>();
        for (String part : text.substring(2, text.length() - 1).split("&&")) {
            Matcher m = PART.matcher(part);
            Matcher bool = BOOLEAN.matcher(part);
            if (m.matches()) {
                result.add(new String[] {m.group(1), m.group(2), m.group(3)});
            } else if (bool.matches()) {
                result.add(new String[] {bool.group(2), "==", bool.group(1) == null ? "true" : "false"});
            } else {
                return null;
            }
        }
        return result;
    }

    private static String unquote(String literal) {
        return literal.startsWith("'") ? literal.substring(1, literal.length() - 1).replace("\\'", "'") : literal;
    }

    private final class Row extends HorizontalLayout {
        private final ComboBox<Field> field = new ComboBox<>();
        private final Select<String> op = new Select<>();
        private final TextField text = new TextField();
        private final Select<String> choice = new Select<>();

        Row(String id, String key, String operator, String value) {
            setAlignItems(Alignment.BASELINE);
            setWrap(true);
            field.setItems(fields.values());
            field.setItemLabelGenerator(f -> f.label() + " (" + f.key() + ")");
            field.setPlaceholder(getTranslation("designer.condition.field"));
            field.setId(id + "-field");
            field.setWidth("100%");
            op.setId(id + "-op");
            op.setWidth("6em");
            text.setId(id + "-value");
            text.setWidth("8em");
            choice.setId(id + "-choice");
            choice.setWidth("8em");
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                rows.remove(this);
                rowBox.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            add(field, op, text, choice, remove);
            field.addValueChangeListener(e -> adapt(e.getValue(), null, null));
            Field chosen = key == null ? null : fields.get(key);
            if (key != null && chosen == null) {
                chosen = new Field(key, key + " ⚠", "string", List.of(), Map.of());
                fields.put(key, chosen);
                field.setItems(fields.values());
            }
            field.setValue(chosen);
            adapt(chosen, operator, value);
        }

        private void adapt(Field f, String operator, String value) {
            String type = f == null ? "string" : f.type();
            boolean numeric = type.equals("number") || type.equals("integer");
            boolean choices = type.equals("boolean") || (f != null && !f.options().isEmpty());
            op.setItems(numeric ? List.of("==", "!=", ">", ">=", "<", "<=") : List.of("==", "!="));
            op.setValue(operator != null && op.getListDataView().contains(operator) ? operator : "==");
            text.setVisible(!choices);
            choice.setVisible(choices);
            if (choices) {
                List<String> values = type.equals("boolean") ? List.of("true", "false") : f.options();
                choice.setItems(values);
                choice.setItemLabelGenerator(v -> f.optionLabels().getOrDefault(v, type.equals("boolean")
                        ? getTranslation("designer.condition." + v) : v));
                choice.setValue(value != null && values.contains(value) ? value : null);
            } else {
                text.setValue(value == null ? "" : value);
                text.setPlaceholder(numeric ? "500" : getTranslation("designer.condition.text"));
            }
        }

        String expression() {
            Field f = field.getValue();
            if (f == null) {
                return null;
            }
            String type = f.type();
            String value = choice.isVisible() ? choice.getValue() : text.getValue().trim();
            if (value == null || value.isEmpty()) {
                return null;
            }
            String literal;
            if (type.equals("boolean")) {
                literal = value;
            } else if (type.equals("number") || type.equals("integer")) {
                if (!value.matches("-?\\d+(\\.\\d+)?")) {
                    text.setInvalid(true);
                    text.setErrorMessage(getTranslation("designer.condition.number"));
                    return null;
                }
                literal = value;
            } else {
                literal = "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
            }
            return f.key() + " " + op.getValue() + " " + literal;
        }
    }

    /** The fields of a form schema, typed, with labels in a language. */
    static List<Field> fieldsOf(JsonNode schema, boolean zh) {
        List<Field> result = new ArrayList<>();
        if (schema == null) {
            return result;
        }
        JsonNode ui = schema.path("x-ui").path("fields");
        schema.path("properties").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            String type = p.path("type").asText("string");
            if (type.equals("array") || type.equals("object")) {
                return;
            }
            List<String> options = new ArrayList<>();
            Map<String, String> labels = new LinkedHashMap<>();
            p.path("enum").forEach(v -> options.add(v.asText()));
            JsonNode optionUi = ui.path(e.getKey()).path("options");
            optionUi.fields().forEachRemaining(o -> labels.put(o.getKey(), o.getValue().path(zh ? "zh-CN" : "en")
                    .asText(o.getKey())));
            String label = ui.path(e.getKey()).path("label").path(zh ? "zh-CN" : "en").asText(e.getKey());
            result.add(new Field(e.getKey(), label, type, options, labels));
        });
        return result;
    }
}
