package io.flowdesk.tickets;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.internal.SavedViewEntity;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.tickets.internal.TicketTaskEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent and staff inbox: paged from the database (only the requested page is read), filtered, sorted,
 * with counts per view and saved views per user.
 */
@ApplicationScoped
public class InboxService {

    public Uni<List<InboxRow>> page(CurrentUser user, InboxQuery query, int offset, int limit) {
        Built built;
        try {
            built = build(user, query, false);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        int size = Math.max(1, Math.min(limit, 200));
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var q = session.createQuery(built.hql, Object[].class);
            built.params.forEach(q::setParameter);
            return q.setFirstResult(Math.max(0, offset)).setMaxResults(size).getResultList()
                    .chain(InboxService::withAssignees);
        })).map(rows -> rows.stream().map(row -> toRow(query.view(), row)).map(r -> masked(user, r)).toList());
    }

    /** A partner sees the customer's name masked (ADR 0011), in the list and in its export alike. */
    static InboxRow masked(CurrentUser user, InboxRow r) {
        return user.isPartner() ? new InboxRow(r.taskId(), r.number(), r.title(), r.type(), r.priority(), r.status(),
                r.stepZh(), r.stepEn(), r.department(), r.assignee(), PiiMasking.text(r.customerName()), r.createdAt(),
                r.updatedAt(), r.test(), r.slaDueAt(), r.slaState()) : r;
    }

    /** Counts stop at {@value #COUNT_CAP} + 1: beyond that an inbox says "10000+" instead of scanning everything. */
    public static final int COUNT_CAP = 10_000;

    public Uni<Long> count(CurrentUser user, InboxQuery query) {
        Built built;
        try {
            built = build(user, query, true);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var q = session.createQuery(built.hql, Integer.class);
            built.params.forEach(q::setParameter);
            return q.setMaxResults(COUNT_CAP + 1).getResultList();
        })).map(rows -> (long) rows.size());
    }

    /** Counts of every view the user has, with the same filters (for the tabs). */
    public Uni<Map<String, Long>> counts(CurrentUser user, InboxQuery filters) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String view : views(user)) {
            chain = chain.chain(() -> count(user, filters.withView(view)).invoke(n -> counts.put(view, n))
                    .replaceWithVoid());
        }
        return chain.replaceWith(counts);
    }

    /** The views a user may open: MINE and QUEUE for everyone who works tasks; OPEN for agents and up. */
    public static List<String> views(CurrentUser user) {
        if (user.isCustomer()) {
            return List.of();
        }
        return user.seesAllTickets() ? List.of(InboxQuery.MINE, InboxQuery.QUEUE, InboxQuery.OPEN)
                : List.of(InboxQuery.MINE, InboxQuery.QUEUE);
    }

    // ---- saved views ----

    public record SavedView(long id, String name, InboxQuery query) {
    }

    public Uni<List<SavedView>> savedViews(CurrentUser user) {
        return Panache.withSession(() -> SavedViewEntity.<SavedViewEntity>list("username = ?1 order by name",
                user.username())).map(list -> list.stream().map(v -> new SavedView(v.id, v.name,
                        Json.MAPPER.convertValue(Json.parse(v.filtersJson), InboxQuery.class))).toList());
    }

    public Uni<SavedView> saveView(CurrentUser user, String name, InboxQuery query) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            return Uni.createFrom().failure(InvalidInput.of("/name", Text.of("ticket.error.viewName"), "required"));
        }
        return Panache.withTransaction(() -> SavedViewEntity.<SavedViewEntity>find("username = ?1 and name = ?2",
                user.username(), trimmed).firstResult().chain(existing -> {
                    SavedViewEntity view = existing != null ? existing : new SavedViewEntity();
                    view.username = user.username();
                    view.name = trimmed;
                    view.filtersJson = Json.write(query);
                    if (view.createdAt == null) {
                        view.createdAt = FlowClock.offsetNow();
                    }
                    return view.<SavedViewEntity>persist();
                })).map(v -> new SavedView(v.id, v.name, query));
    }

    public Uni<Void> deleteView(CurrentUser user, long id) {
        return Panache.withTransaction(() -> SavedViewEntity.delete("id = ?1 and username = ?2", id, user.username()))
                .replaceWithVoid();
    }

    // ---- query building ----

    record Built(String hql, Map<String, Object> params) {
    }

    static Built build(CurrentUser user, InboxQuery query, boolean count) {
        String view = query.view() == null ? InboxQuery.MINE : query.view();
        if (!views(user).contains(view)) {
            throw new Forbidden(Text.of("ticket.error.inboxView"));
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        boolean tasks = !view.equals(InboxQuery.OPEN);
        if (view.equals(InboxQuery.MINE)) {
            where.append("k.state = 'OPEN' and k.assignee = :me");
            params.put("me", user.username());
        } else if (view.equals(InboxQuery.QUEUE)) {
            where.append("k.state = 'OPEN' and k.assignee is null and k.candidateGroup in :groups");
            params.put("groups", user.departments().isEmpty() ? List.of("-") : List.copyOf(user.departments()));
        } else {
            where.append("t.engineState <> 'ENDED'");
        }
        if (notBlank(query.type())) {
            where.append(" and t.templateKey = :type");
            params.put("type", query.type());
        }
        if (notBlank(query.priority())) {
            if (!Priority.ALL.contains(query.priority())) {
                throw new InvalidInput(Text.of("ticket.error.filter"), List.of(FieldError.of("query:priority",
                        Text.of("ticket.error.priority", String.join(", ", Priority.ALL)), "enum")));
            }
            where.append(tasks ? " and k.priority = :priority" : " and t.priority = :priority");
            params.put("priority", query.priority());
        }
        if (notBlank(query.status())) {
            where.append(" and t.status = :status");
            params.put("status", query.status());
        }
        if (notBlank(query.customer())) {
            String customer = query.customer().strip();
            if (customer.matches("\\+?[0-9]{7,20}")) {
                // a whole phone number: the equality index answers at once
                where.append(" and t.customerPhone = :phone");
                params.put("phone", customer);
            } else {
                where.append(" and (lower(t.customerName) like :customer or lower(t.customerEmail) like :customer"
                        + " or t.customerPhone like :customer)");
                params.put("customer", "%" + customer.toLowerCase() + "%");
            }
        }
        if (notBlank(query.text())) {
            String text = query.text().strip();
            if (text.toUpperCase().matches("FD-\\d{4}-\\d{6,}")) {
                where.append(" and t.number = :number");
                params.put("number", text.toUpperCase());
            } else {
                where.append(" and lower(t.title) like :text");
                params.put("text", "%" + text.toLowerCase() + "%");
            }
        }
        if (notBlank(query.sla())) {
            String sla = slaFilter(query.sla());
            where.append(" and t.slaState = :sla");
            params.put("sla", sla);
        }
        if (notBlank(query.tag())) {
            where.append(" and exists (select 1 from TicketTagEntity g where g.ticketId = t.id and g.tag = :tag)");
            params.put("tag", query.tag().strip());
        }
        String from = tasks ? "from TicketTaskEntity k, TicketEntity t where t.id = k.ticketId and "
                : "from TicketEntity t where ";
        if (count) {
            // without ticket-level filters a task count reads only the task table's partial index
            boolean ticketFilters = notBlank(query.type()) || notBlank(query.status()) || notBlank(query.customer())
                    || notBlank(query.text()) || notBlank(query.sla()) || notBlank(query.tag());
            String countFrom = tasks && !ticketFilters ? "from TicketTaskEntity k where " : from;
            return new Built("select 1 " + countFrom + where, params);
        }
        String created = tasks ? "k.createdAt" : "t.createdAt";
        String priority = tasks ? "k.priority" : "t.priority";
        String order = switch (query.sort() == null ? "PRIORITY" : query.sort().toUpperCase(java.util.Locale.ROOT)) {
            case "DUE" -> "t.slaDueAt asc nulls last, " + priority + " asc, " + created + " asc";
            case "NEWEST" -> created + " desc";
            case "OLDEST" -> created + " asc";
            case "UPDATED" -> "t.updatedAt desc";
            default -> priority + " asc, " + created + " asc";
        };
        String select = tasks ? "select k, t " : "select t, t ";
        return new Built(select + from + where + " order by " + order + ", t.id", params);
    }

    /**
     * "All open tickets" rows are tickets: their open steps' assignees are read in one query and put as a third
     * column, so a claimed ticket shows who has it.
     */
    private static Uni<List<Object[]>> withAssignees(List<Object[]> rows) {
        List<Long> ids = rows.stream().filter(r -> r[0] instanceof TicketEntity).map(r -> ((TicketEntity) r[1]).id)
                .toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(rows);
        }
        return TicketTaskEntity.<TicketTaskEntity>list("ticketId in ?1 and state = 'OPEN' and assignee is not null"
                + " order by createdAt", ids).map(tasks -> {
                    Map<Long, String> names = new HashMap<>();
                    tasks.forEach(t -> names.merge(t.ticketId, t.assignee, (a, b) -> a.equals(b) ? a : a + ", " + b));
                    return rows.stream().map(r -> r[0] instanceof TicketEntity t
                            ? new Object[] {r[0], r[1], names.get(t.id)} : r).toList();
                });
    }

    private static InboxRow toRow(String view, Object[] row) {
        TicketEntity t = (TicketEntity) row[1];
        if (row[0] instanceof TicketTaskEntity k) {
            return new InboxRow(k.taskId, t.number, t.title, t.templateKey, t.priority, t.status, k.nameZh, k.nameEn,
                    k.candidateGroup, k.assignee, t.customerName, k.createdAt, t.updatedAt, t.isTest, t.slaDueAt,
                    t.slaState);
        }
        String[] step = split(t.currentStep);
        return new InboxRow(null, t.number, t.title, t.templateKey, t.priority, t.status, step[0], step[1], null,
                row.length > 2 ? (String) row[2] : null, t.customerName, t.createdAt, t.updatedAt, t.isTest, t.slaDueAt,
                t.slaState);
    }

    /** at-risk / AT_RISK and breached / BREACHED; anything else names the filter and its values. */
    static String slaFilter(String value) {
        String normal = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (!normal.equals(InboxQuery.AT_RISK) && !normal.equals(InboxQuery.BREACHED)) {
            throw new InvalidInput(Text.of("ticket.error.filter"), List.of(FieldError.of("query:sla",
                    Text.of("inbox.error.sla", value, "at-risk, breached"), "enum")));
        }
        return normal;
    }

    static String[] split(String bilingual) {
        if (bilingual == null) {
            return new String[] {"", ""};
        }
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (String part : bilingual.split(", ")) {
            String[] halves = part.split(" / ", 2);
            zh.append(zh.isEmpty() ? "" : ", ").append(halves[0]);
            en.append(en.isEmpty() ? "" : ", ").append(halves.length > 1 ? halves[1] : halves[0]);
        }
        return new String[] {zh.toString(), en.toString()};
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
