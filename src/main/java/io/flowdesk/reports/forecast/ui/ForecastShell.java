package io.flowdesk.reports.forecast.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.reports.flow.FlowStats;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.ShellContribution;
import io.flowdesk.shared.ui.Ui;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The volume forecast in the navigation, for supervisors and admins. */
@ApplicationScoped
public class ForecastShell implements ShellContribution {

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || !FlowStats.mayRead(user)) {
            return List.of();
        }
        return List.of(new SideNavItem(Ui.text(Text.of("forecast.nav")), "reports/forecast",
                VaadinIcon.TRENDING_UP.create()));
    }
}
