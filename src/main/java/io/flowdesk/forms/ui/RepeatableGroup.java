package io.flowdesk.forms.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A repeatable group (widget {@code group}): rows of sub-fields, each row rendered by {@link FormRenderer} from the
 * array's item schema. Its value is a JSON array of row objects; empty rows are left out.
 */
class RepeatableGroup extends CustomField<ArrayNode> {

    private final ObjectNode rowSchema;
    private final String locale;
    private final boolean readOnly;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<FormRenderer> renderers = new ArrayList<>();
    private final Button add;

    RepeatableGroup(String label, JsonNode property, JsonNode ui, String locale, boolean readOnly) {
        this.locale = locale;
        this.readOnly = readOnly;
        setLabel(label);
        rowSchema = property.path("items").deepCopy();
        rowSchema.putObject("x-ui").set("fields", ui.path("fields").deepCopy());
        rows.setPadding(false);
        rows.setSpacing(false);
        add = new Button(getTranslation("form.group.add"), VaadinIcon.PLUS.create(), e -> {
            addRow(null);
            updateValue();
        });
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add.setVisible(!readOnly);
        VerticalLayout box = new VerticalLayout(rows, add);
        box.setPadding(false);
        box.addClassName("fd-group");
        add(box);
        addRow(null);
    }

    private void addRow(JsonNode data) {
        FormRenderer renderer = new FormRenderer(rowSchema, locale, readOnly);
        renderer.setValue(data);
        renderers.add(renderer);
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            renderers.remove(renderer);
            rows.remove((com.vaadin.flow.component.Component) e.getSource().getParent().orElseThrow());
            updateValue();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        remove.setVisible(!readOnly);
        remove.setAriaLabel(getTranslation("form.group.remove"));
        HorizontalLayout row = new HorizontalLayout(renderer, remove);
        row.setWidthFull();
        row.setFlexGrow(1, renderer);
        row.addClassName("fd-group-row");
        rows.add(row);
    }

    @Override
    protected ArrayNode generateModelValue() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (FormRenderer renderer : renderers) {
            ObjectNode row = renderer.getValue();
            if (!row.isEmpty()) {
                array.add(row);
            }
        }
        return array;
    }

    @Override
    protected void setPresentationValue(ArrayNode value) {
        rows.removeAll();
        renderers.clear();
        if (value == null || value.isEmpty()) {
            addRow(null);
            return;
        }
        value.forEach(this::addRow);
    }

    @Override
    public ArrayNode getValue() {
        return generateModelValue();
    }
}
