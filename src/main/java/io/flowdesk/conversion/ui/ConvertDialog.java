package io.flowdesk.conversion.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.flowdesk.conversion.ConversionService;
import io.flowdesk.forms.ui.FormRenderer;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.tickets.ui.TicketHeaderExtension;
import java.util.List;
import java.util.Locale;

/**
 * Picks the target template and shows its start form rendered from the schema, filled from what the ticket knows;
 * the agent completes it and converts. Server errors land on their fields; the ticket view reloads after.
 */
class ConvertDialog extends Dialog {

    private final ConversionService conversions;
    private final TicketHeaderExtension.Header ticket;
    private final Locale locale;
    private final Div formHolder = new Div();
    private final Div status = new Div();
    private final Div errors = new Div();
    private FormRenderer renderer;

    ConvertDialog(ConversionService conversions, TicketHeaderExtension.Header ticket) {
        this.conversions = conversions;
        this.ticket = ticket;
        this.locale = ticket.locale();
        boolean zh = Messages.isChinese(locale);
        setId("convert-dialog");
        setHeaderTitle(t("conversion.title", ticket.number()));
        setWidth("min(640px, 96vw)");
        List<PublishedTemplate> targets = Ui.await(() -> conversions.targets(ticket.user(), ticket.number()));
        Select<PublishedTemplate> target = new Select<>();
        target.setId("convert-target");
        target.setLabel(t("conversion.target"));
        target.setItems(targets);
        target.setItemLabelGenerator(p -> zh ? p.nameZh() : p.nameEn());
        target.setWidthFull();
        target.addValueChangeListener(e -> show(e.getValue()));
        status.setId("convert-missing");
        errors.setId("convert-errors");
        errors.addClassName("fd-form-errors");
        formHolder.setId("convert-form");
        formHolder.setWidthFull();
        VerticalLayout body = new VerticalLayout(new Paragraph(t("conversion.intro")), target, status, formHolder,
                errors);
        body.setPadding(false);
        add(body);
        Button convert = new Button(t("conversion.confirm"), e -> convert(target.getValue()));
        convert.setId("convert-confirm");
        convert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("conversion.cancel"), e -> close());
        cancel.setId("convert-cancel");
        getFooter().add(cancel, convert);
    }

    private void show(PublishedTemplate target) {
        formHolder.removeAll();
        status.setText("");
        errors.setText("");
        renderer = null;
        if (target == null) {
            return;
        }
        ConversionService.Prefill prefill = Ui.await(() -> conversions.prefill(ticket.user(), ticket.number(),
                target.key()));
        renderer = new FormRenderer(prefill.schema(), Messages.tag(locale), false);
        renderer.setValue(prefill.data());
        formHolder.add(renderer);
        status.setText(prefill.missing().isEmpty() ? t("conversion.complete")
                : t("conversion.missing", String.join(Messages.isChinese(locale) ? "、" : ", ", prefill.missing())));
        status.getElement().setAttribute("data-missing", String.valueOf(prefill.missing().size()));
    }

    private void convert(PublishedTemplate target) {
        errors.setText("");
        try {
            var fields = renderer == null ? null : renderer.getValue();
            Ui.await(() -> conversions.convert(ticket.user(), ticket.number(), new ConversionService.ConvertRequest(
                    target == null ? null : target.key(), fields)));
            close();
            Ui.success(t("conversion.done", Messages.isChinese(locale) ? target.nameZh() : target.nameEn()));
            UI.getCurrent().getPage().reload();
        } catch (InvalidInput invalid) {
            List<FieldError> onForm = invalid.errors().stream().map(e -> new FieldError(e.pointer() == null ? null
                    : e.pointer().replaceFirst("^/fields", "/data"), e.text(), e.rule())).toList();
            List<FieldError> rest = renderer == null ? onForm : renderer.showErrors(onForm);
            StringBuilder text = new StringBuilder(invalid.message(locale));
            rest.forEach(e -> text.append(' ').append(e.message(locale)));
            errors.setText(text.toString());
        } catch (FlowDeskException other) {
            errors.setText(other.message(locale));
        }
    }

    private String t(String key, Object... args) {
        return Messages.get(locale, key, args);
    }
}
