package io.flowdesk.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.ui.PublicPage;
import io.flowdesk.identity.ui.SignIn;
import io.flowdesk.portal.PortalService;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import jakarta.inject.Inject;

@Route(value = "portal/signup", layout = PortalLayout.class)
@PageTitle("FlowDesk")
public class SignUpView extends VerticalLayout implements PublicPage, BeforeEnterObserver {

    @Inject
    public SignUpView(PortalService portal) {
        addClassName("fd-portal-card");
        add(new H1(getTranslation("portal.signUp")));
        EmailField email = new EmailField(getTranslation("newTicket.customerEmail"));
        email.setId("signup-email");
        PasswordField password = new PasswordField(getTranslation("login.password"));
        password.setHelperText(getTranslation("portal.passwordHint"));
        password.setId("signup-password");
        TextField name = new TextField(getTranslation("newTicket.customerName"));
        name.setId("signup-name");
        TextField phone = new TextField(getTranslation("newTicket.customerPhone"));
        phone.setId("signup-phone");
        Button create = new Button(getTranslation("portal.signUp"), e -> {
            try {
                var user = Ui.await(() -> portal.signUp(email.getValue(), password.getValue(), name.getValue(),
                        phone.getValue()));
                SignIn.start(user);
                getUI().ifPresent(ui -> ui.navigate("portal"));
            } catch (InvalidInput invalid) {
                invalid.errors().forEach(x -> {
                    switch (x.pointer()) {
                        case "/email" -> { email.setInvalid(true); email.setErrorMessage(x.message(Ui.locale())); }
                        case "/password" -> { password.setInvalid(true); password.setErrorMessage(x.message(Ui.locale())); }
                        case "/name" -> { name.setInvalid(true); name.setErrorMessage(x.message(Ui.locale())); }
                        default -> { phone.setInvalid(true); phone.setErrorMessage(x.message(Ui.locale())); }
                    }
                });
            } catch (FlowDeskException other) {
                Ui.error(Ui.message(other));
            }
        });
        create.setId("signup-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        email.setWidthFull();
        password.setWidthFull();
        name.setWidthFull();
        phone.setWidthFull();
        add(email, password, name, phone, create);
        setMaxWidth("28em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PortalLayout.sendSignedInHome(event);
    }
}
