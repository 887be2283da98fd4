package io.flowdesk.notifyhub.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.notify.NotifyAdmin;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's notification settings: a grid of events × channels (in-app is always on; e-mail per event). Admins
 * edit the defaults with {@code ?user=*}.
 */
@Route(value = "me/notifications", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class PreferencesView extends VerticalLayout implements BeforeEnterObserver {

    private final NotifyAdmin admin;

    public PreferencesView(NotifyAdmin admin) {
        this.admin = admin;
        addClassName("fd-notify-prefs");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser user = UiSession.user().orElseThrow();
        removeAll();
        boolean defaults = user.has(Role.ADMIN) && event.getLocation().getQueryParameters().getParameters()
                .getOrDefault("user", List.of()).contains("*");
        String who = defaults ? "*" : null;
        add(new H2(getTranslation(defaults ? "notify.prefs.defaults" : "notify.prefs.title")));
        add(new Paragraph(getTranslation("notify.prefs.help")));
        Map<String, Checkbox> email = new LinkedHashMap<>();
        Grid<NotifyAdmin.Preference> grid = new Grid<>();
        grid.setId("notification-preferences");
        grid.addColumn(p -> getTranslation("notify.event." + p.event())).setHeader(getTranslation("notify.prefs.event"))
                .setFlexGrow(1);
        grid.addComponentColumn(p -> {
            Checkbox always = new Checkbox(true);
            always.setEnabled(false);
            always.setAriaLabel(getTranslation("notify.channel.inapp"));
            return always;
        }).setHeader(getTranslation("notify.channel.inapp")).setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Checkbox box = email.computeIfAbsent(p.event(), k -> new Checkbox(p.enabled()));
            box.setId("pref-email-" + p.event());
            box.setAriaLabel(getTranslation("notify.channel.email"));
            return box;
        }).setHeader(getTranslation("notify.channel.email")).setAutoWidth(true);
        List<NotifyAdmin.Preference> current = Ui.await(() -> admin.preferences(user, who));
        grid.setItems(current);
        grid.setAllRowsVisible(true);
        Button save = new Button(getTranslation("notify.prefs.save"), e -> {
            List<NotifyAdmin.Preference> choices = new ArrayList<>();
            email.forEach((ev, box) -> choices.add(new NotifyAdmin.Preference(ev, "email", box.getValue())));
            try {
                Ui.await(() -> admin.setPreferences(user, who, choices));
                Ui.success(Ui.text(Text.of("notify.prefs.saved")));
            } catch (FlowDeskException failure) {
                Ui.error(Ui.message(failure));
            }
        });
        save.setId("pref-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(grid, save);
        setMaxWidth("48em");
    }
}
