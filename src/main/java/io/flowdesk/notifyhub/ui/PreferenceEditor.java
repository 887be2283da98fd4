package io.flowdesk.notifyhub.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
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
 * The events × channels with the e-mail choice (on/off, at once or daily digest), for a person's own choices
 * or the admins' defaults ({@code who = "*"}). Only rows that changed are saved, so an untouched row keeps
 * following the defaults.
 */
class PreferenceEditor extends Composite<VerticalLayout> {

    private static final String IMMEDIATE = "immediate";
    private static final String DIGEST = "digest";

    private final NotifyAdmin admin;
    private final CurrentUser user;
    private final String who;
    private final VerticalLayout rows = new VerticalLayout();
    private final Map<String, Checkbox> email = new LinkedHashMap<>();
    private final Map<String, Select<String>> mode = new LinkedHashMap<>();
    private List<NotifyAdmin.Preference> current = List.of();

    PreferenceEditor(NotifyAdmin admin, CurrentUser user, String who) {
        this.admin = admin;
        this.user = user;
        this.who = who;
        VerticalLayout root = getContent();
        root.setPadding(false);
        rows.setId("*".equals(who) ? "notification-defaults" : "notification-preferences");
        rows.addClassName("fd-pref-rows");
        rows.setPadding(false);
        rows.setSpacing(false);
        Button save = new Button(getTranslation("notify.prefs.save"), e -> save());
        save.setId("*".equals(who) ? "defaults-save" : "pref-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(save);
        if (!"*".equals(who)) {
            Button reset = new Button(getTranslation("notify.prefs.reset"), e -> reset());
            reset.setId("pref-reset");
            buttons.add(reset);
        }
        root.add(rows, buttons);
        load(Ui.await(() -> admin.preferences(user, who)));
    }

    private void load(List<NotifyAdmin.Preference> prefs) {
        current = prefs;
        email.clear();
        mode.clear();
        rows.removeAll();
        for (NotifyAdmin.Preference p : prefs) {
            rows.add(row(p));
        }
    }

    /** One event: its name, then in-app (always on), e-mail and at once / daily digest; wraps on a phone. */
    private FlexLayout row(NotifyAdmin.Preference p) {
        Span name = new Span(getTranslation("notify.event." + p.event()));
        name.getStyle().set("flex", "1 1 12em").set("font-weight", "500");
        Checkbox always = new Checkbox(getTranslation("notify.channel.inapp"), true);
        always.setEnabled(false);
        Checkbox box = new Checkbox(getTranslation("notify.channel.email"), p.enabled());
        box.setId("pref-email-" + p.event());
        email.put(p.event(), box);
        Select<String> select = new Select<>();
        select.setItems(IMMEDIATE, DIGEST);
        select.setItemLabelGenerator(v -> getTranslation(DIGEST.equals(v) ? "notify.prefs.digest"
                : "notify.prefs.immediate"));
        select.setValue(Boolean.TRUE.equals(p.digest()) ? DIGEST : IMMEDIATE);
        select.setEnabled(p.enabled());
        select.setWidth("10em");
        select.setId("pref-mode-" + p.event());
        select.setAriaLabel(getTranslation("notify.prefs.delivery") + ": " + getTranslation("notify.event." + p.event()));
        mode.put(p.event(), select);
        box.addValueChangeListener(e -> select.setEnabled(e.getValue()));
        FlexLayout row = new FlexLayout(name, always, box, select);
        if (!"*".equals(who)) {
            Span badge = new Span(getTranslation(Boolean.TRUE.equals(p.inherited()) ? "notify.prefs.inherited"
                    : "notify.prefs.own"));
            badge.getElement().getThemeList().add(Boolean.TRUE.equals(p.inherited()) ? "badge contrast"
                    : "badge success");
            badge.addClassName("fd-pref-source");
            row.add(badge);
        }
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        row.setWidthFull();
        row.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-xs) 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return row;
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
