package io.flowdesk.reports.board.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.ShellContribution;
import io.flowdesk.shared.ui.Ui;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The wall board (and the insights) in the navigation, for supervisors and admins. */
@ApplicationScoped
public class BoardShell implements ShellContribution {

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || !WallBoardView.mayRead(user)) {
            return List.of();
        }
        return List.of(new SideNavItem(Ui.text(Text.of("reports.board.nav")), "reports/board",
                VaadinIcon.DASHBOARD.create()), new SideNavItem(Ui.text(Text.of("reports.insights.nav")),
                        "reports/insights", VaadinIcon.LIGHTBULB.create()), new SideNavItem(Ui.text(Text.of(
                                "reports.schedules.nav")), "reports/schedules", VaadinIcon.ENVELOPE.create()));
    }
}
