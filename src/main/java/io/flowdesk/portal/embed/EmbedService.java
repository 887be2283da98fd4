package io.flowdesk.portal.embed;

import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.GuestCustomers;
import io.flowdesk.identity.Role;
import io.flowdesk.portal.RateLimiter;
import io.flowdesk.portal.TooManyRequests;
import io.flowdesk.portal.embed.internal.EmbedFormEntity;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.tickets.CreateTicketRequest;
import io.flowdesk.tickets.Customer;
import io.flowdesk.tickets.TicketService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The embeddable web form (ADR 0045): a published template an admin marked embeddable, submitted without an
 * account by a visitor who becomes a guest customer; channel {@code web-form}. Order of checks: the template (404),
 * the rate limit per client address (429), the honeypot (silently dropped), the fields (422).
 */
@ApplicationScoped
public class EmbedService {

    private static final Logger LOG = Logger.getLogger(EmbedService.class);
    public static final String CHANNEL = "web-form";
    public static final String LOOKUP_PATH = "/portal/lookup";
    /** The channel's own identity on tickets and the timeline. */
    static final CurrentUser WEB_FORM = new CurrentUser(0, "web-form", "Web form", null, null, Set.of(Role.AGENT),
            Set.of(), "zh-CN");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    TemplateService templates;

    @Inject
    FormService forms;

    @Inject
    TicketService tickets;

    @Inject
    GuestCustomers guests;

    @Inject
    RateLimiter limiter;

    @Inject
    EmbedSettings settings;

    /** The template behind {@code /portal/embed/{key}}; not published or not embeddable is a 404. */
    public Uni<PublishedTemplate> embeddable(String key) {
        String k = key == null ? "" : key.strip();
        return Panache.withSession(() -> EmbedFormEntity.<EmbedFormEntity>findById(k)).chain(row -> row == null
                ? Uni.createFrom().failure(new NotFound(Text.of("embed.error.notFound")))
                : templates.latestPublished(k).onFailure(NotFound.class)
                        .transform(e -> new NotFound(Text.of("embed.error.notFound"))));
    }

    public Uni<EmbedResult> submit(String key, EmbedSubmission submission, String client, Locale locale) {
        EmbedSubmission s = submission == null ? new EmbedSubmission(null, null, null, null, null, null) : submission;
        return embeddable(key).chain(template -> {
            if (!limiter.allow("embed:" + client, settings.maxPerWindow(), settings.window())) {
                return Uni.createFrom().failure(new TooManyRequests(Text.of("embed.error.tooMany",
                        Math.max(1, settings.window().toMinutes()))));
            }
            if (s.website() != null && !s.website().isBlank()) {
                LOG.warnf("embed form %s: honeypot filled from %s, dropped", template.key(), client);
                return Uni.createFrom().item(new EmbedResult(null, Messages.get(locale, "embed.thanks"),
                        LOOKUP_PATH));
            }
            return create(template, s, locale);
        });
    }

    private Uni<EmbedResult> create(PublishedTemplate template, EmbedSubmission s, Locale locale) {
        String tag = Messages.tag(locale);
        List<FieldError> errors = visitorErrors(s);
        if (!errors.isEmpty()) {
            // report the form's own fields in the same answer
            return forms.validate(template.startForm(), s.data() == null ? Json.MAPPER.createObjectNode() : s.data(),
                    "/data", tag).chain(formErrors -> {
                        errors.addAll(formErrors);
                        return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.invalid"), errors));
                    });
        }
        String email = s.email().strip();
        String phone = s.phone() == null || s.phone().isBlank() ? null : s.phone().strip();
        Customer customer = new Customer(s.name().strip(), email, phone);
        CreateTicketRequest request = new CreateTicketRequest(template.key(), s.title(), null, customer, s.data(),
                CHANNEL);
        return guests.ensure(email, customer.name(), phone)
                .chain(() -> tickets.create(WEB_FORM.withLocale(tag), request, null))
                .map(created -> new EmbedResult(created.ticket().number(), Messages.get(locale, "embed.created",
                        created.ticket().number()), LOOKUP_PATH));
    }

    private static List<FieldError> visitorErrors(EmbedSubmission s) {
        List<FieldError> errors = new ArrayList<>();
        if (s.name() == null || s.name().isBlank() || s.name().length() > 200) {
            errors.add(FieldError.of("/name", Text.of("embed.error.name"), "required"));
        }
        if (s.email() == null || s.email().length() > 200 || !EMAIL.matcher(s.email().strip()).matches()) {
            errors.add(FieldError.of("/email", Text.of("embed.error.email"), "format"));
        }
        if (s.title() == null || s.title().isBlank() || s.title().length() > 300) {
            errors.add(FieldError.of("/title", Text.of("ticket.error.title"), "required"));
        }
        return errors;
    }

    // ---- admins ----

    /** Marks a published template embeddable (or not); answers what {@link #snippet} would. */
    public Uni<Void> setEmbeddable(CurrentUser user, String key, boolean embeddable) {
        if (!user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("embed.error.forbidden")));
        }
        return templates.latestPublished(key).chain(template -> Panache.withTransaction(() -> EmbedFormEntity
                .<EmbedFormEntity>findById(template.key()).chain(row -> {
                    if (!embeddable) {
                        return row == null ? Uni.createFrom().voidItem() : row.delete();
                    }
                    if (row != null) {
                        return Uni.createFrom().voidItem();
                    }
                    EmbedFormEntity fresh = new EmbedFormEntity();
                    fresh.templateKey = template.key();
                    fresh.enabledBy = user.username();
                    fresh.enabledAt = FlowClock.offsetNow();
                    return fresh.persist().replaceWithVoid();
                })));
    }

    /** The iframe an admin pastes into the company's site; {@code baseUrl} is FlowDesk's public address. */
    public Uni<Snippet> snippet(CurrentUser user, String key, String baseUrl) {
        if (!user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("embed.error.forbidden")));
        }
        return templates.latestPublished(key).chain(template -> Panache.withSession(() -> EmbedFormEntity
                .<EmbedFormEntity>findById(template.key())).map(row -> {
                    String url = baseUrl + "/portal/embed/" + template.key();
                    String iframe = "<iframe src=\"" + url + "\" title=\"" + escape(template.name("en"))
                            + "\" style=\"width:100%;max-width:40em;height:56em;border:0\" loading=\"lazy\"></iframe>";
                    return new Snippet(template.key(), row != null, url, iframe);
                }));
    }

    public record Snippet(String template, boolean embeddable, String url, String snippet) {
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
