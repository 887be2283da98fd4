package io.flowdesk.forms.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.forms.BrowserPattern;
import io.flowdesk.forms.ValidationTexts;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one form renderer: turns a form version (JSON Schema 2020-12 + x-ui) into Vaadin fields, for task forms,
 * the portal, read-only earlier steps and (later) the designer's preview. Data in, data out: it validates nothing
 * itself beyond client hints (required marks, lengths, ranges, patterns); the server (networknt) is the judge
 * and its errors are shown on the fields with {@link #showErrors}.
 */
public class FormRenderer extends Composite<FormLayout> {

    private final JsonNode schema;
    private final boolean zh;
    private final java.util.Locale locale;
    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    public FormRenderer(JsonNode schema, String locale, boolean readOnly) {
        this.schema = schema;
        this.zh = locale == null || locale.startsWith("zh");
        this.locale = zh ? Messages.ZH : Messages.EN;
        FormLayout layout = getContent();
        layout.addClassName("fd-form");
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2));
        JsonNode properties = schema.path("properties");
        JsonNode ui = schema.path("x-ui");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));

        List<String> order = new ArrayList<>();
        ui.path("order").forEach(k -> order.add(k.asText()));
        properties.fieldNames().forEachRemaining(k -> {
            if (!order.contains(k)) {
                order.add(k);
            }
        });
        Map<String, String> sectionStarts = new LinkedHashMap<>();
        for (JsonNode section : ui.path("sections")) {
            if (section.path("fields").size() > 0) {
                sectionStarts.putIfAbsent(section.path("fields").get(0).asText(), text(section.path("title")));
            }
        }
        Set<String> placed = new LinkedHashSet<>();
        for (String key : order) {
            if (!properties.has(key) || !placed.add(key)) {
                continue;
            }
            if (sectionStarts.containsKey(key)) {
                H4 heading = new H4(sectionStarts.get(key));
                heading.addClassName("fd-form-section");
                layout.add(heading, 2);
            }
            Component field = field(key, properties.get(key), ui.path("fields").path(key), required.contains(key),
                    readOnly);
            boolean wide = field instanceof TextArea || field instanceof RepeatableGroup;
            layout.add(field, wide ? 2 : 1);
        }
        ui.path("fields").fields().forEachRemaining(e -> {
            JsonNode when = e.getValue().path("visibleWhen");
            if (when.isObject() && fields.containsKey(e.getKey()) && fields.containsKey(when.path("field").asText())) {
                wireVisibility((Component) fields.get(e.getKey()), fields.get(when.path("field").asText()), when);
            }
        });
    }

    /** visibleWhen: the field shows only while another field equals (op eq) or differs from (op ne) a value. */
    private static void wireVisibility(Component target, HasValue<?, ?> source, JsonNode when) {
        String expected = when.path("value").asText("");
        boolean equals = !"ne".equals(when.path("op").asText("eq"));
        Runnable update = () -> {
            Object value = source.getValue();
            String actual = value instanceof Set<?> set ? String.join(",", set.stream().map(String::valueOf).toList())
                    : value == null ? "" : String.valueOf(value);
            target.setVisible(actual.equals(expected) == equals);
        };
        source.addValueChangeListener(e -> update.run());
        update.run();
    }

    private Component field(String key, JsonNode property, JsonNode ui, boolean required, boolean readOnly) {
        String type = property.path("type").asText("string");
        String widget = ui.path("widget").asText("text");
        String label = text(ui.path("label"));
        if (label.isEmpty()) {
            label = key;
        }
        types.put(key, type);
        boolean locked = readOnly || property.path("readOnly").asBoolean(false) || ui.path("readOnly").asBoolean(false);
        ValidationTexts.Field rules = new ValidationTexts.Field(ValidationTexts.labelOf(ui.path("label"), key), property,
                ui);
        Component component;
        if ("boolean".equals(type)) {
            if ("radio".equals(widget) || "select".equals(widget)) {
                RadioButtonGroup<Boolean> group = new RadioButtonGroup<>(label);
                group.setItems(Boolean.TRUE, Boolean.FALSE);
                JsonNode options = ui.path("options");
                group.setItemLabelGenerator(b -> {
                    String optionLabel = text(options.path(b.toString()));
                    return !optionLabel.isEmpty() ? optionLabel : Messages.get(locale, b ? "form.yes" : "form.no");
                });
                group.setRequiredIndicatorVisible(required);
                component = group;
            } else {
                component = new Checkbox(label);
            }
        } else if (property.has("enum") && !"array".equals(type)) {
            List<String> values = new ArrayList<>();
            property.path("enum").forEach(v -> values.add(v.asText()));
            JsonNode options = ui.path("options");
            if ("radio".equals(widget)) {
                RadioButtonGroup<String> group = new RadioButtonGroup<>(label);
                group.setItems(values);
                group.setItemLabelGenerator(v -> optionLabel(options, v));
                group.setRequiredIndicatorVisible(required);
                component = group;
            } else {
                Select<String> select = new Select<>();
                select.setLabel(label);
                select.setItems(values);
                select.setItemLabelGenerator(v -> v == null ? "" : optionLabel(options, v));
                select.setEmptySelectionAllowed(!required);
                select.setRequiredIndicatorVisible(required);
                component = select;
            }
        } else if ("array".equals(type) && "group".equals(widget)) {
            component = new RepeatableGroup(label, property, ui, zh ? "zh-CN" : "en", readOnly);
        } else if ("array".equals(type)) {
            MultiSelectComboBox<String> multi = new MultiSelectComboBox<>(label);
            List<String> values = new ArrayList<>();
            property.path("items").path("enum").forEach(v -> values.add(v.asText()));
            multi.setItems(values);
            multi.setItemLabelGenerator(v -> optionLabel(ui.path("options"), v));
            multi.setRequiredIndicatorVisible(required);
            component = multi;
        } else if ("integer".equals(type) || "number".equals(type)) {
            // a text field, not a number input: the browser would drop "abc" silently and the form would call the
            // field missing; here the typed text stays, the client says it must be a number and so does the server
            boolean whole = "integer".equals(type);
            TextField number = new TextField(label);
            number.getElement().setAttribute("inputmode", whole ? "numeric" : "decimal");
            number.addClassName("fd-number");
            if (!locked) {
                number.setPattern(whole ? "[+\\-]?[0-9]+" : "[+\\-]?[0-9]*[.]?[0-9]+");
            }
            number.setI18n(new TextField.TextFieldI18n()
                    .setPatternErrorMessage(say(ValidationTexts.type(rules.label(), whole ? "integer" : "number")))
                    .setRequiredErrorMessage(say(ValidationTexts.required(rules))));
            if ("money".equals(widget)) {
                number.setPrefixComponent(new Span("¥"));
            }
            number.setRequiredIndicatorVisible(required);
            component = number;
        } else if ("date".equals(widget) || "date".equals(property.path("format").asText())) {
            DatePicker date = new DatePicker(label);
            date.setRequiredIndicatorVisible(required);
            component = date;
        } else if ("datetime".equals(widget) || "date-time".equals(property.path("format").asText())) {
            DateTimePicker dateTime = new DateTimePicker(label);
            dateTime.setRequiredIndicatorVisible(required);
            component = dateTime;
        } else if ("textarea".equals(widget)) {
            TextArea area = new TextArea(label);
            if (property.has("maxLength")) {
                area.setMaxLength(property.get("maxLength").asInt());
            }
            if (property.has("minLength")) {
                area.setMinLength(property.get("minLength").asInt());
            }
            area.setI18n(new TextArea.TextAreaI18n().setRequiredErrorMessage(say(ValidationTexts.required(rules)))
                    .setMinLengthErrorMessage(say(rules, "minLength")).setMaxLengthErrorMessage(say(rules, "maxLength"))
                    .setPatternErrorMessage(say(ValidationTexts.pattern(rules))));
            area.setRequiredIndicatorVisible(required);
            component = area;
        } else if ("email".equals(widget) || "email".equals(property.path("format").asText())) {
            EmailField email = new EmailField(label);
            email.setI18n(new EmailField.EmailFieldI18n().setRequiredErrorMessage(say(ValidationTexts.required(rules)))
                    .setPatternErrorMessage(say(ValidationTexts.format(rules.label(), "email"))));
            email.setRequiredIndicatorVisible(required);
            component = email;
        } else if ("attachment".equals(widget)) {
            AttachmentField attachment = new AttachmentField(label);
            attachment.setRequiredIndicatorVisible(required);
            component = attachment;
        } else {
            TextField text = new TextField(label);
            if (property.has("maxLength")) {
                text.setMaxLength(property.get("maxLength").asInt());
            }
            if (property.has("minLength")) {
                text.setMinLength(property.get("minLength").asInt());
            }
            // the browser compiles the attribute with the v flag; a read-only field (e.g. a masked phone) is not
            // checked at all, since its shown value is not what the person entered
            String browserPattern = property.has("pattern") ? BrowserPattern.of(property.get("pattern").asText()) : null;
            if (browserPattern != null && !locked) {
                text.setPattern(browserPattern);
            }
            text.setI18n(new TextField.TextFieldI18n().setRequiredErrorMessage(say(ValidationTexts.required(rules)))
                    .setMinLengthErrorMessage(say(rules, "minLength")).setMaxLengthErrorMessage(say(rules, "maxLength"))
                    .setPatternErrorMessage(say(ValidationTexts.pattern(rules))));
            text.setRequiredIndicatorVisible(required);
            component = text;
        }
        component.setId("field-" + key);
        String help = text(ui.path("help"));
        if (!help.isEmpty() && component instanceof com.vaadin.flow.component.HasHelper helper) {
            helper.setHelperText(help);
        }
        @SuppressWarnings("unchecked")
        HasValue<?, ?> value = (HasValue<?, ?>) component;
        value.setReadOnly(locked);
        fields.put(key, value);
        return component;
    }

    /** Fills the fields from data (unknown keys are ignored). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setValue(JsonNode data) {
        if (data == null) {
            return;
        }
        fields.forEach((key, field) -> {
            JsonNode value = data.get(key);
            if (value == null || value.isNull()) {
                return;
            }
            HasValue raw = field;
            if (field instanceof RadioButtonGroup<?> group && "boolean".equals(types.get(key))) {
                raw.setValue(value.asBoolean());
            } else if (field instanceof Checkbox) {
                raw.setValue(value.asBoolean());
            } else if (value.isNumber()) {
                raw.setValue(value.decimalValue().stripTrailingZeros().toPlainString());
            } else if (field instanceof DatePicker) {
                raw.setValue(LocalDate.parse(value.asText()));
            } else if (field instanceof DateTimePicker) {
                raw.setValue(LocalDateTime.parse(value.asText().replaceAll("(Z|[+-]\\d\\d:\\d\\d)$", "")));
            } else if (field instanceof RepeatableGroup && value.isArray()) {
                raw.setValue(value.deepCopy());
            } else if (field instanceof MultiSelectComboBox) {
                Set<String> values = new LinkedHashSet<>();
                value.forEach(v -> values.add(v.asText()));
                raw.setValue(values);
            } else {
                raw.setValue(value.asText());
            }
        });
    }

    /** The entered data; empty fields are left out so that "required" is judged by the schema. */
    public ObjectNode getValue() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        fields.forEach((key, field) -> {
            if (!((Component) field).isVisible()) {
                return;
            }
            Object value = field.getValue();
            String type = types.get(key);
            if (value instanceof String typed && !typed.isBlank() && ("number".equals(type) || "integer".equals(type))) {
                // a number as a number; anything else ("abc") as typed, so that the server says it must be a number
                try {
                    java.math.BigDecimal number = new java.math.BigDecimal(typed.strip().replaceFirst("^\\+", ""));
                    if ("integer".equals(type) && number.stripTrailingZeros().scale() <= 0) {
                        data.put(key, number.longValueExact());
                    } else if ("integer".equals(type)) {
                        data.put(key, number); // a fraction: the server says it must be a whole number
                    } else {
                        data.put(key, number.doubleValue());
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    data.put(key, typed);
                }
                return;
            }
            if (value instanceof ArrayNode rows) {
                if (!rows.isEmpty()) {
                    data.set(key, rows);
                }
                return;
            }
            if (value == null || value instanceof String s && s.isBlank()
                    || value instanceof Set<?> set && set.isEmpty()) {
                return;
            }
            switch (value) {
                case Boolean b -> data.put(key, b);
                case Integer i -> data.put(key, i);
                case Double d -> {
                    if ("integer".equals(type) && d == Math.rint(d)) {
                        data.put(key, d.longValue());
                    } else {
                        data.put(key, d);
                    }
                }
                case LocalDate date -> data.put(key, date.toString());
                case LocalDateTime dateTime -> data.put(key, dateTime.atZone(java.time.ZoneId.systemDefault())
                        .toOffsetDateTime().toString());
                case Set<?> set -> {
                    ArrayNode array = data.putArray(key);
                    set.forEach(v -> array.add(v.toString()));
                }
                default -> data.put(key, value.toString());
            }
        });
        return data;
    }

    /** Shows server errors on their fields (pointers like {@code /data/refundAmount}); returns unplaced ones. */
    public List<FieldError> showErrors(List<FieldError> errors) {
        clearErrors();
        List<FieldError> unplaced = new ArrayList<>();
        for (FieldError error : errors) {
            String pointer = error.pointer() == null ? "" : error.pointer().replaceFirst("^/data", "");
            String key = pointer.startsWith("/") ? pointer.substring(1).split("/")[0] : pointer;
            HasValue<?, ?> field = fields.get(key);
            if (field instanceof HasValidationProperties validation) {
                validation.setInvalid(true);
                validation.setErrorMessage(error.message(locale));
            } else {
                unplaced.add(error);
            }
        }
        return unplaced;
    }

    public void clearErrors() {
        fields.values().forEach(field -> {
            if (field instanceof HasValidationProperties validation) {
                validation.setInvalid(false);
            }
        });
    }

    public JsonNode schema() {
        return schema;
    }

    /** A validation text in the form's language. */
    private String say(Text text) {
        return text.in(locale);
    }

    private String say(ValidationTexts.Field rules, String rule) {
        return say(ValidationTexts.forRule(rules, rule, rules.schema().get(rule)));
    }

    private String optionLabel(JsonNode options, String value) {
        String label = text(options.path(value));
        return label.isEmpty() ? value : label;
    }

    private String text(JsonNode label) {
        if (label == null || label.isMissingNode() || label.isNull()) {
            return "";
        }
        if (label.isTextual()) {
            return label.asText();
        }
        return label.path(zh ? "zh-CN" : "en").asText(label.path("en").asText(""));
    }

    /** The form's title in the UI language. */
    public String title() {
        return text(schema.path("x-ui").path("title"));
    }

}
