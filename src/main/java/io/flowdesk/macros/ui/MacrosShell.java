package io.flowdesk.macros.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.ShellContribution;
import io.flowdesk.shared.ui.Ui;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** "Macros" in the side navigation for everyone on staff. */
@ApplicationScoped
public class MacrosShell implements ShellContribution {

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || user.isCustomer()) {
            return List.of();
        }
        return List.of(new SideNavItem(Ui.text(Text.of("macros.view.nav")), "me/macros", VaadinIcon.MAGIC.create()));
    }
}
