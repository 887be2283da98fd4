package io.flowdesk.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.CustomerPage;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.tickets.AttachmentService;
import io.flowdesk.tickets.CreateTicketRequest;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.tickets.ui.StartTicketForm;
import jakarta.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A customer submits a ticket of any public template, with its start form and attachments. */
@Route(value = "portal/new", layout = PortalLayout.class)
@PageTitle("FlowDesk")
public class PortalNewTicketView extends VerticalLayout implements CustomerPage {

    private record Pending(String name, String type, File file) {
    }

    @Inject
    public PortalNewTicketView(TicketService tickets, TemplateService templates, FormService forms,
            AttachmentService attachments) {
        CurrentUser user = UiSession.user().orElseThrow();
        addClassName("fd-portal-card");
        add(new H1(getTranslation("portal.newTicket")));
        List<PublishedTemplate> open = Ui.await(templates::listLatest).stream().filter(PublishedTemplate::isPublic)
                .toList();
        StartTicketForm start = new StartTicketForm(open, forms, UiSession.localeTag(), false);
        List<Pending> files = new CopyOnWriteArrayList<>();
        Upload upload = new Upload(UploadHandler.toTempFile((meta, file) -> files.add(new Pending(meta.fileName(),
                meta.contentType(), file))));
        upload.setId("portal-upload");
        io.flowdesk.tickets.ui.UploadTexts.localize(upload, this);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, attachments.maxBytes()));
        upload.setDropLabel(new Span(getTranslation("attachments.drop", attachments.maxBytes() / 1024 / 1024)));
        Button submit = new Button(getTranslation("portal.submit"), e -> {
            if (start.template() == null) {
                Ui.error(getTranslation("newTicket.chooseType"));
                return;
            }
            CreateTicketRequest request = new CreateTicketRequest(start.template().key(), start.title(), null, null,
                    start.data(), "portal");
            try {
                var created = Ui.await(() -> tickets.create(user, request, null));
                String number = created.ticket().number();
                for (Pending p : files) {
                    Ui.attempt(() -> Ui.await(() -> attachments.store(user, number, p.name(), p.type(), p.file().toPath(),
                            false)));
                    p.file().delete();
                }
                getUI().ifPresent(ui -> ui.navigate("portal/tickets/" + number));
            } catch (InvalidInput invalid) {
                start.showErrors(invalid.errors());
            } catch (FlowDeskException other) {
                Ui.error(Ui.message(other));
            }
        });
        submit.setId("portal-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setWidthFull();
        add(start, upload, submit);
    }
}
