package io.flowdesk.identity.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.flowdesk.identity.CurrentUser;
import java.util.Optional;

/**
 * Every view checks who may enter: public pages anyone; portal pages customers (others go to the workspace);
 * workspace pages everyone signed in except customers (who go to the portal). Views check objects themselves.
 */
public class AccessGuard implements VaadinServiceInitListener {

    public static final String PORTAL_LOGIN = "portal/login";
    public static final String PORTAL_HOME = "portal";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            UiSession.adoptBrowserLanguage();
            ui.getElement().setAttribute("lang", UiSession.localeTag());
            ui.setLocale(UiSession.locale());
            ui.addBeforeEnterListener(this::check);
        });
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (PublicPage.class.isAssignableFrom(target)) {
            return;
        }
        Optional<CurrentUser> user = UiSession.user();
        boolean portal = CustomerPage.class.isAssignableFrom(target);
        if (user.isEmpty()) {
            if (portal) {
                event.forwardTo(PORTAL_LOGIN);
            } else {
                event.forwardTo(LoginView.class);
            }
        } else if (portal && !user.get().isCustomer()) {
            event.forwardTo("");
        } else if (!portal && user.get().isCustomer()) {
            event.forwardTo(PORTAL_HOME);
        }
    }
}
