package io.flowdesk.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouterLayout;
import io.flowdesk.identity.ui.AccessGuard;
import io.flowdesk.identity.ui.LanguageSwitch;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.ui.Ui;

/**
 * The customer portal frame: mobile first, one column, its own look (not the agents' workspace). The layout
 * instance outlives navigation (and sign-in, which navigates), so the header's user part is rebuilt after every
 * navigation instead of once in the constructor.
 */
public class PortalLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Main main = new Main();
    private final Div right = new Div();

    public PortalLayout() {
        addClassName("fd-portal");
        Anchor brand = new Anchor("portal", "FlowDesk");
        brand.addClassName("fd-portal-brand");
        Span sub = new Span(getTranslation("portal.tagline"));
        sub.addClassName("fd-portal-sub");
        Header header = new Header(brand, sub);
        header.addClassName("fd-portal-header");
        right.addClassName("fd-portal-right");
        header.add(right);
        main.addClassName("fd-portal-main");
        Footer footer = new Footer(new Anchor("portal/lookup", getTranslation("portal.lookup")),
                new Span(" · "), new Anchor("login", getTranslation("portal.staffLogin")));
        footer.addClassName("fd-portal-footer");
        add(header, main, footer);
        renderUser();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        renderUser();
    }

    private void renderUser() {
        right.removeAll();
        right.add(new LanguageSwitch());
        UiSession.user().ifPresent(user -> {
            Span who = new Span(user.displayName());
            who.setId("portal-user");
            who.addClassName("fd-portal-user");
            Button logout = new Button(getTranslation("home.logout"), e -> {
                UiSession.signOut();
                getUI().ifPresent(ui -> ui.getPage().setLocation("portal/login"));
            });
            logout.setId("portal-logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            right.add(who, logout);
        });
    }

    /** Sign-in, sign-up and guest pages send a signed-in user home instead of offering them again. */
    static void sendSignedInHome(BeforeEnterEvent event) {
        UiSession.user().ifPresent(user -> event.forwardTo(user.isCustomer() ? AccessGuard.PORTAL_HOME : ""));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Ui.toastsAtBottom(event.getUI(), true);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        Ui.toastsAtBottom(event.getUI(), false);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }
}
