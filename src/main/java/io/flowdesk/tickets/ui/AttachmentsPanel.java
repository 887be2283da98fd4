package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.tickets.AttachmentService;
import io.flowdesk.tickets.AttachmentView;
import java.util.List;

/** Attachments of a ticket: list with downloads (checked like the ticket) and an upload. */
public class AttachmentsPanel extends VerticalLayout {

    private final AttachmentService attachments;
    private final CurrentUser user;
    private final String number;
    private final VerticalLayout list = new VerticalLayout();

    public AttachmentsPanel(AttachmentService attachments, CurrentUser user, String number) {
        this.attachments = attachments;
        this.user = user;
        this.number = number;
        setPadding(false);
        setId("attachments");
        list.setPadding(false);
        list.setSpacing(false);
        Checkbox internal = new Checkbox(getTranslation("attachments.internal"));
        internal.setVisible(!user.isCustomer());
        var ui = com.vaadin.flow.component.UI.getCurrent();
        Upload upload = new Upload(UploadHandler.toTempFile((meta, file) -> {
            String problem = null;
            try {
                Ui.await(() -> attachments.store(user, number, meta.fileName(), meta.contentType(), file.toPath(),
                        internal.getValue()));
            } catch (FlowDeskException e) {
                problem = e instanceof io.flowdesk.shared.InvalidInput invalid && !invalid.errors().isEmpty()
                        ? invalid.errors().get(0).message(getLocale()) : Ui.message(e);
            } finally {
                file.delete();
            }
            String message = problem;
            ui.access(() -> {
                if (message != null) {
                    Ui.error(message);
                }
                reload();
            });
        }));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, attachments.maxBytes()));
        upload.setId("upload");
        UploadTexts.localize(upload, this);
        upload.setWidthFull();
        upload.setDropLabel(new Span(getTranslation("attachments.drop", attachments.maxBytes() / 1024 / 1024)));
        add(list, upload, internal);
        reload();
    }

    private void reload() {
        list.removeAll();
        List<AttachmentView> items = Ui.await(() -> attachments.list(user, number));
        if (items.isEmpty()) {
            list.add(new Span(getTranslation("attachments.none")));
        }
        for (AttachmentView a : items) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                var file = Ui.await(() -> attachments.open(user, number, a.id()));
                return new com.vaadin.flow.server.streams.DownloadResponse(java.nio.file.Files.newInputStream(
                        file.path()), a.fileName(), a.contentType(), a.size());
            }), a.fileName());
            link.setId("attachment-" + a.id());
            link.getElement().setAttribute("download", true);
            Span meta = new Span(" · " + (a.size() / 1024 + 1) + " KB · " + a.uploadedBy()
                    + (a.internal() ? " · " + getTranslation("timeline.internal") : ""));
            meta.addClassName("fd-muted");
            list.add(new HorizontalLayout(link, meta));
        }
    }
}
