package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.tickets.CreateTicketRequest;
import io.flowdesk.tickets.Customer;
import io.flowdesk.tickets.TicketService;
import jakarta.inject.Inject;
import java.util.List;

/** An agent opens a ticket for a customer (phone, e-mail, chat), optionally keeping the transcript. */
@Route(value = "tickets/new", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class NewTicketView extends VerticalLayout {

    @Inject
    public NewTicketView(TicketService tickets, TemplateService templates, FormService forms) {
        CurrentUser user = UiSession.user().orElseThrow();
        String locale = UiSession.localeTag();
        addClassName("fd-new-ticket");
        setMaxWidth("900px");
        add(new H2(getTranslation("nav.newTicket")));
        if (!user.seesAllTickets()) {
            add(getTranslation("newTicket.notAllowed"));
            return;
        }
        StartTicketForm start = new StartTicketForm(Ui.await(templates::listLatest), forms, locale, true);
        TextField name = new TextField(getTranslation("newTicket.customerName"));
        name.setId("customer-name");
        name.setRequiredIndicatorVisible(true);
        EmailField email = new EmailField(getTranslation("newTicket.customerEmail"));
        email.setId("customer-email");
        TextField phone = new TextField(getTranslation("newTicket.customerPhone"));
        phone.setId("customer-phone");
        Select<String> channel = new Select<>();
        channel.setLabel(getTranslation("ticket.channel"));
        channel.setItems("phone", "email", "chat", "walk-in");
        channel.setItemLabelGenerator(c -> getTranslation("channel." + c));
        channel.setValue("phone");
        channel.setId("channel");
        TextArea transcript = new TextArea(getTranslation("newTicket.transcript"));
        transcript.setPlaceholder(getTranslation("newTicket.transcript.placeholder"));
        transcript.setWidthFull();
        transcript.setId("transcript");
        Button create = new Button(getTranslation("newTicket.create"), e -> {
            if (start.template() == null) {
                Ui.error(getTranslation("newTicket.chooseType"));
                return;
            }
            CreateTicketRequest request = new CreateTicketRequest(start.template().key(), start.title(),
                    start.priority(), new Customer(name.getValue(), email.getValue(), phone.getValue()), start.data(),
                    channel.getValue(), transcript.getValue());
            try {
                var created = Ui.await(() -> tickets.create(user, request, null));
                Ui.success(getTranslation("newTicket.created", created.ticket().number()));
                getUI().ifPresent(ui -> ui.navigate("tickets/" + created.ticket().number()));
            } catch (InvalidInput invalid) {
                start.showErrors(invalid.errors());
                invalid.errors().stream().filter(x -> x.pointer() != null && x.pointer().startsWith("/customer"))
                        .forEach(x -> {
                            name.setInvalid(x.pointer().equals("/customer/name") || x.pointer().equals("/customer"));
                            name.setErrorMessage(x.message(getLocale()));
                        });
            } catch (FlowDeskException other) {
                Ui.error(Ui.message(other));
            }
        });
        create.setId("create-ticket");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(name, email, phone, channel), start, transcript, create);
        List.of(name, email, phone).forEach(f -> f.setWidth("14em"));
    }
}
