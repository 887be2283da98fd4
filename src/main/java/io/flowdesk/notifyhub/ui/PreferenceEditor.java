package io.flowdesk.notifyhub.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.notify.NotifyAdmin;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid of events × channels with the e-mail choice (on/off, at once or daily digest), for a person's own choices
 * or the admins' defaults ({@code who = "*"}). Only rows that changed are saved, so an untouched row keeps
 * following the defaults.
 */
class PreferenceEditor extends Composite<VerticalLayout> {

    private static final String IMMEDIATE = "immediate";
    private static final String DIGEST = "digest";

    private final NotifyAdmin admin;
    private final CurrentUser user;
    private final String who;
    private final Grid<NotifyAdmin.Preference> grid = new Grid<>();
    private final Map<String, Checkbox> email = new LinkedHashMap<>();
    private final Map<String, Select<String>> mode = new LinkedHashMap<>();
    private List<NotifyAdmin.Preference> current = List.of();

    PreferenceEditor(NotifyAdmin admin, CurrentUser user, String who) {
        this.admin = admin;
        this.user = user;
        this.who = who;
        VerticalLayout root = getContent();
        root.setPadding(false);
        grid.setId("*".equals(who) ? "notification-defaults"
                : "notification-preferences");
        grid.addColumn(p -> getTranslation("notify.event." + p.event())).setHeader(getTranslation("notify.prefs.event"))
                .setFlexGrow(1).setWidth("11em");
        grid.addComponentColumn(p -> {
            Checkbox always = new Checkbox(true);
            always.setEnabled(false);
            always.setAriaLabel(getTranslation("notify.channel.inapp"));
            return always;
        }).setHeader(getTranslation("notify.channel.inapp")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(p -> {
            Checkbox box = email.computeIfAbsent(p.event(), k -> new Checkbox(p.enabled()));
            box.setId("pref-email-" + p.event());
            box.setAriaLabel(getTranslation("notify.channel.email"));
            box.addValueChangeListener(e -> mode.get(p.event()).setEnabled(e.getValue()));
            return box;
        }).setHeader(getTranslation("notify.channel.email")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(p -> {
            Select<String> select = mode.computeIfAbsent(p.event(), k -> {
                Select<String> s = new Select<>();
                s.setItems(IMMEDIATE, DIGEST);
                s.setItemLabelGenerator(v -> getTranslation(DIGEST.equals(v) ? "notify.prefs.digest"
                        : "notify.prefs.immediate"));
                s.setValue(Boolean.TRUE.equals(p.digest()) ? DIGEST : IMMEDIATE);
                s.setEnabled(p.enabled());
                s.setWidth("10em");
                return s;
            });
            select.setId("pref-mode-" + p.event());
            select.setAriaLabel(getTranslation("notify.prefs.delivery"));
            return select;
        }).setHeader(getTranslation("notify.prefs.delivery")).setAutoWidth(true).setFlexGrow(0);
        if (!"*".equals(who)) {
            grid.addComponentColumn(p -> {
                Span badge = new Span(getTranslation(Boolean.TRUE.equals(p.inherited()) ? "notify.prefs.inherited"
                        : "notify.prefs.own"));
                badge.getElement().getThemeList().add(Boolean.TRUE.equals(p.inherited()) ? "badge contrast"
                        : "badge success");
                badge.addClassName("fd-pref-source");
                return badge;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        Button save = new Button(getTranslation("notify.prefs.save"), e -> save());
        save.setId("*".equals(who) ? "defaults-save" : "pref-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(save);
        if (!"*".equals(who)) {
            Button reset = new Button(getTranslation("notify.prefs.reset"), e -> reset());
            reset.setId("pref-reset");
            buttons.add(reset);
        }
        root.add(grid, buttons);
        load(Ui.await(() -> admin.preferences(user, who)));
    }

    private void load(List<NotifyAdmin.Preference> prefs) {
        current = prefs;
        email.clear();
        mode.clear();
        grid.setItems(prefs);
    }

    private void save() {
        List<NotifyAdmin.Preference> choices = new ArrayList<>();
        for (NotifyAdmin.Preference p : current) {
            boolean on = email.get(p.event()).getValue();
            boolean digest = DIGEST.equals(mode.get(p.event()).getValue());
            if ("*".equals(who) || on != p.enabled() || digest != Boolean.TRUE.equals(p.digest())) {
                choices.add(new NotifyAdmin.Preference(p.event(), p.channel(), on, digest, null));
            }
        }
        try {
            load(Ui.await(() -> admin.setPreferences(user, who, choices)));
            Ui.success(Ui.text(Text.of("notify.prefs.saved")));
        } catch (FlowDeskException failure) {
            Ui.error(Ui.message(failure));
        }
    }

    private void reset() {
        try {
            load(Ui.await(() -> admin.resetPreferences(user, who)));
            Ui.success(Ui.text(Text.of("notify.prefs.resetDone")));
        } catch (FlowDeskException failure) {
            Ui.error(Ui.message(failure));
        }
    }
}
