package io.flowdesk.tokens.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.ShellContribution;
import io.flowdesk.shared.ui.Ui;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** "API tokens" for everyone on staff, "Service accounts" for admins. */
@ApplicationScoped
public class TokensShell implements ShellContribution {

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || user.isCustomer()) {
            return List.of();
        }
        List<SideNavItem> items = new ArrayList<>();
        items.add(new SideNavItem(Ui.text(Text.of("tokens.view.nav")), "me/tokens", VaadinIcon.KEY.create()));
        if (user.has(Role.ADMIN)) {
            items.add(new SideNavItem(Ui.text(Text.of("tokens.admin.nav")), "admin/service-accounts",
                    VaadinIcon.COG_O.create()));
        }
        return items;
    }
}
