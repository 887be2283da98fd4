package io.flowdesk.tickets;

import io.flowdesk.shared.FlowClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.tickets.internal.TicketEventEntity;
import io.flowdesk.tickets.internal.TicketTaskEntity;
import io.flowdesk.workflow.EngineBridge;
import io.flowdesk.workflow.ProcessFailed;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Tickets: creation (validated, idempotent, crash-safe), reading with object-level access checks, timeline.
 *
 * <p>Creating crosses two stores. Order: (1) the ticket row is committed as PENDING; (2) the process is started
 * exactly once per ticket (advisory lock + business-key check in the engine's transaction); (3) the row is linked
 * and the outbox applied. A crash after (1) or (2) leaves a PENDING row that the reconciler finishes; a flow the
 * engine refuses leaves the row FAILED with the reason ({@link StuckTickets}), answered with 422.
 */
@ApplicationScoped
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,30}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    @Inject
    TemplateService templates;

    @Inject
    FormService forms;

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineBridge bridge;

    @Inject
    TicketRelay relay;

    @Inject
    StuckTickets stuck;

    @Inject
    io.flowdesk.identity.IdentityService identity;

    /** Result of a create: the ticket and whether it is a replay of an earlier request with the same key. */
    public record Created(TicketDetails ticket, boolean replayed) {
    }

    public Uni<Created> create(CurrentUser user, CreateTicketRequest request, String idempotencyKey) {
        if (!(user.has(Role.CUSTOMER) || user.has(Role.AGENT) || user.has(Role.SUPERVISOR) || user.has(Role.ADMIN))) {
            return Uni.createFrom().failure(new Forbidden(Text.of("ticket.error.createForbidden")));
        }
        if (request == null) {
            return Uni.createFrom().failure(InvalidInput.of("", Text.of("ticket.error.bodyRequired"), "required"));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.idempotencyKey"),
                    List.of(FieldError.of("header:Idempotency-Key", Text.of("ticket.error.idempotencyKey"),
                            "idempotency"))));
        }
        String requestHash = Json.sha256(Json.canonical(Json.MAPPER.valueToTree(request)));
        Uni<Created> fresh = Uni.createFrom().deferred(() -> validateAndInsert(user, request, idempotencyKey,
                requestHash, null));
        if (idempotencyKey == null) {
            return fresh;
        }
        return findByIdempotencyKey(user, idempotencyKey).chain(existing -> {
            if (existing == null) {
                return fresh;
            }
            return replay(existing, requestHash);
        });
    }

    private Uni<Created> replay(TicketEntity existing, String requestHash) {
        if (!existing.requestHash.equals(requestHash)) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.idempotencyReused", existing.number),
                    List.of(FieldError.of("header:Idempotency-Key",
                            Text.of("ticket.error.idempotencyReused", existing.number), "idempotency"))));
        }
        return ensureStarted(existing.id).chain(() -> details(existing.id)).map(d -> new Created(d, true));
    }

    private Uni<TicketEntity> findByIdempotencyKey(CurrentUser user, String key) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>find("createdBy = ?1 and idempotencyKey = ?2",
                user.username(), key).firstResult());
    }

    /**
     * "Try it": a test ticket on a test version of a draft (designers and admins). It runs like any ticket and is
     * marked as a test, so reports leave it out.
     */
    public Uni<Created> createTest(CurrentUser user, PublishedTemplate testVersion, CreateTicketRequest request) {
        if (!(user.has(Role.DESIGNER) || user.has(Role.ADMIN))) {
            return Uni.createFrom().failure(new Forbidden(Text.of("ticket.error.tryForbidden")));
        }
        if (testVersion.version() >= 0) {
            return Uni.createFrom().failure(new Forbidden(Text.of("ticket.error.tryTestVersion")));
        }
        String requestHash = Json.sha256(Json.canonical(Json.MAPPER.valueToTree(request)));
        return validateAndInsert(user, request, null, requestHash, testVersion);
    }

    /** A ticket row written in the caller's transaction, its flow not started yet. */
    public record Pending(long id, String number) {
    }

    /**
     * For a channel that records its intake in the same transaction as the ticket (mail, ADR 0042): validates like
     * {@link #create} and writes the ticket row (PENDING) and its first timeline entries in the caller's
     * transaction. The caller calls {@link #ensureStarted} after its commit; the reconciler does it after a crash.
     */
    public Uni<Pending> createPending(CurrentUser user, CreateTicketRequest request) {
        if (request == null) {
            return Uni.createFrom().failure(InvalidInput.of("", Text.of("ticket.error.bodyRequired"), "required"));
        }
        String requestHash = Json.sha256(Json.canonical(Json.MAPPER.valueToTree(request)));
        return validated(user, request, null, (template, title, priority, channel, customer, customerId, data) ->
                insertRow(user, template, title, priority, channel, customer, customerId, data, request.transcript(),
                        null, requestHash).map(t -> new Pending(t.id, t.number)));
    }

    /** What is written once a request is valid. */
    private interface Writer<T> {
        Uni<T> write(PublishedTemplate template, String title, String priority, String channel, Customer customer,
                Long customerUserId, JsonNode data);
    }

    private Uni<Created> validateAndInsert(CurrentUser user, CreateTicketRequest request, String idempotencyKey,
            String requestHash, PublishedTemplate testVersion) {
        return validated(user, request, testVersion, (template, title, priority, channel, customer, customerId,
                data) -> insert(user, template, title, priority, channel, customer, customerId, data,
                        request.transcript(), idempotencyKey, requestHash));
    }

    private <T> Uni<T> validated(CurrentUser user, CreateTicketRequest request, PublishedTemplate testVersion,
            Writer<T> writer) {
        List<FieldError> errors = new ArrayList<>();
        String title = request.title() == null ? "" : request.title().trim();
        if (title.isEmpty() || title.length() > 300) {
            errors.add(FieldError.of("/title", Text.of("ticket.error.title"), "required"));
        }
        String priority = request.priority() == null ? Priority.DEFAULT : request.priority();
        if (!Priority.ALL.contains(priority)) {
            errors.add(FieldError.of("/priority", Text.of("ticket.error.priority", String.join(", ", Priority.ALL)),
                    "enum"));
        }
        String channel = request.channel() == null ? "api" : request.channel();
        if (!CHANNEL.matcher(channel).matches()) {
            errors.add(FieldError.of("/channel", Text.of("ticket.error.channel"), "pattern"));
        }
        Customer customer = customerOf(user, request.customer(), errors);
        if (request.data() != null && !request.data().isObject()) {
            errors.add(FieldError.of("/data", Text.of("ticket.error.dataObject"), "type"));
        }
        if (request.type() == null || request.type().isBlank()) {
            errors.add(FieldError.of("/type", Text.of("ticket.error.type"), "required"));
            return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.invalid"), errors));
        }
        JsonNode data = request.data() == null ? Json.MAPPER.createObjectNode() : request.data();
        Uni<PublishedTemplate> lookup = testVersion != null ? Uni.createFrom().item(testVersion)
                : templates.latestPublished(request.type());
        return lookup.onFailure(NotFound.class)
                .transform(e -> new InvalidInput(Text.of("ticket.error.unknownTypeTitle"), List.of(FieldError.of("/type",
                        Text.of("ticket.error.unknownType", request.type()), "unknown-type"))))
                .chain(template -> {
                    if (!template.isPublic() && user.isCustomer()) {
                        errors.add(FieldError.of("/type", Text.of("ticket.error.unknownType", request.type()),
                                "unknown-type"));
                    }
                    return forms.validate(template.startForm(), data, "/data", user.locale()).chain(formErrors -> {
                        errors.addAll(formErrors);
                        if (!errors.isEmpty()) {
                            return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.invalid"), errors));
                        }
                        if (request.transcript() != null && request.transcript().length() > 50_000) {
                            return Uni.createFrom().failure(InvalidInput.of("/transcript",
                                    Text.of("ticket.error.transcript"), "maxLength"));
                        }
                        Uni<Long> customerUser = user.isCustomer() ? Uni.createFrom().item(user.id())
                                : identity.customerIdByEmail(customer.email());
                        return customerUser.chain(customerId -> writer.write(template, title, priority, channel,
                                customer, customerId, data));
                    });
                });
    }

    private static Customer customerOf(CurrentUser user, Customer given, List<FieldError> errors) {
        if (user.isCustomer()) {
            return new Customer(user.displayName(), user.email(), user.phone());
        }
        if (given == null || given.name() == null || given.name().isBlank()) {
            errors.add(FieldError.of("/customer/name", Text.of("ticket.error.customerName"), "required"));
            return given;
        }
        if ((given.email() == null || given.email().isBlank()) && (given.phone() == null || given.phone().isBlank())) {
            errors.add(FieldError.of("/customer", Text.of("ticket.error.customerContact"), "required"));
        }
        if (given.email() != null && !given.email().isBlank() && !EMAIL.matcher(given.email()).matches()) {
            errors.add(FieldError.of("/customer/email", Text.of("ticket.error.customerEmail"), "format"));
        }
        if (given.phone() != null && !given.phone().isBlank() && !PHONE.matcher(given.phone()).matches()) {
            errors.add(FieldError.of("/customer/phone", Text.of("ticket.error.customerPhone"), "format"));
        }
        if (given.name().length() > 200) {
            errors.add(FieldError.of("/customer/name", Text.of("ticket.error.customerNameLength"), "maxLength"));
        }
        return given;
    }

    private Uni<Created> insert(CurrentUser user, PublishedTemplate template, String title, String priority,
            String channel, Customer customer, Long customerUserId, JsonNode data, String transcript,
            String idempotencyKey, String requestHash) {
        return insertRow(user, template, title, priority, channel, customer, customerUserId, data, transcript,
                idempotencyKey, requestHash)
                .onItemOrFailure().transformToUni((ticket, failure) -> {
                    if (failure != null) {
                        if (idempotencyKey != null && isUniqueViolation(failure)) {
                            // a concurrent request with the same key won the insert: answer like a replay
                            return findByIdempotencyKey(user, idempotencyKey)
                                    .chain(existing -> replay(existing, requestHash));
                        }
                        return Uni.createFrom().failure(failure);
                    }
                    // the row was just written: start from it instead of reading it back
                    return start(ticket).chain(() -> details(ticket.id)).map(d -> new Created(d, false));
                });
    }

    /** The ticket row and its first timeline entries, in the current transaction (or a new one). */
    private Uni<TicketEntity> insertRow(CurrentUser user, PublishedTemplate template, String title, String priority,
            String channel, Customer customer, Long customerUserId, JsonNode data, String transcript,
            String idempotencyKey, String requestHash) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select nextval('ticket_number_seq')", Long.class)
                        .getSingleResult())
                .chain(sequence -> {
                    OffsetDateTime now = FlowClock.offsetNow();
                    TicketEntity ticket = new TicketEntity();
                    ticket.number = String.format("FD-%d-%06d", Year.now().getValue(), sequence);
                    ticket.templateVersionId = template.id();
                    ticket.isTest = template.version() < 0;
                    ticket.templateKey = template.key();
                    ticket.ticketType = template.ticketType();
                    ticket.title = title;
                    ticket.priority = priority;
                    ticket.status = TicketStatus.NEW;
                    ticket.channel = channel;
                    ticket.customerName = customer.name();
                    ticket.customerEmail = blankToNull(customer.email());
                    ticket.customerPhone = blankToNull(customer.phone());
                    ticket.customerUserId = customerUserId;
                    ticket.createdBy = user.username();
                    ticket.dataJson = data.toString();
                    ticket.engineState = TicketEntity.PENDING;
                    ticket.idempotencyKey = idempotencyKey;
                    ticket.requestHash = requestHash;
                    ticket.createdAt = now;
                    ticket.updatedAt = now;
                    return ticket.persist().replaceWith(ticket);
                })
                .call(ticket -> transcript == null || transcript.isBlank() ? Uni.createFrom().voidItem()
                        : TicketRelay.timeline(ticket, "TRANSCRIPT", user.username(), null,
                                Text.of("timeline.text.transcript", TimelineTexts.channel(channel)),
                                TicketRelay.details("text", transcript), true))
                .call(ticket -> TicketRelay.timeline(ticket, "CREATED", user.username(), null,
                        Text.of("timeline.text.created", TimelineTexts.channel(channel)), TicketRelay.details("channel", channel, "template",
                                template.key() + " v" + template.version()), false)));
    }

    /**
     * Makes sure the ticket's process exists and is linked: starts it when missing (exactly once), links it,
     * applies the outbox. Safe to call any number of times, from requests and from the reconciler.
     */
    public Uni<Void> ensureStarted(long ticketId) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>findById(ticketId)).chain(ticket -> {
            if (ticket == null) {
                return Uni.createFrom().failure(new NotFound(Text.of("ticket.notFound", ticketId)));
            }
            if (TicketEntity.FAILED.equals(ticket.engineState)) {
                return Uni.createFrom().failure(StuckTickets.failed(ticket));
            }
            if (!TicketEntity.PENDING.equals(ticket.engineState)) {
                return relay.drain(ticketId);
            }
            return start(ticket);
        });
    }

    /** Starts (exactly once) and links the process of a PENDING ticket whose row the caller holds. */
    private Uni<Void> start(TicketEntity ticket) {
        return templates.byVersionId(ticket.templateVersionId).chain(template -> {
            Map<String, Object> variables = ProcessVariables.of(Json.parse(ticket.dataJson));
            variables.put("ticketId", ticket.id);
            variables.put("ticketNumber", ticket.number);
            variables.put("ticketPriority", ticket.priority);
            variables.put("ticketType", ticket.ticketType);
            return bridge.call(() -> engine.startTicketProcess(ticket.id, template.processDefinitionId(), variables));
        }).onFailure(ProcessFailed.class).recoverWithUni(e -> stuck.recordFailure(ticket.id, (ProcessFailed) e)
                .chain(failure -> Uni.createFrom().<String>failure(failure)))
                .chain(processInstanceId -> relay.linkAndDrain(ticket.id, processInstanceId));
    }

    /** Ticket ids still PENDING and older than the given age (for the reconciler). */
    public Uni<List<Long>> pendingOlderThan(java.time.Duration age) {
        OffsetDateTime before = FlowClock.offsetNow().minus(age);
        return Panache.withSession(() -> TicketEntity.<TicketEntity>find("engineState = ?1 and createdAt < ?2",
                TicketEntity.PENDING, before).list()).map(list -> list.stream().map(t -> t.id).toList());
    }

    // ---- reading ----

    /** The id of a ticket the user may see (for header extensions such as SLA). */
    public Uni<Long> id(CurrentUser user, String number) {
        return Panache.withSession(() -> accessible(user, number).map(t -> t.id));
    }

    public Uni<TicketDetails> get(CurrentUser user, String number) {
        return Panache.withSession(() -> accessible(user, number).chain(this::details))
                .chain(details -> maskFor(user, details));
    }

    /** Partners see personal data masked: customer contact and every form field flagged sensitive. */
    public Uni<TicketDetails> maskFor(CurrentUser user, TicketDetails d) {
        if (!user.isPartner()) {
            return Uni.createFrom().item(d);
        }
        return sensitiveFields(d.type(), d.templateVersion()).map(fields -> new TicketDetails(d.number(), d.type(),
                d.templateVersion(), d.ticketType(), d.title(), d.priority(), d.status(), d.channel(),
                new Customer(PiiMasking.text(d.customer().name()), PiiMasking.email(d.customer().email()),
                        PiiMasking.phone(d.customer().phone())),
                PiiMasking.data(d.data(), fields), d.currentStep(), d.openTasks().stream()
                        .filter(t -> user.username().equals(t.assignee())).toList(), d.createdAt(), d.updatedAt(),
                d.resolvedAt()));
    }

    private final java.util.Map<String, java.util.Set<String>> sensitiveByTemplate =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Sensitive field keys over all forms a template version pins (immutable, so cached). */
    public Uni<java.util.Set<String>> sensitiveFields(String templateKey, int version) {
        String cacheKey = templateKey + "@" + version;
        java.util.Set<String> cached = sensitiveByTemplate.get(cacheKey);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return templates.version(templateKey, version).chain(template -> io.smallrye.mutiny.Multi.createFrom()
                .iterable(template.forms().entrySet()).onItem()
                .transformToUniAndConcatenate(e -> forms.get(e.getKey(), e.getValue()))
                .collect().asList()).map(list -> {
                    java.util.Set<String> fields = new java.util.TreeSet<>();
                    list.forEach(f -> fields.addAll(f.sensitiveFields()));
                    sensitiveByTemplate.put(cacheKey, java.util.Set.copyOf(fields));
                    return fields;
                });
    }

    /**
     * A ticket's timeline for a reader; summaries are key and arguments ({@link TimelineEntry#in}), completed steps
     * list their data by field label and option name, with personal data masked for partners.
     */
    public Uni<List<TimelineEntry>> timeline(CurrentUser user, String number) {
        return Panache.withSession(() -> accessible(user, number).chain(ticket -> visibleEvents(user, ticket)
                .chain(list -> stepSchemas(ticket,
                        list).chain(schemas -> maskedFields(user, ticket).map(masked -> list.stream()
                                .filter(e -> !(e.internal && user.isCustomer()))
                                .map(e -> TimelineTexts.entry(e, user.isCustomer(), TimelineTexts.parse(e.detailsJson),
                                        e.taskId == null ? null : schemas.get(e.taskId), masked))
                                .toList())))));
    }

    /** The pinned form schemas of the steps completed on a timeline, by task id. */
    private Uni<Map<String, JsonNode>> stepSchemas(TicketEntity ticket, List<TicketEventEntity> events) {
        java.util.Set<String> completed = new java.util.HashSet<>();
        events.stream().filter(e -> "TASK_COMPLETED".equals(e.kind) && e.taskId != null)
                .forEach(e -> completed.add(e.taskId));
        if (completed.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return TicketTaskEntity.<TicketTaskEntity>list("ticketId = ?1", ticket.id).chain(tasks -> io.smallrye.mutiny.Multi
                .createFrom().iterable(tasks.stream().filter(t -> completed.contains(t.taskId) && t.formKey != null
                        && t.formVersion != null).toList())
                .onItem().transformToUniAndConcatenate(t -> forms.get(t.formKey, t.formVersion)
                        .map(f -> Map.entry(t.taskId, f.schema())).onFailure(NotFound.class).recoverWithNull())
                .collect().asList().map(entries -> {
                    Map<String, JsonNode> schemas = new java.util.HashMap<>();
                    entries.stream().filter(java.util.Objects::nonNull).forEach(e -> schemas.put(e.getKey(),
                            e.getValue()));
                    return schemas;
                }));
    }

    /** Fields a reader sees masked: a partner, every personal-data field of the ticket's template version. */
    private Uni<java.util.Set<String>> maskedFields(CurrentUser user, TicketEntity ticket) {
        if (!user.isPartner()) {
            return Uni.createFrom().item(java.util.Set.of());
        }
        return templates.byVersionId(ticket.templateVersionId).chain(t -> sensitiveFields(t.key(), t.version()));
    }

    /**
     * The timeline rows a reader may see. A partner (another company) sees the public conversation and, of the
     * internal entries, only those of their own task and those they wrote; customers lose internal ones later.
     */
    Uni<List<TicketEventEntity>> visibleEvents(CurrentUser user, TicketEntity ticket) {
        return TicketEventEntity.<TicketEventEntity>list("ticketId = ?1 order by id", ticket.id)
                .chain(list -> partnerTasks(user, ticket).map(mine -> mine == null ? list : list.stream()
                        .filter(e -> !e.internal || user.username().equals(e.actor)
                                || e.taskId != null && mine.contains(e.taskId))
                        .toList()));
    }

    /** A partner's tasks on a ticket (assigned to or completed by them); null for everyone else (no scoping). */
    Uni<java.util.Set<String>> partnerTasks(CurrentUser user, TicketEntity ticket) {
        if (!user.isPartner()) {
            return Uni.createFrom().nullItem();
        }
        return TicketTaskEntity.<TicketTaskEntity>list("ticketId = ?1 and (assignee = ?2 or completedBy = ?2)",
                ticket.id, user.username()).map(tasks -> tasks.stream().map(t -> t.taskId)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /**
     * Reopens a resolved ticket whose flow has ended: the flow starts again on the same template version (once per
     * reopening, crash-safe like creation). Only within {@code maxDays} of resolution.
     */
    public Uni<TicketDetails> reopen(CurrentUser user, String number, String reason, int maxDays) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            return Uni.createFrom().failure(InvalidInput.of("/reason", Text.of("ticket.error.reopenReason"), "required"));
        }
        return Panache.withSession(() -> accessible(user, number)).chain(ticket -> {
            if (!TicketEntity.ENDED.equals(ticket.engineState) || ticket.resolvedAt == null) {
                return Uni.createFrom().failure(new io.flowdesk.shared.Conflict(
                        Text.of("ticket.error.reopenActive", number)));
            }
            if (ticket.resolvedAt.isBefore(FlowClock.offsetNow().minusDays(maxDays))) {
                return Uni.createFrom().failure(new io.flowdesk.shared.Conflict(
                        Text.of("ticket.error.reopenExpired", number, maxDays)));
            }
            int reopening = ticket.reopenCount + 1;
            return templates.byVersionId(ticket.templateVersionId).chain(template -> {
                Map<String, Object> variables = ProcessVariables.of(Json.parse(ticket.dataJson));
                variables.put("ticketId", ticket.id);
                variables.put("ticketNumber", ticket.number);
                variables.put("ticketPriority", ticket.priority);
                variables.put("ticketType", ticket.ticketType);
                variables.put("reopened", true);
                return bridge.call(() -> engine.startReopenedProcess(ticket.id, reopening,
                        template.processDefinitionId(), variables));
            }).chain(processInstanceId -> Panache.withTransaction(() -> TicketEntity.locked(
                    ticket.id).chain(fresh -> {
                        fresh.reopenCount = reopening;
                        fresh.engineState = TicketEntity.ACTIVE;
                        fresh.processInstanceId = processInstanceId;
                        fresh.resolvedAt = null;
                        fresh.updatedAt = FlowClock.offsetNow();
                        return TicketRelay.timeline(fresh, "REOPENED", user.username(), null,
                                Text.of("timeline.text.reopened", reason.strip()), TicketRelay.details("reason", reason.strip()), false);
                    }))).chain(() -> relay.drain(ticket.id)).chain(() -> get(user, number));
        });
    }

    /** A customer's satisfaction rating (1-5 and a comment), once per ticket, after resolution. */
    public Uni<Rating> rate(CurrentUser user, String number, int rating, String comment) {
        List<FieldError> errors = new ArrayList<>();
        if (rating < 1 || rating > 5) {
            errors.add(FieldError.of("/rating", Text.of("ticket.error.rating"), "range"));
        }
        if (comment != null && comment.length() > 2000) {
            errors.add(FieldError.of("/comment", Text.of("ticket.error.ratingComment"), "maxLength"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.ratingInvalid"), errors));
        }
        if (!user.isCustomer()) {
            return Uni.createFrom().failure(new Forbidden(Text.of("ticket.error.rateForbidden")));
        }
        return Panache.withTransaction(() -> accessibleForUpdate(user, number).chain(ticket -> {
            if (!TicketStatus.RESOLVED.equals(ticket.status) && !TicketStatus.CLOSED.equals(ticket.status)) {
                return Uni.createFrom().failure(new io.flowdesk.shared.Conflict(
                        Text.of("ticket.error.notResolved", number)));
            }
            return io.flowdesk.tickets.internal.CsatEntity.findById(ticket.id).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().failure(new io.flowdesk.shared.Conflict(
                            Text.of("ticket.error.ratedAlready", number)));
                }
                var csat = new io.flowdesk.tickets.internal.CsatEntity();
                csat.ticketId = ticket.id;
                csat.rating = rating;
                csat.comment = comment == null || comment.isBlank() ? null : comment.strip();
                csat.createdBy = user.username();
                csat.createdAt = FlowClock.offsetNow();
                ticket.csatRating = rating;
                ticket.updatedAt = csat.createdAt;
                return csat.persist().call(() -> TicketRelay.timeline(ticket, "CSAT", user.username(), null,
                        csat.comment == null ? Text.of("timeline.text.rated", rating)
                                : Text.of("timeline.text.ratedWith", rating, csat.comment),
                        TicketRelay.details("rating", Integer.toString(rating), "comment", csat.comment), false))
                        .map(v -> new Rating(number, rating, csat.comment, csat.createdAt));
            });
        }));
    }

    /** The rating of a ticket, or null. */
    public Uni<Rating> rating(CurrentUser user, String number) {
        return Panache.withSession(() -> accessible(user, number).chain(ticket -> io.flowdesk.tickets.internal.CsatEntity
                .<io.flowdesk.tickets.internal.CsatEntity>findById(ticket.id).map(c -> c == null ? null
                        : new Rating(number, c.rating, c.comment, c.createdAt))));
    }

    public record Rating(String number, int rating, String comment, OffsetDateTime at) {
    }

    /** A ticket's contact and public side, for the portal's status lookup (no user; the caller proves ownership). */
    public record PublicTicket(String number, String customerPhone, String customerEmail, String title, String status,
            String currentStep, OffsetDateTime createdAt, OffsetDateTime updatedAt, List<TimelineEntry> timeline) {
    }

    public Uni<PublicTicket> publicTicket(String number) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>find("number", number == null ? ""
                : number.strip().toUpperCase()).firstResult().chain(ticket -> {
                    if (ticket == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return TicketEventEntity.<TicketEventEntity>list("ticketId = ?1 and internal = false order by id",
                            ticket.id).map(events -> new PublicTicket(ticket.number, ticket.customerPhone,
                                    ticket.customerEmail, ticket.title, ticket.status, ticket.currentStep,
                                    ticket.createdAt, ticket.updatedAt, events.stream().map(e -> TimelineTexts.entry(e, true,
                                            publicDetails(e), null, java.util.Set.of())).map(t -> new TimelineEntry(
                                                    t.id(), t.at(), t.kind(), null, null, t.summary(), t.details(),
                                                    false, t.summaryKey(), t.text())).toList()));
                }));
    }

    /** Every step of a ticket (open and done) with the data submitted at it; partners see it masked. */
    public Uni<List<StepView>> steps(CurrentUser user, String number) {
        return Panache.withSession(() -> accessible(user, number).chain(ticket -> TicketTaskEntity
                .<TicketTaskEntity>list("ticketId = ?1 order by createdAt, taskId", ticket.id)
                .chain(tasks -> (user.isPartner() ? templates.byVersionId(ticket.templateVersionId)
                        .chain(t -> sensitiveFields(t.key(), t.version()))
                        : Uni.createFrom().item(java.util.Set.<String>of())).map(sensitive -> tasks.stream()
                                // a partner sees the steps of their own task, not what others did
                                .filter(t -> !user.isPartner() || user.username().equals(t.assignee)
                                        || user.username().equals(t.completedBy))
                                .map(t -> new StepView(TaskWorkService.view(t, ticket), t.dataJson == null ? null
                                        : PiiMasking.data(Json.parse(t.dataJson), sensitive)))
                                .toList()))));
    }

    /** A step and the data submitted at it (null while open). */
    public record StepView(TaskView task, JsonNode data) {
    }

    /** The customer's other tickets (same account, e-mail or phone), newest first; agents and up only. */
    public Uni<List<TicketSummary>> otherTickets(CurrentUser user, String number) {
        if (!user.seesAllTickets()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> accessible(user, number).chain(ticket -> {
            List<String> same = new ArrayList<>();
            Map<String, Object> params = new java.util.HashMap<>();
            params.put("id", ticket.id);
            if (ticket.customerUserId != null) {
                same.add("customerUserId = :user");
                params.put("user", ticket.customerUserId);
            }
            if (ticket.customerEmail != null) {
                same.add("lower(customerEmail) = :email");
                params.put("email", ticket.customerEmail.toLowerCase());
            }
            if (ticket.customerPhone != null) {
                same.add("customerPhone = :phone");
                params.put("phone", ticket.customerPhone);
            }
            if (same.isEmpty()) {
                return Uni.createFrom().item(List.<TicketEntity>of());
            }
            return TicketEntity.<TicketEntity>find("id <> :id and (" + String.join(" or ", same)
                    + ") order by createdAt desc", params).page(0, 10).list();
        }).map(list -> list.stream().map(TicketService::summary).toList()));
    }

    /** Only structural details (statuses) leave FlowDesk through the anonymous lookup. */
    private static JsonNode publicDetails(TicketEventEntity e) {
        if (e.detailsJson == null || !("STATUS_CHANGED".equals(e.kind) || "ENDED".equals(e.kind))) {
            return null;
        }
        JsonNode all = Json.parse(e.detailsJson);
        var out = Json.MAPPER.createObjectNode();
        for (String field : List.of("from", "to", "status")) {
            if (all.has(field)) {
                out.set(field, all.get(field));
            }
        }
        return out;
    }

    public Uni<Page<TicketSummary>> list(CurrentUser user, String status, String type, String priority, int page,
            int size) {
        if (page < 0 || size < 1 || size > 200) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("ticket.error.paging"), List.of(
                    FieldError.of("query:size", Text.of("ticket.error.pagingRange"), "range"))));
        }
        if (!user.seesAllTickets() && !user.isCustomer() && !user.has(Role.STAFF) && !user.has(Role.PARTNER)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("ticket.error.listForbidden")));
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (type != null && !type.isBlank()) {
            where.append(" and (templateKey = :type or ticketType = :type)");
            params.put("type", type);
        }
        if (priority != null && !priority.isBlank()) {
            where.append(" and priority = :priority");
            params.put("priority", priority);
        }
        if (user.isCustomer()) {
            where.append(" and customerUserId = :customer");
            params.put("customer", user.id());
        } else if (!user.seesAllTickets()) {
            where.append(" and id in (select t.ticketId from TicketTaskEntity t where t.candidateGroup in :groups"
                    + " or t.assignee = :me or t.completedBy = :me)");
            params.put("groups", user.departments().isEmpty() ? List.of("-") : List.copyOf(user.departments()));
            params.put("me", user.username());
        }
        String query = where + " order by createdAt desc, id desc";
        return Panache.withSession(() -> {
            var find = TicketEntity.<TicketEntity>find(query, params).page(io.quarkus.panache.common.Page.of(page, size));
            return find.list().chain(items -> TicketEntity.count(where.toString(), params).map(total -> new Page<>(
                    items.stream().map(TicketService::summary).map(s -> user.isPartner() ? masked(s) : s).toList(),
                    page, size, total)));
        });
    }

    /** Loads a ticket the user may see, else 404 (never 403: a customer must not learn a number exists). */
    Uni<TicketEntity> accessible(CurrentUser user, String number) {
        return accessible(user, number, TicketEntity.<TicketEntity>find("number", number).firstResult());
    }

    /**
     * {@link #accessible} for a change: the row is locked until the transaction ends, so a background writer (the
     * relay, a consumer) waits instead of making the person's edit fail on the row version.
     */
    Uni<TicketEntity> accessibleForUpdate(CurrentUser user, String number) {
        return accessible(user, number).chain(TicketEntity::locked);
    }

    private Uni<TicketEntity> accessible(CurrentUser user, String number, Uni<TicketEntity> found) {
        return found.chain(ticket -> {
            NotFound notFound = new NotFound(Text.of("ticket.notFound", number));
            if (ticket == null) {
                return Uni.createFrom().failure(notFound);
            }
            if (user.seesAllTickets() || ticket.isTest && (user.has(Role.DESIGNER) || user.has(Role.ADMIN))) {
                return Uni.createFrom().item(ticket);
            }
            if (user.isCustomer()) {
                return ticket.customerUserId != null && ticket.customerUserId == user.id()
                        ? Uni.createFrom().item(ticket) : Uni.createFrom().failure(notFound);
            }
            if (user.has(Role.STAFF) || user.has(Role.PARTNER)) {
                return TicketTaskEntity.count("ticketId = ?1 and (candidateGroup in ?2 or assignee = ?3 or"
                        + " completedBy = ?3)", ticket.id, user.departments().isEmpty() ? List.of("-")
                                : List.copyOf(user.departments()), user.username())
                        .chain(count -> count > 0 ? Uni.createFrom().item(ticket) : Uni.createFrom().failure(notFound));
            }
            return Uni.createFrom().failure(notFound);
        });
    }

    Uni<TicketDetails> details(long ticketId) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>findById(ticketId).chain(this::details));
    }

    /** Details of a ticket already loaded in the current session. */
    private Uni<TicketDetails> details(TicketEntity ticket) {
        return templates.byVersionId(ticket.templateVersionId).chain(template -> TicketTaskEntity
                .<TicketTaskEntity>list("ticketId = ?1 and state = ?2 order by createdAt", ticket.id,
                        TicketTaskEntity.OPEN)
                .map(tasks -> new TicketDetails(ticket.number, ticket.templateKey, template.version(),
                        ticket.ticketType, ticket.title, ticket.priority, ticket.status, ticket.channel,
                        new Customer(ticket.customerName, ticket.customerEmail, ticket.customerPhone),
                        Json.parse(ticket.dataJson), ticket.currentStep,
                        tasks.stream().map(t -> TaskWorkService.view(t, ticket)).toList(), ticket.createdAt,
                        ticket.updatedAt, ticket.resolvedAt)));
    }

    private static TicketSummary masked(TicketSummary s) {
        return new TicketSummary(s.number(), s.type(), s.ticketType(), s.title(), s.priority(), s.status(), s.channel(),
                PiiMasking.text(s.customerName()), s.currentStep(), s.createdAt(), s.updatedAt());
    }

    static TicketSummary summary(TicketEntity t) {
        return new TicketSummary(t.number, t.templateKey, t.ticketType, t.title, t.priority, t.status, t.channel,
                t.customerName, t.currentStep, t.createdAt, t.updatedAt);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("23505") || message.contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

}
