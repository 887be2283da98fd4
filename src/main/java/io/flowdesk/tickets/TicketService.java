package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.tickets.internal.TicketEventEntity;
import io.flowdesk.tickets.internal.TicketTaskEntity;
import io.flowdesk.workflow.EngineBridge;
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
 * and the outbox applied. A crash after (1) or (2) leaves a PENDING row that the reconciler finishes.
 */
@ApplicationScoped
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,30}");

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

    /** Result of a create: the ticket and whether it is a replay of an earlier request with the same key. */
    public record Created(TicketDetails ticket, boolean replayed) {
    }

    public Uni<Created> create(CurrentUser user, CreateTicketRequest request, String idempotencyKey) {
        if (!(user.has(Role.CUSTOMER) || user.has(Role.AGENT) || user.has(Role.SUPERVISOR) || user.has(Role.ADMIN))) {
            return Uni.createFrom().failure(new Forbidden("Your role cannot create tickets"));
        }
        if (request == null) {
            return Uni.createFrom().failure(InvalidInput.of("", "A JSON body is required"));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Uni.createFrom().failure(new InvalidInput("Idempotency-Key must be 1-200 characters",
                    List.of(new FieldError("header:Idempotency-Key", "must be 1-200 characters", "idempotency"))));
        }
        String requestHash = Json.sha256(Json.canonical(Json.MAPPER.valueToTree(request)));
        Uni<Created> fresh = Uni.createFrom().deferred(() -> validateAndInsert(user, request, idempotencyKey,
                requestHash));
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
            return Uni.createFrom().failure(new InvalidInput("This Idempotency-Key was used with a different request",
                    List.of(new FieldError("header:Idempotency-Key",
                            "already used for ticket " + existing.number + " with a different body", "idempotency"))));
        }
        return ensureStarted(existing.id).chain(() -> details(existing.id)).map(d -> new Created(d, true));
    }

    private Uni<TicketEntity> findByIdempotencyKey(CurrentUser user, String key) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>find("createdBy = ?1 and idempotencyKey = ?2",
                user.username(), key).firstResult());
    }

    private Uni<Created> validateAndInsert(CurrentUser user, CreateTicketRequest request, String idempotencyKey,
            String requestHash) {
        List<FieldError> errors = new ArrayList<>();
        String title = request.title() == null ? "" : request.title().trim();
        if (title.isEmpty() || title.length() > 300) {
            errors.add(new FieldError("/title", "title is required (1-300 characters)", "required"));
        }
        String priority = request.priority() == null ? Priority.DEFAULT : request.priority();
        if (!Priority.ALL.contains(priority)) {
            errors.add(new FieldError("/priority", "priority must be one of " + Priority.ALL, "enum"));
        }
        String channel = request.channel() == null ? "api" : request.channel();
        if (!channel.matches("[a-z][a-z0-9-]{1,31}")) {
            errors.add(new FieldError("/channel", "channel must be a short lower-case word such as api, phone,"
                    + " email, portal", "pattern"));
        }
        Customer customer = customerOf(user, request.customer(), errors);
        if (request.data() != null && !request.data().isObject()) {
            errors.add(new FieldError("/data", "data must be a JSON object", "type"));
        }
        if (request.type() == null || request.type().isBlank()) {
            errors.add(new FieldError("/type", "type (the template key) is required", "required"));
            return Uni.createFrom().failure(new InvalidInput("The ticket is not valid", errors));
        }
        JsonNode data = request.data() == null ? Json.MAPPER.createObjectNode() : request.data();
        return templates.latestPublished(request.type()).onFailure(NotFound.class)
                .transform(e -> new InvalidInput("Unknown ticket type", List.of(new FieldError("/type",
                        "No published template with key '" + request.type() + "'", "unknown-type"))))
                .chain(template -> {
                    if (!template.isPublic() && user.isCustomer()) {
                        errors.add(new FieldError("/type", "No published template with key '" + request.type() + "'",
                                "unknown-type"));
                    }
                    return forms.validate(template.startForm(), data, "/data").chain(formErrors -> {
                        errors.addAll(formErrors);
                        if (!errors.isEmpty()) {
                            return Uni.createFrom().failure(new InvalidInput("The ticket is not valid", errors));
                        }
                        return insert(user, template, title, priority, channel, customer, data, idempotencyKey,
                                requestHash);
                    });
                });
    }

    private static Customer customerOf(CurrentUser user, Customer given, List<FieldError> errors) {
        if (user.isCustomer()) {
            return new Customer(user.displayName(), user.email(), user.phone());
        }
        if (given == null || given.name() == null || given.name().isBlank()) {
            errors.add(new FieldError("/customer/name", "customer.name is required", "required"));
            return given;
        }
        if ((given.email() == null || given.email().isBlank()) && (given.phone() == null || given.phone().isBlank())) {
            errors.add(new FieldError("/customer", "customer needs an email or a phone", "required"));
        }
        if (given.email() != null && !given.email().isBlank() && !EMAIL.matcher(given.email()).matches()) {
            errors.add(new FieldError("/customer/email", "not a valid email address", "format"));
        }
        if (given.phone() != null && !given.phone().isBlank() && !PHONE.matcher(given.phone()).matches()) {
            errors.add(new FieldError("/customer/phone", "not a valid phone number", "format"));
        }
        if (given.name().length() > 200) {
            errors.add(new FieldError("/customer/name", "at most 200 characters", "maxLength"));
        }
        return given;
    }

    private Uni<Created> insert(CurrentUser user, PublishedTemplate template, String title, String priority,
            String channel, Customer customer, JsonNode data, String idempotencyKey, String requestHash) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select nextval('ticket_number_seq')", Long.class)
                        .getSingleResult())
                .chain(sequence -> {
                    OffsetDateTime now = OffsetDateTime.now();
                    TicketEntity ticket = new TicketEntity();
                    ticket.number = String.format("FD-%d-%06d", Year.now().getValue(), sequence);
                    ticket.templateVersionId = template.id();
                    ticket.templateKey = template.key();
                    ticket.ticketType = template.ticketType();
                    ticket.title = title;
                    ticket.priority = priority;
                    ticket.status = TicketStatus.NEW;
                    ticket.channel = channel;
                    ticket.customerName = customer.name();
                    ticket.customerEmail = blankToNull(customer.email());
                    ticket.customerPhone = blankToNull(customer.phone());
                    ticket.customerUserId = user.isCustomer() ? user.id() : null;
                    ticket.createdBy = user.username();
                    ticket.dataJson = data.toString();
                    ticket.engineState = TicketEntity.PENDING;
                    ticket.idempotencyKey = idempotencyKey;
                    ticket.requestHash = requestHash;
                    ticket.createdAt = now;
                    ticket.updatedAt = now;
                    return ticket.persist().replaceWith(ticket);
                })
                .call(ticket -> TicketRelay.timeline(ticket, "CREATED", user.username(), null,
                        "Ticket created via " + channel, TicketRelay.details("channel", channel, "template",
                                template.key() + " v" + template.version()), false)))
                .onItemOrFailure().transformToUni((ticket, failure) -> {
                    if (failure != null) {
                        if (idempotencyKey != null && isUniqueViolation(failure)) {
                            // a concurrent request with the same key won the insert: answer like a replay
                            return findByIdempotencyKey(user, idempotencyKey)
                                    .chain(existing -> replay(existing, requestHash));
                        }
                        return Uni.createFrom().failure(failure);
                    }
                    return ensureStarted(ticket.id).chain(() -> details(ticket.id)).map(d -> new Created(d, false));
                });
    }

    /**
     * Makes sure the ticket's process exists and is linked: starts it when missing (exactly once), links it,
     * applies the outbox. Safe to call any number of times, from requests and from the reconciler.
     */
    public Uni<Void> ensureStarted(long ticketId) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>findById(ticketId)).chain(ticket -> {
            if (ticket == null) {
                return Uni.createFrom().failure(new NotFound("Ticket " + ticketId + " does not exist"));
            }
            if (!TicketEntity.PENDING.equals(ticket.engineState)) {
                return relay.drain(ticketId);
            }
            return templates.byVersionId(ticket.templateVersionId).chain(template -> {
                Map<String, Object> variables = ProcessVariables.of(Json.parse(ticket.dataJson));
                variables.put("ticketId", ticket.id);
                variables.put("ticketNumber", ticket.number);
                variables.put("ticketPriority", ticket.priority);
                variables.put("ticketType", ticket.ticketType);
                return bridge.call(() -> engine.startTicketProcess(ticket.id, template.processDefinitionId(),
                        variables));
            }).chain(processInstanceId -> link(ticketId, processInstanceId)).chain(() -> relay.drain(ticketId));
        });
    }

    private Uni<Void> link(long ticketId, String processInstanceId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "update ticket set process_instance_id = ?1, engine_state = 'ACTIVE', updated_at = now(),"
                        + " row_version = row_version + 1 where id = ?2 and engine_state = 'PENDING'")
                .setParameter(1, processInstanceId).setParameter(2, ticketId).executeUpdate())).replaceWithVoid();
    }

    /** Ticket ids still PENDING and older than the given age (for the reconciler). */
    public Uni<List<Long>> pendingOlderThan(java.time.Duration age) {
        OffsetDateTime before = OffsetDateTime.now().minus(age);
        return Panache.withSession(() -> TicketEntity.<TicketEntity>find("engineState = ?1 and createdAt < ?2",
                TicketEntity.PENDING, before).list()).map(list -> list.stream().map(t -> t.id).toList());
    }

    // ---- reading ----

    public Uni<TicketDetails> get(CurrentUser user, String number) {
        return Panache.withSession(() -> accessible(user, number).chain(ticket -> details(ticket.id)));
    }

    public Uni<List<TimelineEntry>> timeline(CurrentUser user, String number) {
        return Panache.withSession(() -> accessible(user, number).chain(ticket -> TicketEventEntity
                .<TicketEventEntity>list("ticketId = ?1 order by id", ticket.id)).map(list -> list.stream()
                        .filter(e -> !(e.internal && user.isCustomer()))
                        .map(e -> new TimelineEntry(e.id, e.at, e.kind, e.actor, user.isCustomer() ? null : e.taskId,
                                e.summary, e.detailsJson == null ? null : Json.parse(e.detailsJson), e.internal))
                        .toList()));
    }

    /**
     * Adds a comment to the timeline. Customers' comments are always public; agents and staff may mark theirs
     * internal (never shown to customers).
     */
    public Uni<TimelineEntry> comment(CurrentUser user, String number, String text, boolean internal) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > 10_000) {
            return Uni.createFrom().failure(InvalidInput.of("/text", "text is required (1-10000 characters)"));
        }
        boolean hidden = internal && !user.isCustomer();
        return Panache.withTransaction(() -> accessible(user, number).chain(ticket -> {
            TicketEventEntity entry = new TicketEventEntity();
            entry.ticketId = ticket.id;
            entry.at = OffsetDateTime.now();
            entry.kind = "COMMENT";
            entry.actor = user.username();
            entry.summary = body.length() > 200 ? body.substring(0, 200) + "…" : body;
            entry.detailsJson = TicketRelay.details("text", body).toString();
            entry.internal = hidden;
            ticket.updatedAt = entry.at;
            return entry.persist().replaceWith(entry);
        })).map(e -> new TimelineEntry(e.id, e.at, e.kind, e.actor, null, e.summary, Json.parse(e.detailsJson),
                e.internal));
    }

    public Uni<Page<TicketSummary>> list(CurrentUser user, String status, String type, String priority, int page,
            int size) {
        if (page < 0 || size < 1 || size > 200) {
            return Uni.createFrom().failure(new InvalidInput("Bad paging", List.of(
                    new FieldError("query:size", "page >= 0 and 1 <= size <= 200", "range"))));
        }
        if (!user.seesAllTickets() && !user.isCustomer() && !user.has(Role.STAFF)) {
            return Uni.createFrom().failure(new Forbidden("Your role cannot list tickets"));
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
                    items.stream().map(TicketService::summary).toList(), page, size, total)));
        });
    }

    /** Loads a ticket the user may see, else 404 (never 403: a customer must not learn a number exists). */
    Uni<TicketEntity> accessible(CurrentUser user, String number) {
        return TicketEntity.<TicketEntity>find("number", number).firstResult().chain(ticket -> {
            NotFound notFound = new NotFound("Ticket " + number + " does not exist");
            if (ticket == null) {
                return Uni.createFrom().failure(notFound);
            }
            if (user.seesAllTickets()) {
                return Uni.createFrom().item(ticket);
            }
            if (user.isCustomer()) {
                return ticket.customerUserId != null && ticket.customerUserId == user.id()
                        ? Uni.createFrom().item(ticket) : Uni.createFrom().failure(notFound);
            }
            if (user.has(Role.STAFF)) {
                return TicketTaskEntity.count("ticketId = ?1 and (candidateGroup in ?2 or assignee = ?3 or"
                        + " completedBy = ?3)", ticket.id, user.departments().isEmpty() ? List.of("-")
                                : List.copyOf(user.departments()), user.username())
                        .chain(count -> count > 0 ? Uni.createFrom().item(ticket) : Uni.createFrom().failure(notFound));
            }
            return Uni.createFrom().failure(notFound);
        });
    }

    Uni<TicketDetails> details(long ticketId) {
        return Panache.withSession(() -> TicketEntity.<TicketEntity>findById(ticketId).chain(ticket -> templates
                .byVersionId(ticket.templateVersionId).chain(template -> TicketTaskEntity
                        .<TicketTaskEntity>list("ticketId = ?1 and state = ?2 order by createdAt", ticket.id,
                                TicketTaskEntity.OPEN)
                        .map(tasks -> new TicketDetails(ticket.number, ticket.templateKey, template.version(),
                                ticket.ticketType, ticket.title, ticket.priority, ticket.status, ticket.channel,
                                new Customer(ticket.customerName, ticket.customerEmail, ticket.customerPhone),
                                Json.parse(ticket.dataJson), ticket.currentStep,
                                tasks.stream().map(t -> TaskWorkService.view(t, ticket)).toList(), ticket.createdAt,
                                ticket.updatedAt, ticket.resolvedAt)))));
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
