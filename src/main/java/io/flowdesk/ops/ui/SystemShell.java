package io.flowdesk.ops.ui;

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

/** The system view in the navigation, for admins. */
@ApplicationScoped
public class SystemShell implements ShellContribution {

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || !user.has(Role.ADMIN)) {
            return List.of();
        }
        return List.of(new SideNavItem(Ui.text(Text.of("ops.nav")), "admin/system", VaadinIcon.SERVER.create()));
    }
}
