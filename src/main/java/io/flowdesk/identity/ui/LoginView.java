package io.flowdesk.identity.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import jakarta.inject.Inject;
import java.util.Optional;

/** Sign-in page with a language switch. Passwords are checked against the bcrypt hashes in PostgreSQL. */
@Route("login")
@PageTitle("FlowDesk")
public class LoginView extends VerticalLayout implements BeforeEnterObserver, PublicPage {

    private final LoginForm form = new LoginForm();
    private final IdentityService identity;

    @Inject
    public LoginView(IdentityService identity) {
        this.identity = identity;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        Div brand = new Div(new H1("FlowDesk"), new Paragraph(getTranslation("login.tagline")));
        brand.addClassName("brand");
        form.setI18n(i18n());
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));
        com.vaadin.flow.component.html.Anchor portal = new com.vaadin.flow.component.html.Anchor(
                AccessGuard.PORTAL_LOGIN, getTranslation("login.customers"));
        portal.setId("to-portal");
        add(new LanguageSwitch(), brand, form, portal);
    }

    private void signIn(String username, String password) {
        Optional<CurrentUser> user = SignIn.withPassword(identity, username, password);
        if (user.isEmpty()) {
            form.setError(true);
            return;
        }
        String target = user.get().isCustomer() ? AccessGuard.PORTAL_HOME : "";
        getUI().ifPresent(ui -> ui.navigate(target));
    }

    static LoginI18n i18n(com.vaadin.flow.component.Component c) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(c.getTranslation("login.title"));
        f.setUsername(c.getTranslation("login.username"));
        f.setPassword(c.getTranslation("login.password"));
        f.setSubmit(c.getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(c.getTranslation("login.error.title"));
        error.setMessage(c.getTranslation("login.error.message"));
        return i18n;
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (UiSession.user().isPresent()) {
            event.forwardTo("");
        }
    }
}
