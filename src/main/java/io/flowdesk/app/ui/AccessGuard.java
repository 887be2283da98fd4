package io.flowdesk.app.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.flowdesk.identity.ui.LoginView;
import io.flowdesk.identity.ui.UiSession;

/** Every view except the login page needs a signed-in user. */
public class AccessGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            ui.getElement().setAttribute("lang", UiSession.localeTag());
            ui.setLocale(UiSession.locale());
            ui.addBeforeEnterListener(this::check);
        });
    }

    private void check(BeforeEnterEvent event) {
        if (!LoginView.class.equals(event.getNavigationTarget()) && UiSession.user().isEmpty()) {
            event.forwardTo(LoginView.class);
        }
    }
}
