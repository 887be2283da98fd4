package io.flowdesk.portal.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import io.flowdesk.identity.ui.LanguageSwitch;
import io.flowdesk.identity.ui.UiSession;

/** The customer portal frame: mobile first, one column, its own look (not the agents' workspace). */
public class PortalLayout extends Div implements RouterLayout {

    private final Main main = new Main();

    public PortalLayout() {
        addClassName("fd-portal");
        Anchor brand = new Anchor("portal", "FlowDesk");
        brand.addClassName("fd-portal-brand");
        Span sub = new Span(getTranslation("portal.tagline"));
        sub.addClassName("fd-portal-sub");
        Header header = new Header(brand, sub);
        header.addClassName("fd-portal-header");
        Div right = new Div(new LanguageSwitch());
        right.addClassName("fd-portal-right");
        UiSession.user().ifPresent(user -> {
            Span who = new Span(user.displayName());
            who.setId("portal-user");
            Button logout = new Button(getTranslation("home.logout"), e -> {
                UiSession.signOut();
                getUI().ifPresent(ui -> ui.getPage().setLocation("portal/login"));
            });
            logout.setId("portal-logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            right.add(who, logout);
        });
        header.add(right);
        main.addClassName("fd-portal-main");
        Footer footer = new Footer(new Anchor("portal/lookup", getTranslation("portal.lookup")),
                new Span(" · "), new Anchor("login", getTranslation("portal.staffLogin")));
        footer.addClassName("fd-portal-footer");
        add(header, main, footer);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }
}
