package io.flowdesk.designer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.templates.DiagramOutline.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A user task's automatic assignment, required skills and step target, written as {@code flowdesk:assignment},
 * {@code flowdesk:skills} ({@code network:3,printer:1}) and {@code flowdesk:targetMinutes} through the canvas, so
 * bpmn-js's undo/redo covers them. Data in (the node), attribute writes out; the publish gate validates the values.
 */
class RoutingFields extends VerticalLayout {

    /** The strategies of the routing feature; "queue" (claim by hand) is the absent attribute. */
    static final List<String> STRATEGIES = io.flowdesk.workflow.FlowDeskBpmn.ASSIGNMENTS;

    private final BiConsumer<String, String> write;
    private final VerticalLayout skillRows = new VerticalLayout();
    private final List<SkillRow> rows = new ArrayList<>();

    private record SkillRow(TextField key, IntegerField level, HorizontalLayout layout) {
    }

    RoutingFields(Node node, BiConsumer<String, String> write) {
        this.write = write;
        setPadding(false);
        setSpacing(false);
        addClassName("fd-routing-fields");
        setId("prop-routing");

        H4 routing = new H4(getTranslation("designer.routing.title"));
        Select<String> assignment = new Select<>();
        assignment.setLabel(getTranslation("designer.routing.assignment"));
        assignment.setId("prop-assignment");
        List<String> values = new ArrayList<>(STRATEGIES);
        String current = node.assignment() == null || node.assignment().isBlank() ? "queue" : node.assignment();
        if (!values.contains(current)) {
            values.add(current); // an imported or hand-edited value: shown so it can be replaced (the gate names it)
        }
        assignment.setItems(values);
        assignment.setItemLabelGenerator(v -> STRATEGIES.contains(v) ? getTranslation("designer.routing.strategy." + v)
                : getTranslation("designer.routing.strategy.unknown", v));
        assignment.setValue(current);
        assignment.setHelperText(help(current));
        assignment.setWidthFull();
        assignment.addValueChangeListener(e -> {
            assignment.setHelperText(help(e.getValue()));
            write.accept("flowdesk:assignment", "queue".equals(e.getValue()) ? null : e.getValue());
        });

        Span skillsLabel = new Span(getTranslation("designer.routing.skills"));
        skillsLabel.addClassName("fd-field-label");
        skillRows.setPadding(false);
        skillRows.setSpacing(false);
        skillRows.setId("prop-skills");
        for (String[] skill : parseSkills(node.skills())) {
            addRow(skill[0], skill[1]);
        }
        Button addSkill = new Button(getTranslation("designer.routing.skills.add"), VaadinIcon.PLUS.create(), e -> {
            SkillRow row = addRow("", "1");
            row.key().focus();
        });
        addSkill.setId("prop-skill-add");
        addSkill.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Span skillsHelp = new Span(getTranslation("designer.routing.skills.help"));
        skillsHelp.addClassName("fd-muted");

        H4 target = new H4(getTranslation("designer.target.title"));
        int minutes = parseMinutes(node.targetMinutes());
        IntegerField hours = new IntegerField(getTranslation("designer.target.hours"));
        hours.setId("prop-target-hours");
        hours.setMin(0);
        IntegerField mins = new IntegerField(getTranslation("designer.target.minutes"));
        mins.setId("prop-target-minutes");
        mins.setMin(0);
        mins.setMax(59);
        if (minutes > 0) {
            hours.setValue(minutes / 60);
            mins.setValue(minutes % 60);
        }
        Runnable writeTarget = () -> {
            int h = hours.getValue() == null ? 0 : hours.getValue();
            int m = mins.getValue() == null ? 0 : mins.getValue();
            long total = h * 60L + m;
            write.accept("flowdesk:targetMinutes", total == 0 ? null : Long.toString(total));
        };
        hours.addValueChangeListener(e -> writeTarget.run());
        mins.addValueChangeListener(e -> writeTarget.run());
        HorizontalLayout targetFields = new HorizontalLayout(hours, mins);
        targetFields.setWidthFull();
        targetFields.setWrap(false);
        targetFields.addClassName("fd-target-fields");
        hours.setWidth("7em");
        mins.setWidth("7em");
        Span targetHelp = new Span(getTranslation("designer.target.help"));
        targetHelp.addClassName("fd-muted");

        add(routing, assignment, skillsLabel, skillRows, addSkill, skillsHelp, target, targetFields, targetHelp);
    }

    private String help(String strategy) {
        return STRATEGIES.contains(strategy) ? getTranslation("designer.routing.strategy." + strategy + ".help") : "";
    }

    private SkillRow addRow(String key, String level) {
        int index = rows.size();
        TextField skill = new TextField();
        skill.setPlaceholder(getTranslation("designer.routing.skills.key"));
        skill.setAriaLabel(getTranslation("designer.routing.skills.key"));
        skill.setId("prop-skill-key-" + index);
        skill.setValue(key);
        skill.setMinWidth("0");
        IntegerField min = new IntegerField();
        min.setAriaLabel(getTranslation("designer.routing.skills.level"));
        min.setPlaceholder(getTranslation("designer.routing.skills.level"));
        min.setId("prop-skill-level-" + index);
        min.setMin(1);
        min.setMax(5);
        min.setValue(level == null || !level.matches("\\d{1,2}") ? null : Integer.parseInt(level));
        min.setWidth("4.5em");
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        remove.setAriaLabel(getTranslation("designer.routing.skills.remove"));
        remove.setId("prop-skill-remove-" + index);
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        HorizontalLayout layout = new HorizontalLayout(skill, min, remove);
        layout.setWidthFull();
        layout.setWrap(false);
        layout.setSpacing(false);
        layout.getStyle().set("gap", "var(--lumo-space-xs)");
        layout.setFlexGrow(1, skill);
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        layout.addClassName("fd-skill-row");
        SkillRow row = new SkillRow(skill, min, layout);
        rows.add(row);
        skillRows.add(layout);
        skill.addValueChangeListener(e -> writeSkills());
        min.addValueChangeListener(e -> writeSkills());
        remove.addClickListener(e -> {
            rows.remove(row);
            skillRows.remove(layout);
            writeSkills();
        });
        return row;
    }

    private void writeSkills() {
        write.accept("flowdesk:skills", skills(rows.stream().map(r -> new String[] {r.key().getValue(),
                r.level().getValue() == null ? "" : r.level().getValue().toString()}).toList()));
    }

    /** {@code key:level} pairs joined by commas; rows without a key are left out; null when none remain. */
    static String skills(List<String[]> rows) {
        List<String> parts = new ArrayList<>();
        for (String[] row : rows) {
            String key = row[0] == null ? "" : row[0].strip();
            if (!key.isEmpty()) {
                parts.add(key + ":" + (row[1] == null || row[1].isBlank() ? "1" : row[1].strip()));
            }
        }
        return parts.isEmpty() ? null : String.join(",", parts);
    }

    /** The rows of a {@code flowdesk:skills} value, leniently: a part without a level gets none. */
    static List<String[]> parseSkills(String value) {
        List<String[]> result = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return result;
        }
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            result.add(colon < 0 ? new String[] {part.strip(), null}
                    : new String[] {part.substring(0, colon).strip(), part.substring(colon + 1).strip()});
        }
        return result;
    }

    static int parseMinutes(String value) {
        if (value == null || !value.strip().matches("\\d{1,7}")) {
            return 0;
        }
        return Integer.parseInt(value.strip());
    }
}
