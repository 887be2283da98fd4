package io.flowdesk.automation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.automation.AutomationService;
import io.flowdesk.automation.Rule;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.sla.Calendars;
import io.flowdesk.templates.TemplateService;
import java.util.ArrayList;
import java.util.List;

/**
 * Admins manage the automation rules (ADR 0026) through {@link AutomationService}: the ordered list with each
 * rule's name, trigger and actions in words, an on/off switch, move up/down, edit, duplicate and delete (confirmed);
 * the editor builds a rule from pickers filled with real data and tries it on recent tickets before saving.
 */
@Route(value = "admin/rules", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class RulesView extends VerticalLayout implements BeforeEnterObserver {

    private final AutomationService automation;
    private final TemplateService templates;
    private final FormService forms;
    private final IdentityService identity;
    private final Calendars calendars;
    private final VerticalLayout listSection = new VerticalLayout();
    private final Div list = new Div();
    private final VerticalLayout editorSection = new VerticalLayout();
    private List<Rule> rules = List.of();
    private RuleWords words;
    private RuleEditor editor;
    private DryRunPanel dryRun;
    private CurrentUser user;
    private boolean zh;

    public RulesView(AutomationService automation, TemplateService templates, FormService forms,
            IdentityService identity, Calendars calendars) {
        this.automation = automation;
        this.templates = templates;
        this.forms = forms;
        this.identity = identity;
        this.calendars = calendars;
        addClassName("fd-rules");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        listSection.removeAll();
        editorSection.removeAll();
        if (!user.has(Role.ADMIN)) {
            Span refused = new Span(getTranslation("rulesview.notAllowed"));
            refused.setId("rules-refused");
            add(refused);
            return;
        }
        zh = UiSession.localeTag().startsWith("zh");
        RuleChoices choices = RuleChoices.load(templates, forms, identity, calendars, zh);
        words = new RuleWords(this::getTranslation, choices);
        editor = new RuleEditor(words, choices);
        dryRun = new DryRunPanel(words, editor::value, r -> n -> Ui.await(() -> automation.dryRun(user, r, n)),
                this::failed);

        Span intro = new Span(getTranslation("rulesview.intro"));
        intro.addClassName("fd-hint");
        Button create = new Button(getTranslation("rulesview.new"), VaadinIcon.PLUS.create(), e -> open(
                new Rule(null, "", "", Rule.Trigger.of("TICKET_CREATED"), null, List.of(new Rule.Action("route",
                        null, null, null, null, null, null, null, null)), null, false), true));
        create.setId("rules-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        list.setId("rules-list");
        list.setWidthFull();
        listSection.setPadding(false);
        listSection.add(new H2(getTranslation("rulesview.title")), intro, create, list);

        Button save = new Button(getTranslation("rulesview.save"), VaadinIcon.CHECK.create(), e -> save());
        save.setId("rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("rulesview.cancel"), VaadinIcon.ARROW_BACKWARD.create(),
                e -> showList());
        back.setId("rule-cancel");
        editorSection.setPadding(false);
        editorSection.setId("rule-editor");
        editorSection.add(editor, Fields.row(save, back), dryRun);
        add(listSection, editorSection);
        showList();
    }

    private void showList() {
        rules = Ui.await(() -> automation.list(user));
        list.removeAll();
        if (rules.isEmpty()) {
            Span empty = new Span(getTranslation("rulesview.empty"));
            empty.setId("rules-empty");
            list.add(empty);
        }
        for (int i = 0; i < rules.size(); i++) {
            list.add(card(rules.get(i), i));
        }
        editorSection.setVisible(false);
        listSection.setVisible(true);
    }

    private Div card(Rule r, int index) {
        String id = "rule-" + r.key();
        Div card = new Div();
        card.setId(id);
        card.addClassName("fd-rule-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius",
                "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set(
                        "margin-block-end", "var(--lumo-space-s)").set("background", r.on()
                                ? "var(--lumo-base-color)" : "var(--lumo-contrast-5pct)");
        Span number = new Span((index + 1) + ".");
        number.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span name = new Span(name(r));
        name.setId(id + "-name");
        name.getStyle().set("font-weight", "600").set("overflow-wrap", "anywhere");
        Checkbox on = new Checkbox(getTranslation("rulesview.on"), r.on());
        on.setId(id + "-on");
        on.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                toggle(r, e.getValue());
            }
        });
        FlexLayout head = Fields.row(number, name, on);
        head.getStyle().set("gap", "0 var(--lumo-space-s)");
        Div trigger = new Div();
        trigger.setText(when(r));
        trigger.setId(id + "-trigger");
        trigger.getStyle().set("overflow-wrap", "anywhere");
        Div actions = new Div();
        actions.setText(getTranslation("rulesview.then", words.actions(r.actions())));
        actions.setId(id + "-actions");
        actions.addClassName("fd-hint");
        actions.getStyle().set("overflow-wrap", "anywhere");
        Button up = small(id + "-up", "rulesview.up", VaadinIcon.ARROW_UP, () -> move(index, -1));
        up.setEnabled(index > 0);
        Button down = small(id + "-down", "rulesview.down", VaadinIcon.ARROW_DOWN, () -> move(index, 1));
        down.setEnabled(index < rules.size() - 1);
        Button edit = small(id + "-edit", "rulesview.edit", VaadinIcon.EDIT, () -> open(r, false));
        Button copy = small(id + "-duplicate", "rulesview.duplicate", VaadinIcon.COPY_O, () -> duplicate(r));
        Button delete = small(id + "-delete", "rulesview.delete", VaadinIcon.TRASH, () -> confirmDelete(r));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        FlexLayout buttons = Fields.row(up, down, edit, copy, delete);
        buttons.getStyle().set("gap", "0 var(--lumo-space-xs)");
        card.add(head, trigger, actions, buttons);
        return card;
    }

    /** The trigger in words, and the conditions when there are any. */
    private String when(Rule r) {
        String trigger = words.trigger(r.trigger());
        List<String> parts = new ArrayList<>();
        r.conditions().all().forEach(c -> parts.add(words.condition(c)));
        if (!r.conditions().any().isEmpty()) {
            parts.add(getTranslation("rulesview.anyOf", words.join("rulesview.or",
                    r.conditions().any().stream().map(words::condition).toList())));
        }
        return parts.isEmpty() ? trigger : getTranslation("rulesview.if", trigger, words.join("rulesview.and", parts));
    }

    private Button small(String id, String key, VaadinIcon icon, Runnable action) {
        Button b = new Button(getTranslation(key), icon.create(), e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private String name(Rule r) {
        String name = zh ? r.nameZh() : r.nameEn();
        return name == null || name.isBlank() ? r.key() : name;
    }

    private void toggle(Rule r, boolean on) {
        if (Ui.attempt(() -> Ui.await(() -> automation.enable(user, r.key(), on)))) {
            Ui.success(getTranslation(on ? "rulesview.switchedOn" : "rulesview.switchedOff", name(r)));
        }
        showList();
    }

    private void move(int index, int by) {
        int to = index + by;
        if (to < 0 || to >= rules.size()) {
            return;
        }
        List<String> keys = new ArrayList<>(rules.stream().map(Rule::key).toList());
        keys.add(to, keys.remove(index));
        Ui.attempt(() -> Ui.await(() -> automation.reorder(user, keys)));
        showList();
    }

    private void duplicate(Rule r) {
        String key = r.key() + "-copy";
        for (int n = 2; exists(key); n++) {
            key = r.key() + "-copy-" + n;
        }
        // each name is marked as a copy in its own language, whatever the reader's
        open(new Rule(key, Messages.get(Messages.ZH, "rulesview.copyOf", Fields.nullToBlank(r.nameZh())),
                Messages.get(Messages.EN, "rulesview.copyOf", Fields.nullToBlank(r.nameEn())), r.trigger(), r.conditions(),
                r.actions(), null, false), true);
    }

    private boolean exists(String key) {
        return rules.stream().anyMatch(r -> r.key().equals(key));
    }

    private void confirmDelete(Rule r) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("rule-delete-dialog");
        dialog.setHeader(getTranslation("rulesview.deleteConfirm.title"));
        dialog.setText(getTranslation("rulesview.deleteConfirm.text", name(r)));
        dialog.setCancelable(true);
        Button cancel = new Button(getTranslation("rulesview.deleteConfirm.cancel"), e -> dialog.close());
        cancel.setId("rule-delete-cancel");
        dialog.setCancelButton(cancel);
        Button confirm = new Button(getTranslation("rulesview.delete"), e -> {
            dialog.close();
            if (Ui.attempt(() -> Ui.await(() -> automation.delete(user, r.key())))) {
                Ui.success(getTranslation("rulesview.deleted", name(r)));
            }
            showList();
        });
        confirm.setId("rule-delete-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.setConfirmButton(confirm);
        dialog.open();
    }

    private void open(Rule r, boolean isNew) {
        editor.show(r, isNew);
        dryRun.clear();
        listSection.setVisible(false);
        editorSection.setVisible(true);
        editorSection.scrollIntoView();
    }

    private void save() {
        Rule r = editor.value();
        Rule saved;
        try {
            saved = Ui.await(() -> editor.isNew() ? automation.create(user, r) : automation.update(user, r.key(), r));
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        Ui.success(getTranslation("rulesview.saved", name(saved)));
        showList();
    }

    /** A validation failure goes on the form; other FlowDesk errors are a toast; nothing shows a stack trace. */
    private void failed(RuntimeException e) {
        if (e instanceof InvalidInput invalid) {
            editor.showErrors(invalid.errors());
            Ui.error(getTranslation("rulesview.fix"));
        } else if (e instanceof Conflict conflict) {
            editor.showErrors(List.of(FieldError.of("/key", conflict.text(), "exists")));
            Ui.error(Ui.message(conflict));
        } else if (e instanceof FlowDeskException f) {
            Ui.error(Ui.message(f));
        } else {
            org.jboss.logging.Logger.getLogger(RulesView.class).error("rule view action failed", e);
            Ui.error(getTranslation("problem.view.unexpected"));
        }
    }
}
