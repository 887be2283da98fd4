package io.flowdesk.reports.lists.internal;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.fields.ExportKind;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.InboxExport;
import io.flowdesk.tickets.InboxQuery;
import io.flowdesk.tickets.InboxRow;
import io.flowdesk.tickets.InboxService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kind {@code inbox}: an inbox view with its filters (ADR 0040), every row the user's list holds, in its order. Open
 * to everyone with an inbox; what they get is what {@link InboxService} shows them.
 */
@ApplicationScoped
public class InboxListExport implements ExportKind {

    /** The inbox's REST parameters ({@code GET /api/inbox}). */
    static final List<String> PARAMS = List.of("view", "type", "priority", "status", "customer", "q", "sort", "sla",
            "tag");

    public static final List<String> COLUMNS = List.of("number", "title", "template", "priority", "status", "step",
            "department", "assignee", "customer", "created_at", "updated_at", "sla_due_at", "sla_state", "test");

    @Inject
    InboxExport inbox;

    @Override
    public String id() {
        return "inbox";
    }

    @Override
    public List<String> params() {
        return PARAMS;
    }

    @Override
    public void allowed(CurrentUser user) {
        if (InboxService.views(user).isEmpty()) {
            throw new Forbidden(Text.of("ticket.error.inboxView"));
        }
    }

    @Override
    public void check(CurrentUser user, Map<String, String> params, Locale locale) {
        inbox.check(user, query(params));
    }

    @Override
    public Source open(CurrentUser user, Map<String, String> params, Locale locale) {
        InboxQuery query = query(params);
        boolean zh = "zh".equals(locale.getLanguage());
        return new Source(COLUMNS, inbox.count(user, query), sink -> inbox.each(user, query, r -> sink.row(cells(r,
                zh))), "inbox-" + (query.view() == null ? InboxQuery.MINE : query.view()).toLowerCase(Locale.ROOT));
    }

    static InboxQuery query(Map<String, String> p) {
        return new InboxQuery(p.getOrDefault("view", InboxQuery.MINE), p.get("type"), p.get("priority"),
                p.get("status"), p.get("customer"), p.get("q"), p.getOrDefault("sort", "PRIORITY"), p.get("sla"),
                p.get("tag"));
    }

    /** The query as job parameters (the inbox view's current filters). */
    public static Map<String, String> params(InboxQuery q) {
        Map<String, String> p = new java.util.HashMap<>();
        put(p, "view", q.view());
        put(p, "type", q.type());
        put(p, "priority", q.priority());
        put(p, "status", q.status());
        put(p, "customer", q.customer());
        put(p, "q", q.text());
        put(p, "sort", q.sort());
        put(p, "sla", q.sla());
        put(p, "tag", q.tag());
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    /** One row as cells, in {@link #COLUMNS} order; the step in the job's language. */
    public static Object[] cells(InboxRow r, boolean zh) {
        return new Object[] {r.number(), r.title(), r.type(), r.priority(), r.status(), zh ? r.stepZh() : r.stepEn(),
            r.department(), r.assignee(), r.customerName(), instant(r.createdAt()), instant(r.updatedAt()),
            instant(r.slaDueAt()), r.slaState(), r.test()};
    }

    private static java.time.Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
