package io.flowdesk.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.audit.AuditLog;
import io.flowdesk.conversion.internal.ConversionEntity;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.Conflict;
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
import io.flowdesk.tickets.TicketDetails;
import io.flowdesk.tickets.TicketFlowSwitch;
import io.flowdesk.tickets.TicketService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a ticket into another template's flow (ADR 0049), keeping its id, number and timeline: the new start
 * form is filled from what is known (the ticket's data under the same keys, its title and contact for fields that
 * ask for them) and from what the agent adds; the old flow is cancelled with a reason, the new one starts on the
 * target's newest published version, and the timeline says "converted from X to Y". The SLA restarts from the
 * CONVERTED entry under the new template's policy.
 *
 * <p>The conversion row is written first with everything the later steps need; {@link #resume} repeats the
 * idempotent steps, and a scheduled job finishes a conversion a crash interrupted.
 */
@ApplicationScoped
public class ConversionService {

    public static final String TIMELINE_KIND = "CONVERTED";
    private static final List<String> TITLE_KEYS = List.of("title", "subject", "summary");
    private static final List<String> PHONE_KEYS = List.of("contactPhone", "phone");
    private static final List<String> EMAIL_KEYS = List.of("contactEmail", "email");

    @Inject
    TicketService tickets;

    @Inject
    TicketFlowSwitch flowSwitch;

    @Inject
    TemplateService templates;

    @Inject
    FormService forms;

    @Inject
    AuditLog audit;

    /** What the agent asks for: the target template and the start-form fields they fill or change. */
    public record ConvertRequest(String template, ObjectNode fields) {
    }

    /** The target's start form, filled from what is known, and which required fields are still empty. */
    public record Prefill(PublishedTemplate target, JsonNode schema, ObjectNode data, List<String> missing) {
    }

    /** The templates a ticket can be converted to: every newest published one but its own. */
    public Uni<List<PublishedTemplate>> targets(CurrentUser user, String number) {
        return checked(user, number).chain(facts -> templates.listLatest()
                .map(list -> list.stream().filter(t -> !t.key().equals(facts.templateKey())).toList()));
    }

    public Uni<Prefill> prefill(CurrentUser user, String number, String templateKey) {
        return checked(user, number).chain(facts -> target(facts, templateKey).chain(target -> forms
                .get(target.startForm().key(), target.startForm().version()).map(form -> {
                    ObjectNode data = known(form.schema(), facts);
                    return new Prefill(target, form.schema(), data, missingLabels(form.schema(), data,
                            Messages.locale(user.locale())));
                })));
    }

    /** Converts; 422 naming the missing required fields by label when the new start form is incomplete. */
    public Uni<TicketDetails> convert(CurrentUser user, String number, ConvertRequest request) {
        if (!user.seesAllTickets()) {
            return Uni.createFrom().failure(new Forbidden(Text.of("conversion.error.forbidden")));
        }
        if (request == null || request.template() == null || request.template().isBlank()) {
            return Uni.createFrom().failure(InvalidInput.of("/template", Text.of("conversion.error.template"),
                    "required"));
        }
        return checked(user, number).chain(facts -> target(facts, request.template().strip()).chain(target -> forms
                .get(target.startForm().key(), target.startForm().version()).chain(form -> {
                    ObjectNode data = known(form.schema(), facts);
                    if (request.fields() != null) {
                        data.setAll(request.fields());
                    }
                    return forms.validate(target.startForm(), data, "/fields", user.locale()).chain(errors -> {
                        if (!errors.isEmpty()) {
                            List<String> zh = missingLabels(form.schema(), data, Messages.ZH);
                            Text title = zh.isEmpty() ? Text.of("conversion.error.invalid")
                                    : Text.of("conversion.error.missing", Text.bilingual(String.join("、", zh),
                                            String.join(", ", missingLabels(form.schema(), data, Messages.EN))));
                            return Uni.createFrom().failure(new InvalidInput(title, errors));
                        }
                        return start(user, facts, target, data);
                    });
                }))).chain(() -> tickets.get(user, number));
    }

    /** Finishes a conversion: every step repeats safely (used right away and by the scheduled catch-up). */
    public Uni<Void> resume(long conversionId) {
        return Panache.withSession(() -> ConversionEntity.<ConversionEntity>findById(conversionId)).chain(c -> {
            if (c == null || ConversionEntity.DONE.equals(c.state)) {
                return Uni.createFrom().voidItem();
            }
            return templates.byVersionId(c.fromVersionId).chain(from -> templates.byVersionId(c.toVersionId)
                    .chain(to -> flowSwitch.endFlow(c.ticketId, c.fromProcessInstance, c.reason)
                            .chain(() -> flowSwitch.restartOn(c.ticketId, c.seq, to, Json.parseObject(c.dataJson),
                                    c.actor, TIMELINE_KIND, Text.of("timeline.text.converted",
                                            Text.bilingual(from.nameZh(), from.nameEn()),
                                            Text.bilingual(to.nameZh(), to.nameEn())),
                                    details(from, to)))
                            .chain(() -> Panache.withTransaction(() -> ConversionEntity.<ConversionEntity>findById(
                                    conversionId).chain(row -> {
                                        if (ConversionEntity.DONE.equals(row.state)) {
                                            return Uni.createFrom().voidItem();
                                        }
                                        row.state = ConversionEntity.DONE;
                                        row.doneAt = FlowClock.offsetNow();
                                        return audit.record(c.actor, "ticket.convert", "ticket",
                                                String.valueOf(c.ticketId), Map.of("from", from.key() + " v"
                                                        + from.version(), "to", to.key() + " v" + to.version()));
                                    })))));
        });
    }

    /** Conversions a crash left unfinished, started before {@code before}. */
    public Uni<List<Long>> unfinished(java.time.OffsetDateTime before) {
        return Panache.withSession(() -> ConversionEntity.<ConversionEntity>find("state <> ?1 and createdAt < ?2",
                ConversionEntity.DONE, before).list()).map(list -> list.stream().map(c -> c.id).toList());
    }

    private Uni<Void> start(CurrentUser user, TicketFlowSwitch.Facts facts, PublishedTemplate target,
            ObjectNode data) {
        return templates.byVersionId(facts.templateVersionId()).chain(from -> Panache.withTransaction(
                () -> ConversionEntity.count("ticketId", facts.ticketId()).chain(count -> {
                    ConversionEntity c = new ConversionEntity();
                    c.ticketId = facts.ticketId();
                    c.seq = (int) (long) count + 1;
                    c.fromTemplate = facts.templateKey();
                    c.fromVersionId = facts.templateVersionId();
                    c.fromProcessInstance = facts.processInstanceId();
                    c.toTemplate = target.key();
                    c.toVersionId = target.id();
                    c.dataJson = data.toString();
                    c.reason = "converted from " + from.key() + " v" + from.version() + " to " + target.key() + " v"
                            + target.version() + " by " + user.username();
                    c.actor = user.username();
                    c.state = ConversionEntity.STARTED;
                    c.createdAt = FlowClock.offsetNow();
                    return c.persist().replaceWith(c);
                }))).chain(c -> resume(c.id));
    }

    /** Role, then object: the user works tickets and may see this one; it must be running and not a test. */
    private Uni<TicketFlowSwitch.Facts> checked(CurrentUser user, String number) {
        if (!user.seesAllTickets()) {
            return Uni.createFrom().failure(new Forbidden(Text.of("conversion.error.forbidden")));
        }
        return tickets.id(user, number).chain(flowSwitch::facts).invoke(facts -> {
            if (!facts.running() || facts.processInstanceId() == null) {
                throw new Conflict(Text.of("conversion.error.notRunning", number));
            }
            if (facts.test()) {
                throw new Conflict(Text.of("conversion.error.test", number));
            }
        });
    }

    private Uni<PublishedTemplate> target(TicketFlowSwitch.Facts facts, String key) {
        if (key == null || key.isBlank()) {
            return Uni.createFrom().failure(InvalidInput.of("/template", Text.of("conversion.error.template"),
                    "required"));
        }
        if (key.equals(facts.templateKey())) {
            return Uni.createFrom().failure(InvalidInput.of("/template", Text.of("conversion.error.same", key),
                    "same"));
        }
        return templates.latestPublished(key).onFailure(NotFound.class).transform(e -> InvalidInput.of("/template",
                Text.of("conversion.error.unknown", key), "unknown-type"));
    }

    /** The start form's fields filled from the ticket: same keys of the same JSON type, title and contact. */
    static ObjectNode known(JsonNode schema, TicketFlowSwitch.Facts facts) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        schema.path("properties").fields().forEachRemaining(field -> {
            String key = field.getKey();
            JsonNode old = facts.data().get(key);
            String type = field.getValue().path("type").asText("");
            if (old != null && !old.isNull() && fits(old, type)) {
                data.set(key, old);
            } else if ("string".equals(type)) {
                String value = TITLE_KEYS.contains(key) ? facts.title()
                        : PHONE_KEYS.contains(key) ? facts.customerPhone()
                        : EMAIL_KEYS.contains(key) ? facts.customerEmail() : null;
                if (value != null && !value.isBlank()) {
                    data.put(key, value);
                }
            }
        });
        return data;
    }

    private static boolean fits(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    /** The labels (in the reader's language) of required fields that are still empty, in form order. */
    static List<String> missingLabels(JsonNode schema, ObjectNode data, Locale locale) {
        List<String> missing = new ArrayList<>();
        String language = Messages.isChinese(locale) ? "zh-CN" : "en";
        JsonNode fields = schema.path("x-ui").path("fields");
        for (JsonNode required : schema.path("required")) {
            String key = required.asText();
            JsonNode value = data.get(key);
            if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
                JsonNode label = fields.path(key).path("label");
                missing.add(label.path(language).asText(label.path("zh-CN").asText(key)));
            }
        }
        return missing;
    }

    private static ObjectNode details(PublishedTemplate from, PublishedTemplate to) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("from", from.key());
        d.put("fromVersion", from.version());
        d.put("to", to.key());
        d.put("toVersion", to.version());
        return d;
    }
}
