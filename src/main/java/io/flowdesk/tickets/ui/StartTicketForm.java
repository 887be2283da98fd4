package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.forms.FormDefinition;
import io.flowdesk.forms.FormService;
import io.flowdesk.forms.ui.FormRenderer;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.tickets.Priority;
import java.util.List;

/**
 * Choosing a ticket type and filling its start form (rendered from the pinned schema), with title and priority.
 * Data in, values out; the caller creates the ticket and hands server errors back with {@link #showErrors}.
 */
public class StartTicketForm extends Composite<VerticalLayout> {

    private final Select<PublishedTemplate> type = new Select<>();
    private final TextField title = new TextField();
    private final Select<String> priority = new Select<>();
    private final Div formHolder = new Div();
    private final Div errors = new Div();
    private final FormService forms;
    private final String locale;
    private FormRenderer renderer;

    public StartTicketForm(List<PublishedTemplate> templates, FormService forms, String locale, boolean showPriority) {
        this.forms = forms;
        this.locale = locale;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        type.setLabel(getTranslation("newTicket.type"));
        type.setItems(templates);
        type.setItemLabelGenerator(t -> t.name(locale));
        type.setId("ticket-type");
        type.addValueChangeListener(e -> renderForm(e.getValue()));
        title.setLabel(getTranslation("home.col.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(300);
        title.setWidthFull();
        title.setId("ticket-title");
        priority.setLabel(getTranslation("home.col.priority"));
        priority.setItems(Priority.ALL);
        priority.setValue(Priority.DEFAULT);
        priority.setId("ticket-priority");
        priority.setVisible(showPriority);
        errors.addClassName("fd-form-errors");
        errors.setId("start-errors");
        formHolder.setWidthFull();
        layout.add(type, title, priority, formHolder, errors);
        if (templates.size() == 1) {
            type.setValue(templates.get(0));
        }
    }

    private void renderForm(PublishedTemplate template) {
        formHolder.removeAll();
        renderer = null;
        if (template == null) {
            return;
        }
        FormDefinition form = Ui.await(() -> forms.get(template.startForm().key(), template.startForm().version()));
        renderer = new FormRenderer(form.schema(), locale, false);
        formHolder.add(renderer);
    }

    /** For a form of one fixed template (the embedded web form): no type chooser. */
    public StartTicketForm withoutTypeChooser() {
        type.setVisible(false);
        return this;
    }

    public PublishedTemplate template() {
        return type.getValue();
    }

    public String title() {
        return title.getValue();
    }

    public String priority() {
        return priority.getValue();
    }

    public com.fasterxml.jackson.databind.node.ObjectNode data() {
        return renderer == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : renderer.getValue();
    }

    /** Puts server errors on their fields; returns the text shown for the others. */
    public void showErrors(List<FieldError> list) {
        title.setInvalid(false);
        StringBuilder other = new StringBuilder();
        List<FieldError> forForm = list.stream().filter(e -> e.pointer() != null && e.pointer().startsWith("/data"))
                .toList();
        if (renderer != null) {
            renderer.showErrors(forForm);
        }
        for (FieldError e : list) {
            if ("/title".equals(e.pointer())) {
                title.setInvalid(true);
                title.setErrorMessage(Ui.text(e.text()));
            } else if (e.pointer() == null || !e.pointer().startsWith("/data")) {
                other.append(Ui.text(e.text())).append(' ');
            }
        }
        errors.setText(getTranslation("ticket.fixErrors", list.size()) + " " + other.toString().strip());
    }
}
