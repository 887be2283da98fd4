package io.flowdesk.sla.ui;

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

/** The SLA policies (admins) and customer tiers (admins, supervisors) views in the navigation. */
@ApplicationScoped
public class SlaShell implements ShellContribution {

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || !user.has(Role.ADMIN) && !user.has(Role.SUPERVISOR)) {
            return List.of();
        }
        SideNavItem tiers = new SideNavItem(Ui.text(Text.of("nav.customerTiers")), "admin/tiers",
                VaadinIcon.STAR.create());
        if (!user.has(Role.ADMIN)) {
            return List.of(tiers);
        }
        return List.of(new SideNavItem(Ui.text(Text.of("nav.slaPolicies")), "admin/sla", VaadinIcon.TIMER.create()),
                tiers);
    }
}
