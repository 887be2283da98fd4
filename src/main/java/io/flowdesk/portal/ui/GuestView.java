package io.flowdesk.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.flowdesk.identity.ui.PublicPage;
import io.flowdesk.identity.ui.SignIn;
import io.flowdesk.portal.PortalService;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.ui.Ui;
import jakarta.inject.Inject;

/** Continue as a guest: a code mailed to the address proves it, then the guest sees their tickets. */
@Route(value = "portal/guest", layout = PortalLayout.class)
@PageTitle("FlowDesk")
public class GuestView extends VerticalLayout implements PublicPage, BeforeEnterObserver {

    @Inject
    public GuestView(PortalService portal) {
        addClassName("fd-portal-card");
        setMaxWidth("28em");
        add(new H1(getTranslation("portal.guest")), new Paragraph(getTranslation("portal.guest.explain")));
        EmailField email = new EmailField(getTranslation("newTicket.customerEmail"));
        email.setId("guest-email");
        email.setWidthFull();
        TextField code = new TextField(getTranslation("portal.code"));
        code.setId("guest-code");
        code.setWidthFull();
        code.setVisible(false);
        Button verify = new Button(getTranslation("portal.verify"));
        verify.setId("guest-verify");
        verify.setVisible(false);
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button send = new Button(getTranslation("portal.sendCode"), e -> {
            if (Ui.attempt(() -> Ui.await(() -> portal.requestGuestCode(email.getValue(), client(), Ui.locale())))) {
                Ui.success(getTranslation("portal.codeSent"));
                code.setVisible(true);
                verify.setVisible(true);
            }
        });
        send.setId("guest-send");
        verify.addClickListener(e -> {
            try {
                var user = Ui.await(() -> portal.verifyGuestCode(email.getValue(), code.getValue(), client()));
                SignIn.start(user);
                getUI().ifPresent(ui -> ui.navigate("portal"));
            } catch (FlowDeskException ex) {
                code.setInvalid(true);
                code.setErrorMessage(Ui.message(ex));
            }
        });
        add(email, send, code, verify);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PortalLayout.sendSignedInHome(event);
    }

    static String client() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
