package io.flowdesk.channels.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.channels.mail.MailIntake;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Admins list and edit the mailboxes (ADR 0042, 0051): address, IMAP host, port, TLS, user, a write-only password,
 * folder, template and department; the watermark (UIDVALIDITY / last UID), the last poll and its error are shown.
 * Bad input comes back from the service with each field named by its label, shown at the field.
 */
@Route(value = "admin/mailboxes", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class MailboxesView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MailIntake intake;
    private final Grid<MailIntake.MailboxView> grid = new Grid<>();
    private final TextField key = new TextField();
    private final TextField address = new TextField();
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final Checkbox tls = new Checkbox();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField folder = new TextField();
    private final TextField template = new TextField();
    private final TextField department = new TextField();
    private final TextField poll = new TextField();
    private final Checkbox enabled = new Checkbox();
    private CurrentUser user;

    public MailboxesView(MailIntake intake) {
        this.intake = intake;
        addClassName("fd-mailboxes");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!user.has(Role.ADMIN)) {
            add(new Span(getTranslation("mailview.notAllowed")));
            return;
        }
        add(new H2(getTranslation("mailview.mailboxes.title")));
        grid.removeAllColumns();
        grid.setId("mailbox-grid");
        grid.addColumn(MailIntake.MailboxView::key).setHeader(getTranslation("mailview.field.key")).setAutoWidth(true);
        grid.addColumn(MailIntake.MailboxView::address).setHeader(getTranslation("mailview.field.address"))
                .setAutoWidth(true);
        grid.addColumn(m -> m.host() == null ? getTranslation("mailview.handOverOnly") : m.host() + ":" + m.port()
                + (m.tls() ? " TLS" : "")).setHeader(getTranslation("mailview.field.host")).setAutoWidth(true);
        grid.addColumn(m -> m.uidValidity() == null ? "—" : m.uidValidity() + " / " + m.lastUid())
                .setHeader(getTranslation("mailview.watermark")).setAutoWidth(true);
        grid.addColumn(m -> m.lastPolledAt() == null ? "—" : WHEN.format(m.lastPolledAt().atZoneSameInstant(
                java.time.ZoneId.of("Asia/Shanghai")))).setHeader(getTranslation("mailview.lastPoll")).setAutoWidth(true);
        grid.addColumn(m -> m.lastError() == null ? getTranslation("mailview.noError") : m.lastError())
                .setHeader(getTranslation("mailview.lastError")).setFlexGrow(2)
                .setTooltipGenerator(m -> m.lastError() == null ? "" : m.lastError());
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });
        add(grid);

        add(new H3(getTranslation("mailview.edit")));
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        label(key, "mailview.field.key", "mailbox-key");
        label(address, "mailview.field.address", "mailbox-address");
        label(host, "mailview.field.host", "mailbox-host");
        port.setLabel(getTranslation("mailview.field.port"));
        port.setId("mailbox-port");
        tls.setLabel(getTranslation("mailview.field.tls"));
        tls.setValue(true);
        label(username, "mailview.field.username", "mailbox-username");
        password.setLabel(getTranslation("mailview.field.password"));
        password.setId("mailbox-password");
        password.setHelperText(getTranslation("mailview.passwordHelp"));
        label(folder, "mailview.field.folder", "mailbox-folder");
        folder.setPlaceholder("INBOX");
        label(template, "mailview.field.template", "mailbox-template");
        template.setPlaceholder("general-inquiry");
        label(department, "mailview.field.department", "mailbox-department");
        poll.setLabel(getTranslation("mailview.field.poll"));
        poll.setValue("60");
        enabled.setLabel(getTranslation("mailview.field.enabled"));
        enabled.setValue(true);
        form.add(key, address, template, department, host, port, username, password, folder, poll, tls, enabled);
        add(form);
        Button save = new Button(getTranslation("mailview.save"), e -> save());
        save.setId("mailbox-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button(getTranslation("mailview.new"), e -> edit(null));
        add(new HorizontalLayout(save, fresh));
        refresh();
    }

    private void label(TextField field, String label, String id) {
        field.setLabel(getTranslation(label));
        field.setId(id);
    }

    private void edit(MailIntake.MailboxView m) {
        clearErrors();
        key.setValue(m == null ? "" : m.key());
        key.setReadOnly(m != null);
        address.setValue(m == null || m.address() == null ? "" : m.address());
        host.setValue(m == null || m.host() == null ? "" : m.host());
        port.setValue(m == null || m.port() == null ? "" : String.valueOf(m.port()));
        tls.setValue(m == null || m.tls());
        username.setValue(m == null || m.username() == null ? "" : m.username());
        password.clear();
        password.setPlaceholder(m != null && m.passwordSet() ? getTranslation("mailview.passwordSet") : "");
        folder.setValue(m == null || m.folder() == null ? "" : m.folder());
        template.setValue(m == null || m.template() == null ? "" : m.template());
        department.setValue(m == null || m.department() == null ? "" : m.department());
        poll.setValue(String.valueOf(m == null ? 60 : m.pollSeconds()));
        enabled.setValue(m == null || m.enabled());
    }

    private void save() {
        clearErrors();
        var request = new MailIntake.MailboxRequest(address.getValue(), template.getValue(), department.getValue(),
                host.getValue(), number(port.getValue()), tls.getValue(), username.getValue(),
                password.getValue(), folder.getValue(), null, number(poll.getValue()), enabled.getValue());
        try {
            Ui.await(() -> intake.saveMailbox(user, key.getValue().strip(), request));
            Ui.success(getTranslation("mailview.saved", key.getValue()));
            password.clear();
            refresh();
        } catch (InvalidInput invalid) {
            showErrors(invalid);
        } catch (FlowDeskException failure) {
            Ui.error(Ui.message(failure));
        }
    }

    /** A number typed in a text field; anything else is out of range, so the service names the field. */
    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Map<String, com.vaadin.flow.component.HasValidation> fields() {
        Map<String, com.vaadin.flow.component.HasValidation> f = new LinkedHashMap<>();
        f.put("key", key);
        f.put("/address", address);
        f.put("/port", port);
        f.put("/username", username);
        f.put("/pollSeconds", poll);
        return f;
    }

    private void showErrors(InvalidInput invalid) {
        for (FieldError error : invalid.errors()) {
            var field = fields().get(error.pointer());
            if (field != null) {
                field.setErrorMessage(error.message(Ui.locale()));
                field.setInvalid(true);
            }
        }
        Ui.error(Ui.message(invalid));
    }

    private void clearErrors() {
        fields().values().forEach(f -> f.setInvalid(false));
    }

    private void refresh() {
        grid.setItems(Ui.await(() -> intake.mailboxes(user)));
    }
}
