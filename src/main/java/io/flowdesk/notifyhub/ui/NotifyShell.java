package io.flowdesk.notifyhub.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.ShellContribution;
import io.flowdesk.shared.ui.Ui;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Notification settings in the header (everyone) and the delivery log in the navigation (admins). */
@ApplicationScoped
public class NotifyShell implements ShellContribution {

    /** Notification settings, next to the bell, for everyone in the workspace. */
    @Override
    public List<com.vaadin.flow.component.Component> header() {
        if (UiSession.user().isEmpty()) {
            return List.of();
        }
        com.vaadin.flow.component.button.Button settings = new com.vaadin.flow.component.button.Button(
                VaadinIcon.COG_O.create(), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("me/notifications")));
        settings.setId("notification-settings");
        settings.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        settings.setAriaLabel(Ui.text(Text.of("notify.prefs.title")));
        settings.setTooltipText(Ui.text(Text.of("notify.prefs.title")));
        return List.of(settings);
    }

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || !user.has(Role.ADMIN)) {
            return List.of();
        }
        return List.of(new SideNavItem(Ui.text(Text.of("notify.view.nav")), "admin/deliveries",
                VaadinIcon.ENVELOPES.create()), new SideNavItem(Ui.text(Text.of("notify.admin.nav")), "admin/notify",
                        VaadinIcon.BELL_O.create()));
    }
}
