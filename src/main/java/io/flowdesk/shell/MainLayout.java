package io.flowdesk.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.LanguageSwitch;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.notify.Notifications;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;

/** The workspace frame: navigation by role, notifications, language, sign-out. Usable on a tablet. */
public class MainLayout extends AppLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Button bell;
    private static final int BELL_POLL_MS = 3000;
    private static final int BELL_POLL_PUSHED_MS = 30000;
    private long lastUnread;
    private com.vaadin.flow.shared.Registration pollRegistration;
    private com.vaadin.flow.shared.Registration pushRegistration;

    @Inject
    public MainLayout(Notifications notifications, BellPush push,
            @jakarta.enterprise.inject.Any jakarta.enterprise.inject.Instance<io.flowdesk.shared.ui.ShellContribution> contributions) {
        CurrentUser user = UiSession.user().orElseThrow();
        addClassName("fd-shell");
        Span brand = new Span("FlowDesk");
        brand.addClassName("fd-brand");

        long unread = await(() -> notifications.unreadCount(user.username()), 0L);
        Button bell = new Button(VaadinIcon.BELL.create());
        bell.setId("notifications");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setAriaLabel(getTranslation("shell.notifications"));
        this.bell = bell;
        if (unread > 0) {
            Span badge = new Span(Long.toString(unread));
            badge.addClassName("fd-badge");
            badge.setId("notification-count");
            bell.setSuffixComponent(badge);
        }
        bell.addClickListener(e -> openNotifications(notifications, user));
        lastUnread = unread;
        // the bell follows new notices without navigating (ADR 0033): each committed notice reaches every node by a
        // PostgreSQL NOTIFY, and BellPush refreshes this UI in ui.access, which @Push sends at once. The UI poll
        // stays as a safety net: slow (30 s) while this node listens, 3 s when its listener is down.
        addAttachListener(e -> {
            UI ui = e.getUI();
            pushRegistration = push.register(user.username(), ui, () -> refreshIfChanged(notifications, user));
            ui.setPollInterval(BELL_POLL_MS);
            pollRegistration = ui.addPollListener(p -> {
                refreshIfChanged(notifications, user);
                int every = pollMs(push, ui);
                if (ui.getPollInterval() != every) {
                    ui.setPollInterval(every);
                }
            });
        });
        addDetachListener(e -> {
            if (pollRegistration != null) {
                pollRegistration.remove();
                pollRegistration = null;
            }
            if (pushRegistration != null) {
                pushRegistration.remove();
                pushRegistration = null;
            }
            e.getUI().setPollInterval(-1);
        });

        Span who = new Span(getTranslation("home.signedInAs", user.displayName(), String.join(", ", user.roles())));
        who.setId("signed-in-as");
        who.addClassName("fd-who");
        Button logout = new Button(getTranslation("home.logout"), e -> {
            UiSession.signOut();
            getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        });
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("fd-wide-only");

        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), brand, who);
        contributions.forEach(c -> c.header().forEach(bar::add));
        bar.add(bell, new LanguageSwitch(), logout);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        bar.addClassName("fd-navbar");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.inbox"), "", VaadinIcon.INBOX.create()));
        if (user.seesAllTickets()) {
            nav.addItem(new SideNavItem(getTranslation("nav.newTicket"), "tickets/new", VaadinIcon.PLUS.create()));
        }
        if (user.has(io.flowdesk.identity.Role.DESIGNER) || user.has(io.flowdesk.identity.Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.design"), "design", VaadinIcon.SITEMAP.create()));
        }
        if (user.has(io.flowdesk.identity.Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.calendars"), "admin/calendars",
                    VaadinIcon.CALENDAR_CLOCK.create()));
        }
        contributions.forEach(c -> c.nav().forEach(nav::addItem));
        nav.setId("side-nav");
        Span me = new Span(user.displayName());
        me.addClassName("fd-drawer-user");
        Button drawerLogout = new Button(getTranslation("home.logout"), VaadinIcon.SIGN_OUT.create(), e -> {
            UiSession.signOut();
            getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        });
        drawerLogout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        drawerLogout.setId("drawer-logout");
        VerticalLayout drawer = new VerticalLayout(nav, me, drawerLogout);
        drawer.setPadding(true);
        addToDrawer(drawer);
        setPrimarySection(Section.DRAWER);
    }

    private void openNotifications(Notifications notifications, CurrentUser user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("shell.notifications"));
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        var items = await(() -> notifications.recent(user.username(), 30), java.util.List.<Notifications.NotificationView>of());
        if (items.isEmpty()) {
            list.add(new Span(getTranslation("shell.notifications.empty")));
        }
        for (var n : items) {
            Div line = new Div();
            line.setId("notification-" + n.id());
            line.addClassName("fd-notification");
            line.addClassName(n.read() ? "fd-note-read" : "fd-note-unread");
            Span text = new Span(n.text(getLocale()));
            if (n.ticketNumber() != null) {
                // a link by URL to the ticket route; following it marks the notification read first
                com.vaadin.flow.component.html.Anchor open = new com.vaadin.flow.component.html.Anchor(
                        "tickets/" + n.ticketNumber(), n.text(getLocale()));
                open.addClassName("fd-notification-link");
                open.getElement().setAttribute("title", getTranslation("mentions.open", n.ticketNumber()));
                open.getElement().addEventListener("click", e -> {
                    await(() -> notifications.markRead(user.username(), n.id()).replaceWith(0L), 0L);
                    dialog.close();
                    getUI().ifPresent(ui -> ui.getPage().setLocation("tickets/" + n.ticketNumber()));
                }).preventDefault();
                line.add(new Span(TIME.format(n.at()) + "  "), open);
            } else {
                line.add(new Span(TIME.format(n.at()) + "  "), text);
            }
            if (!n.read()) {
                Button one = new Button(getTranslation("mentions.markRead"));
                one.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                one.addClassName("fd-mark-one-read");
                one.addClickListener(e -> {
                    await(() -> notifications.markRead(user.username(), n.id()).replaceWith(0L), 0L);
                    line.removeClassName("fd-note-unread");
                    line.addClassName("fd-note-read");
                    one.setVisible(false);
                    updateBadge(notifications, user);
                });
                line.add(new Span(" "), one);
            }
            list.add(line);
        }
        dialog.add(list);
        Button markRead = new Button(getTranslation("shell.notifications.markRead"), e -> {
            await(() -> notifications.markAllRead(user.username()).replaceWith(0L), 0L);
            dialog.close();
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
        markRead.setId("mark-read");
        dialog.getFooter().add(markRead, new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    /** Slow only while this node hears notices and this tab's push connection is up. */
    private static int pollMs(BellPush push, UI ui) {
        var connection = ui.getInternals().getPushConnection();
        return push.listening() && connection != null && connection.isConnected() ? BELL_POLL_PUSHED_MS : BELL_POLL_MS;
    }

    private void refreshIfChanged(Notifications notifications, CurrentUser user) {
        long now = await(() -> notifications.unreadCount(user.username()), lastUnread);
        if (now != lastUnread) {
            updateBadge(notifications, user);
        }
    }

    private void updateBadge(Notifications notifications, CurrentUser user) {
        long unread = await(() -> notifications.unreadCount(user.username()), 0L);
        lastUnread = unread;
        if (unread > 0) {
            // the same badge element gets the new count (no element swap under a reader)
            if (bell.getSuffixComponent() instanceof Span badge) {
                badge.setText(Long.toString(unread));
            } else {
                Span badge = new Span(Long.toString(unread));
                badge.addClassName("fd-badge");
                badge.setId("notification-count");
                bell.setSuffixComponent(badge);
            }
        } else {
            bell.setSuffixComponent(null);
        }
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> call, T fallback) {
        try {
            return io.flowdesk.shared.ui.Ui.await(call);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
