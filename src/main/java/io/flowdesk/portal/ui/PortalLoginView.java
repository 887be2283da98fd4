package io.flowdesk.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.ui.PublicPage;
import io.flowdesk.identity.ui.SignIn;
import jakarta.inject.Inject;

/** Customers sign in with user name or e-mail and password, or continue as a guest, or sign up. */
@Route(value = "portal/login", layout = PortalLayout.class)
@PageTitle("FlowDesk")
public class PortalLoginView extends VerticalLayout implements PublicPage, BeforeEnterObserver {

    @Inject
    public PortalLoginView(IdentityService identity) {
        addClassName("fd-portal-card");
        setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("portal.welcome")));
        LoginForm form = new LoginForm();
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("portal.signIn"));
        i18n.getForm().setUsername(getTranslation("portal.login.identifier"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(e -> {
            var user = SignIn.withPassword(identity, e.getUsername(), e.getPassword());
            if (user.isEmpty() || !user.get().isCustomer()) {
                form.setError(true);
                return;
            }
            getUI().ifPresent(ui -> ui.navigate("portal"));
        });
        Anchor signUp = new Anchor("portal/signup", getTranslation("portal.signUp"));
        signUp.setId("to-signup");
        Anchor guest = new Anchor("portal/guest", getTranslation("portal.guest"));
        guest.setId("to-guest");
        Anchor lookup = new Anchor("portal/lookup", getTranslation("portal.lookup"));
        lookup.setId("to-lookup");
        add(form, signUp, guest, lookup);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PortalLayout.sendSignedInHome(event);
    }
}
