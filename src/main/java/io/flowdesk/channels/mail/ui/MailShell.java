package io.flowdesk.channels.mail.ui;

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

/** Mailboxes and the unparsed-mail list in the navigation, for admins (ADR 0051). */
@ApplicationScoped
public class MailShell implements ShellContribution {

    @Override
    public List<SideNavItem> nav() {
        CurrentUser user = UiSession.user().orElse(null);
        if (user == null || !user.has(Role.ADMIN)) {
            return List.of();
        }
        return List.of(new SideNavItem(Ui.text(Text.of("mailview.nav.mailboxes")), "admin/mailboxes",
                VaadinIcon.INBOX.create()), new SideNavItem(Ui.text(Text.of("mailview.nav.unparsed")),
                        "admin/mail/unparsed", VaadinIcon.WARNING.create()));
    }
}
