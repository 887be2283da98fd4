package io.flowdesk.portal.embed.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.ui.PublicPage;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.portal.embed.EmbedResult;
import io.flowdesk.portal.embed.EmbedService;
import io.flowdesk.portal.embed.EmbedSubmission;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.tickets.ui.StartTicketForm;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The page a company frames on its own site (ADR 0045): no workspace or portal frame, one column, the template's
 * start form through the one renderer, the visitor's name and e-mail, a hidden honeypot. Language: {@code ?lang=},
 * else the browser's.
 */
@Route("portal/embed")
@PageTitle("FlowDesk")
public class EmbedFormView extends VerticalLayout implements PublicPage, HasUrlParameter<String> {

    private final EmbedService embed;
    private final FormService forms;

    @Inject
    public EmbedFormView(EmbedService embed, FormService forms) {
        this.embed = embed;
        this.forms = forms;
        setId("embed-form");
        setMaxWidth("40em");
        setPadding(true);
    }

    @Override
    public void setParameter(BeforeEvent event, String key) {
        List<String> lang = event.getLocation().getQueryParameters().getParameters().getOrDefault("lang", List.of());
        if (!lang.isEmpty()) {
            UiSession.setLocale(Messages.isChinese(Messages.locale(lang.get(0))) ? UiSession.ZH : UiSession.EN);
            UI.getCurrent().getElement().setAttribute("lang", UiSession.localeTag());
        }
        PublishedTemplate template;
        try {
            template = Ui.await(() -> embed.embeddable(key));
        } catch (NotFound e) {
            // the same answer for unknown, unpublished and not embeddable (the API says 404)
            removeAll();
            Paragraph unavailable = new Paragraph(Ui.message(e));
            unavailable.setId("embed-unavailable");
            add(unavailable);
            return;
        }
        build(template);
    }

    private void build(PublishedTemplate template) {
        removeAll();
        String tag = UiSession.localeTag();
        TextField name = new TextField(getTranslation("embed.name"));
        name.setId("embed-name");
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        EmailField email = new EmailField(getTranslation("embed.email"));
        email.setId("embed-email");
        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        TextField phone = new TextField(getTranslation("embed.phone"));
        phone.setId("embed-phone");
        phone.setHelperText(getTranslation("embed.phone.help"));
        phone.setWidthFull();
        StartTicketForm start = new StartTicketForm(List.of(template), forms, tag, false).withoutTypeChooser();
        TextField website = honeypot();
        Paragraph problem = new Paragraph();
        problem.setId("embed-problem");
        problem.addClassName("fd-form-errors");
        problem.setVisible(false);
        Button submit = new Button(getTranslation("embed.submit"));
        submit.setId("embed-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setWidthFull();
        submit.addClickListener(e -> {
            problem.setVisible(false);
            name.setInvalid(false);
            email.setInvalid(false);
            EmbedSubmission submission = new EmbedSubmission(name.getValue(), email.getValue(), phone.getValue(),
                    start.title(), start.data(), website.getValue());
            // read on the UI thread: the call itself runs where there is no current UI or request
            java.util.Locale locale = Ui.locale();
            String client = client();
            try {
                done(Ui.await(() -> embed.submit(template.key(), submission, client, locale)));
            } catch (InvalidInput invalid) {
                for (FieldError f : invalid.errors()) {
                    if ("/name".equals(f.pointer())) {
                        name.setInvalid(true);
                        name.setErrorMessage(Ui.text(f.text()));
                    } else if ("/email".equals(f.pointer())) {
                        email.setInvalid(true);
                        email.setErrorMessage(Ui.text(f.text()));
                    }
                }
                start.showErrors(invalid.errors());
            } catch (FlowDeskException other) {
                problem.setText(Ui.message(other));
                problem.setVisible(true);
            }
        });
        add(new H2(template.name(tag)), name, email, phone, start, website, problem, submit);
    }

    /** Off screen and out of the tab order: people never fill it, form-filling bots do. */
    private TextField honeypot() {
        TextField website = new TextField(getTranslation("embed.website"));
        website.setId("embed-website");
        website.getElement().setAttribute("aria-hidden", "true");
        website.getElement().setAttribute("autocomplete", "off");
        website.setTabIndex(-1);
        website.getStyle().set("position", "absolute").set("left", "-10000px").set("width", "1px")
                .set("height", "1px").set("overflow", "hidden");
        return website;
    }

    private void done(EmbedResult result) {
        removeAll();
        Div answer = new Div();
        answer.setId("embed-done");
        if (result.number() != null) {
            Span number = new Span(result.number());
            number.setId("embed-number");
            number.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-xl)");
            answer.add(new Paragraph(new Text(getTranslation("embed.numberIs") + " "), number));
        }
        answer.add(new Paragraph(result.message()));
        Anchor lookup = new Anchor(result.lookupPath(), getTranslation("embed.lookup"));
        lookup.setId("embed-lookup");
        lookup.setTarget(AnchorTarget.BLANK);
        answer.add(new Paragraph(lookup), new Paragraph(getTranslation("embed.lookup.help")));
        add(answer);
    }

    private static String client() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
