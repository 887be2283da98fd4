package io.flowdesk.designer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.tickets.CreateTicketRequest;
import io.flowdesk.tickets.Customer;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.tickets.ui.StartTicketForm;
import java.util.List;

/** "Try it": fill the draft's start form and open a test ticket on it, then walk it in the workspace. */
class TryItDialog extends Dialog {

    TryItDialog(TicketService tickets, FormService forms, CurrentUser user, PublishedTemplate test) {
        setHeaderTitle(getTranslation("designer.try.title", test.name(UiSession.localeTag())));
        setWidth("min(720px, 95vw)");
        Span hint = new Span(getTranslation("designer.try.hint"));
        hint.addClassName("fd-muted");
        StartTicketForm start = new StartTicketForm(List.of(test), forms, UiSession.localeTag(), true);
        add(hint, start);
        Button create = new Button(getTranslation("designer.try.start"), e -> {
            CreateTicketRequest request = new CreateTicketRequest(test.key(), start.title(), start.priority(),
                    new Customer(user.displayName(), user.email() == null ? "designer@flowdesk.local" : user.email(),
                            user.phone()), start.data(), "test");
            try {
                var created = Ui.await(() -> tickets.createTest(user, test, request));
                close();
                getUI().ifPresent(ui -> ui.navigate("tickets/" + created.ticket().number()));
            } catch (InvalidInput invalid) {
                start.showErrors(invalid.errors());
            }
        });
        create.setId("try-start");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("designer.cancel"), e -> close()), create);
    }
}
