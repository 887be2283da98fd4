package io.flowdesk.reports.dashboard.ui;

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

/** The supervisor dashboard in the navigation, for supervisors and admins. */
@ApplicationScoped
public class DashboardShell implements ShellContribution {

    static boolean mayRead(CurrentUser user) {
        return user != null && (user.has(Role.SUPERVISOR) || user.has(Role.ADMIN));
    }

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (!mayRead(user)) {
            return List.of();
        }
        return List.of(new SideNavItem(Ui.text(Text.of("dashboard.nav")), "reports/dashboard",
                VaadinIcon.DASHBOARD.create()));
    }
}
