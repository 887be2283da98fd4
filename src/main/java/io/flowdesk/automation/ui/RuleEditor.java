package io.flowdesk.automation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.automation.Rule;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.ui.Ui;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rule's fields, data in ({@link #show}) and out ({@link #value}): key, names in both languages, on/off, the
 * trigger with its parameters, the ALL and ANY condition groups and the actions. Server errors are put on their
 * fields ({@link #showErrors}); what no field shows is listed above the buttons.
 */
class RuleEditor extends Composite<VerticalLayout> {

    private final H3 title = new H3();
    private final TextField key = Fields.text("rule-key", getTranslation("automation.label.key"));
    private final TextField nameZh = Fields.text("rule-name-zh", getTranslation("automation.label.nameZh"));
    private final TextField nameEn = Fields.text("rule-name-en", getTranslation("automation.label.nameEn"));
    private final Checkbox enabled = new Checkbox(getTranslation("rulesview.field.enabled"));
    private final Select<String> type;
    private final Select<String> changed;
    private final Select<String> status;
    private final Select<String> step;
    private final Select<String> by;
    /** Picker values of the form {@code BEFORE:<target>} stand for {@code trigger.before}. */
    static final String BEFORE = "BEFORE:";
    private final Select<String> since;
    private final IntegerField minutes = new IntegerField(getTranslation("automation.label.minutes"));
    private final Span minutesWords = new Span();
    private final Checkbox working = new Checkbox(getTranslation("rulesview.field.working"));
    private final Select<String> calendar;
    private final ConditionGroup all;
    private final ConditionGroup any;
    private final ActionList actions;
    private final Div problems = new Div();
    private final Map<String, String> changedNames = new LinkedHashMap<>();
    private final Map<String, String> stepNames = new LinkedHashMap<>();
    private final Map<String, String> calendarNames = new LinkedHashMap<>();
    private final RuleWords words;
    private boolean isNew;
    private boolean keyTouched;
    private Integer position;

    RuleEditor(RuleWords words, RuleChoices choices) {
        this.words = words;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("fd-rule-editor");
        title.setId("rule-editor-title");
        key.setHelperText(getTranslation("rulesview.field.keyHelp"));
        nameZh.setWidth("min(100%, 20em)");
        nameEn.setWidth("min(100%, 20em)");
        enabled.setId("rule-enabled");
        Map<String, String> types = new LinkedHashMap<>();
        RuleWords.TRIGGERS.forEach(t -> types.put(t, getTranslation("rulesview.trigger." + t)));
        type = Fields.select("rule-trigger", getTranslation("automation.label.trigger"), types);
        type.setWidth("16em");
        changedNames.put("", getTranslation("rulesview.anyField"));
        RuleWords.CHANGEABLE.forEach(f -> changedNames.put(f, words.field(f)));
        choices.dataFields().forEach(f -> changedNames.put("data." + f.key(), words.field("data." + f.key())));
        changed = Fields.select("rule-trigger-field", getTranslation("rulesview.field.changedField"), changedNames);
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("", getTranslation("rulesview.anyStatus"));
        RuleWords.STATUS_ORDER.forEach(s -> statuses.put(s, getTranslation("status." + s)));
        status = Fields.select("rule-trigger-status", getTranslation("rulesview.field.status"), statuses);
        stepNames.put("", getTranslation("rulesview.anyStep"));
        stepNames.putAll(choices.steps());
        step = Fields.select("rule-trigger-step", getTranslation("rulesview.field.step"), stepNames);
        step.setWidth("18em");
        Map<String, String> authors = new LinkedHashMap<>();
        RuleWords.AUTHORS.forEach(a -> authors.put(a, getTranslation("rulesview.by." + a)));
        by = Fields.select("rule-trigger-by", getTranslation("automation.label.by"), authors);
        Map<String, String> anchors = new LinkedHashMap<>();
        RuleWords.ANCHORS.forEach(a -> anchors.put(a, getTranslation("rulesview.summary.since", getTranslation(
                "rulesview.since." + a))));
        // time rules count from an event or back from an SLA deadline (trigger.before): one picker for both
        RuleWords.BEFORE.forEach(b -> anchors.put(BEFORE + b, getTranslation("rulesview.summary.before",
                getTranslation("rulesview.before." + b))));
        since = Fields.select("rule-trigger-since", getTranslation("rulesview.field.anchor"), anchors);
        since.setWidth("20em");
        minutes.setId("rule-trigger-minutes");
        minutes.setMin(1);
        minutes.setStepButtonsVisible(true);
        minutes.setWidth("9em");
        minutes.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        minutes.addValueChangeListener(e -> minutesWords.setText(e.getValue() == null || e.getValue() < 1 ? ""
                : "= " + words.duration(e.getValue())));
        minutesWords.setId("rule-trigger-minutes-words");
        minutesWords.addClassName("fd-hint");
        working.setId("rule-trigger-working");
        calendarNames.putAll(choices.calendars());
        calendar = Fields.select("rule-trigger-calendar", getTranslation("rulesview.field.calendar"), calendarNames);
        calendar.setWidth("18em");
        type.addValueChangeListener(e -> shape());
        working.addValueChangeListener(e -> shape());
        all = new ConditionGroup("rule-all", words, choices);
        any = new ConditionGroup("rule-any", words, choices);
        actions = new ActionList(words, choices);
        problems.setId("rule-errors");
        problems.addClassName("fd-rule-errors");
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        nameEn.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
        nameEn.addValueChangeListener(e -> suggestKey());
        key.addValueChangeListener(e -> keyTouched = e.isFromClient() || keyTouched);
        Span allHelp = new Span(getTranslation("rulesview.section.allHelp"));
        allHelp.addClassName("fd-hint");
        Span anyHelp = new Span(getTranslation("rulesview.section.anyHelp"));
        anyHelp.addClassName("fd-hint");
        layout.add(title, Fields.row(nameZh, nameEn, key, enabled), new H4(getTranslation("rulesview.section.trigger")),
                Fields.row(type, changed, status, step, by, since, minutes, minutesWords, working, calendar),
                new H4(getTranslation("rulesview.section.all")), allHelp, all,
                new H4(getTranslation("rulesview.section.any")), anyHelp, any,
                new H4(getTranslation("rulesview.section.actions")), actions, problems);
    }

    void show(Rule r, boolean isNew) {
        this.isNew = isNew;
        keyTouched = !isNew || r.key() != null && !r.key().isBlank();
        title.setText(getTranslation(isNew ? "rulesview.editor.new" : "rulesview.editor.edit"));
        key.setValue(Fields.nullToBlank(r.key()));
        key.setReadOnly(!isNew);
        nameZh.setValue(Fields.nullToBlank(r.nameZh()));
        nameEn.setValue(Fields.nullToBlank(r.nameEn()));
        enabled.setValue(r.on());
        Rule.Trigger t = r.trigger() == null ? Rule.Trigger.of("TICKET_CREATED") : r.trigger();
        type.setValue(t.type() == null || !RuleWords.TRIGGERS.contains(t.type()) ? "TICKET_CREATED" : t.type());
        Fields.value(changed, changedNames, t.field() == null ? "" : t.field());
        status.setValue(t.status() == null ? "" : t.status());
        Fields.value(step, stepNames, t.step() == null ? "" : t.step());
        by.setValue(t.by() == null ? "any" : t.by());
        since.setValue(t.before() != null ? BEFORE + t.before() : t.since() == null ? "CREATED" : t.since());
        minutes.setValue(t.minutes());
        working.setValue(Boolean.TRUE.equals(t.working()));
        Fields.value(calendar, calendarNames, t.calendar() == null ? (calendarNames.containsKey("cn-standard")
                ? "cn-standard" : null) : t.calendar());
        all.show(r.conditions().all());
        any.show(r.conditions().any());
        actions.show(r.actions());
        position = r.position();
        shape();
        clearErrors();
    }

    private void shape() {
        String t = type.getValue() == null ? "" : type.getValue();
        changed.setVisible(t.equals("FIELD_CHANGED"));
        status.setVisible(t.equals("STATUS_CHANGED"));
        step.setVisible(t.equals("TASK_CREATED") || t.equals("TASK_COMPLETED"));
        by.setVisible(t.equals("COMMENT_ADDED"));
        boolean time = t.equals("TIME");
        since.setVisible(time);
        minutes.setVisible(time);
        minutesWords.setVisible(time);
        working.setVisible(time);
        calendar.setVisible(time && working.getValue());
    }

    /** A new rule's key follows its English name until the admin types one. */
    private void suggestKey() {
        if (!isNew || keyTouched) {
            return;
        }
        String slug = java.text.Normalizer.normalize(nameEn.getValue(), java.text.Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        key.setValue(slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug);
    }

    Rule value() {
        String t = type.getValue();
        Rule.Trigger trigger = switch (t == null ? "" : t) {
            case "FIELD_CHANGED" -> new Rule.Trigger(t, Fields.blankToNull(changed.getValue()), null, null, null,
                    null, null, null, null, null);
            case "STATUS_CHANGED" -> new Rule.Trigger(t, null, Fields.blankToNull(status.getValue()), null, null,
                    null, null, null, null, null);
            case "TASK_CREATED", "TASK_COMPLETED" -> new Rule.Trigger(t, null, null,
                    Fields.blankToNull(step.getValue()), null, null, null, null, null, null);
            case "COMMENT_ADDED" -> new Rule.Trigger(t, null, null, null, by.getValue(), null, null, null, null,
                    null);
            case "TIME" -> {
                String anchor = since.getValue();
                boolean back = anchor != null && anchor.startsWith(BEFORE);
                yield new Rule.Trigger(t, null, null, null, null, back ? null : anchor,
                        back ? anchor.substring(BEFORE.length()) : null, minutes.getValue(),
                        working.getValue() ? Boolean.TRUE : null, working.getValue() ? calendar.getValue() : null);
            }
            default -> Rule.Trigger.of(t);
        };
        return new Rule(Fields.blankToNull(key.getValue()), nameZh.getValue().strip(), nameEn.getValue().strip(),
                trigger, new Rule.Conditions(all.value(), any.value()), actions.value(), position,
                enabled.getValue());
    }

    boolean isNew() {
        return isNew;
    }

    /** Puts each server problem on its field and lists every message next to the form. */
    void showErrors(List<FieldError> errors) {
        clearErrors();
        List<String> messages = new ArrayList<>();
        for (FieldError e : errors) {
            String message = Ui.text(e.text());
            messages.add(message);
            show(e.pointer() == null ? "" : e.pointer(), message);
        }
        for (String m : messages) {
            Div line = new Div();
            line.setText(m);
            line.addClassName("fd-rule-error");
            problems.add(line);
        }
        problems.setVisible(!messages.isEmpty());
    }

    private boolean show(String pointer, String message) {
        if (pointer.startsWith("/conditions/all/")) {
            return all.showError(pointer.substring("/conditions/all".length()), message);
        }
        if (pointer.startsWith("/conditions/any/")) {
            return any.showError(pointer.substring("/conditions/any".length()), message);
        }
        if (pointer.startsWith("/actions/")) {
            return actions.showError(pointer.substring("/actions".length()), message);
        }
        HasValidation target = switch (pointer) {
            case "/key" -> key;
            case "/nameZh" -> nameZh;
            case "/nameEn" -> nameEn;
            case "/trigger/type" -> type;
            case "/trigger/minutes" -> minutes;
            case "/trigger/since", "/trigger/before" -> since;
            case "/trigger/by" -> by;
            default -> null;
        };
        if (target == null) {
            return false;
        }
        Fields.invalid(target, message);
        return true;
    }

    void clearErrors() {
        Fields.clear(List.of(key, nameZh, nameEn, type, minutes, since, by));
        all.clearErrors();
        any.clearErrors();
        actions.clearErrors();
        problems.removeAll();
        problems.setVisible(false);
    }
}
