package io.flowdesk.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.ui.PublicPage;
import io.flowdesk.portal.PortalService;
import io.flowdesk.portal.StatusView;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.tickets.ui.TimelinePanel;
import jakarta.inject.Inject;
import java.util.Map;

/** Status without an account: ticket number + phone, confirmed by a code sent to the ticket's contact. */
@Route(value = "portal/lookup", layout = PortalLayout.class)
@PageTitle("FlowDesk")
public class StatusLookupView extends VerticalLayout implements PublicPage {

    @Inject
    public StatusLookupView(PortalService portal) {
        addClassName("fd-portal-card");
        setMaxWidth("36em");
        add(new H1(getTranslation("portal.lookup")), new Paragraph(getTranslation("portal.lookup.explain")));
        TextField number = new TextField(getTranslation("portal.lookup.number"));
        number.setPlaceholder("FD-2026-000123");
        number.setId("lookup-number");
        number.setRequiredIndicatorVisible(true);
        TextField phone = new TextField(getTranslation("portal.lookup.phone"));
        phone.setId("lookup-phone");
        phone.setRequiredIndicatorVisible(true);
        TextField code = new TextField(getTranslation("portal.code"));
        code.setId("lookup-code");
        code.setVisible(false);
        Paragraph answer = new Paragraph();
        answer.setId("lookup-answer");
        Div result = new Div();
        result.setId("lookup-result");
        Button verify = new Button(getTranslation("portal.verify"));
        verify.setId("lookup-verify");
        verify.setVisible(false);
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        number.setWidthFull();
        phone.setWidthFull();
        code.setWidthFull();
        Map<String, TextField> fields = Map.of("/number", number, "/phone", phone, "/code", code);
        Button send = new Button(getTranslation("portal.sendCode"), e -> {
            clear(fields);
            answer.setText("");
            try {
                Ui.await(() -> portal.requestStatusCode(number.getValue(), phone.getValue(), GuestView.client(),
                        Ui.locale()));
                answer.setText(getTranslation("portal.lookup.sent"));
                code.setVisible(true);
                verify.setVisible(true);
            } catch (InvalidInput invalid) {
                show(invalid, fields, answer);
            } catch (FlowDeskException ex) {
                answer.setText(Ui.message(ex));
            }
        });
        send.setId("lookup-send");
        verify.addClickListener(e -> {
            clear(fields);
            try {
                StatusView status = Ui.await(() -> portal.verifyStatusCode(number.getValue(), code.getValue(),
                        GuestView.client()));
                result.removeAll();
                Span badge = new Span(getTranslation("status." + status.status()));
                badge.addClassName("fd-status");
                badge.addClassName("fd-status-" + status.status());
                badge.setId("lookup-status");
                result.add(new H2(status.number() + " · " + status.title()), badge, new TimelinePanel(status.timeline()));
            } catch (InvalidInput invalid) {
                show(invalid, fields, answer);
            } catch (FlowDeskException ex) {
                code.setInvalid(true);
                code.setErrorMessage(Ui.message(ex));
            }
        });
        add(number, phone, send, answer, code, verify, result);
    }

    private static void clear(Map<String, TextField> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Each problem on its field, in the UI's language; anything without a field under the buttons. */
    private static void show(InvalidInput invalid, Map<String, TextField> fields, Paragraph answer) {
        for (FieldError error : invalid.errors()) {
            TextField field = fields.get(error.pointer());
            if (field != null) {
                field.setErrorMessage(error.message(Ui.locale()));
                field.setInvalid(true);
            } else {
                answer.setText(error.message(Ui.locale()));
            }
        }
    }
}
