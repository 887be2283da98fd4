package io.flowdesk.channels.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.flowdesk.channels.mail.MailImport;
import io.flowdesk.channels.mail.MailIntake;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;

/**
 * Mail FlowDesk could not read (ADR 0039, 0051): when it came, from which mailbox, what went wrong; the raw .eml to
 * download as it came, a retry (after a fix: a ticket or reply now) and dismiss (kept, off the list).
 */
@Route(value = "admin/mail/unparsed", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class UnparsedMailView extends VerticalLayout implements BeforeEnterObserver {

    private final MailIntake intake;
    private final Grid<MailIntake.UnparsedView> grid = new Grid<>();
    private CurrentUser user;

    public UnparsedMailView(MailIntake intake) {
        this.intake = intake;
        addClassName("fd-unparsed-mail");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!user.has(Role.ADMIN)) {
            add(new Span(getTranslation("mailview.notAllowed")));
            return;
        }
        add(new H2(getTranslation("mailview.unparsed.title")));
        add(new Span(getTranslation("mailview.unparsed.intro")));
        grid.removeAllColumns();
        grid.setId("unparsed-grid");
        grid.addColumn(u -> MailboxesView.WHEN.format(u.receivedAt().atZoneSameInstant(java.time.ZoneId.of(
                "Asia/Shanghai")))).setHeader(getTranslation("mailview.unparsed.received")).setAutoWidth(true);
        grid.addColumn(MailIntake.UnparsedView::mailbox).setHeader(getTranslation("mailview.unparsed.mailbox"))
                .setAutoWidth(true);
        grid.addColumn(u -> u.sender() == null ? "—" : u.sender()).setHeader(getTranslation(
                "mailview.unparsed.sender")).setAutoWidth(true);
        grid.addColumn(MailIntake.UnparsedView::error).setHeader(getTranslation("mailview.unparsed.error"))
                .setTooltipGenerator(MailIntake.UnparsedView::error).setFlexGrow(3);
        grid.addColumn(u -> getTranslation("mailview.unparsed.kb", Math.max(1, u.size() / 1024)))
                .setHeader(getTranslation("mailview.unparsed.size")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("mailview.unparsed.empty"));
        add(grid);
        refresh();
    }

    private HorizontalLayout actions(MailIntake.UnparsedView u) {
        Anchor download = new Anchor(DownloadHandler.fromInputStream(ev -> {
            byte[] raw = Ui.await(() -> intake.unparsedRaw(user, u.id()));
            return new DownloadResponse(new java.io.ByteArrayInputStream(raw), "unparsed-" + u.id() + ".eml",
                    "message/rfc822", raw.length);
        }), getTranslation("mailview.unparsed.download"));
        download.getElement().setAttribute("download", true);
        download.addClassName("fd-unparsed-download");
        Button retry = new Button(getTranslation("mailview.unparsed.retry"), e -> retry(u));
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retry.addClassName("fd-unparsed-retry");
        Button dismiss = new Button(getTranslation("mailview.unparsed.dismiss"), e -> dismiss(u));
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        dismiss.addClassName("fd-unparsed-dismiss");
        HorizontalLayout row = new HorizontalLayout(download, retry, dismiss);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private void retry(MailIntake.UnparsedView u) {
        try {
            MailImport result = Ui.await(() -> intake.retry(user, u.id()));
            if (MailImport.UNPARSED.equals(result.outcome())) {
                Ui.error(getTranslation("mailview.unparsed.still", result.detail()));
            } else {
                Ui.success(getTranslation("mailview.unparsed.imported", result.ticketNumber() == null ? "—"
                        : result.ticketNumber()));
            }
            refresh();
        } catch (FlowDeskException failure) {
            Ui.error(Ui.message(failure));
        }
    }

    private void dismiss(MailIntake.UnparsedView u) {
        try {
            Ui.await(() -> intake.dismiss(user, u.id()));
            refresh();
        } catch (FlowDeskException failure) {
            Ui.error(Ui.message(failure));
        }
    }

    private void refresh() {
        grid.setItems(Ui.await(() -> intake.unparsed(user)));
    }
}
