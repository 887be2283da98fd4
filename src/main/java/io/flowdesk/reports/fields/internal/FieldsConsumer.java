package io.flowdesk.reports.fields.internal;

import io.flowdesk.reports.fields.FieldCatalogue;
import io.flowdesk.reports.internal.RollupReset;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Sessions;
import io.flowdesk.shared.SqlTime;
import io.flowdesk.tickets.TicketEvent;
import io.flowdesk.tickets.TicketEventConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code report-fields} consumer: for every ticket a batch touches, the ticket's current form data (the
 * ticket row, where every channel and task completion merges it) becomes a {@link Snapshot}; the rollup
 * {@code report_field_daily} moves by the difference to the stored one, in the batch's transaction, so it commits
 * with the cursor (exactly once). Test tickets have no snapshot. A new cursor starts at 0: the first run is the
 * backfill.
 */
@ApplicationScoped
public class FieldsConsumer implements TicketEventConsumer {

    public static final String NAME = "report-fields";

    @Inject
    FieldCatalogue catalogues;

    @ConfigProperty(name = "flowdesk.reports.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Void> handle(List<TicketEvent> events) {
        Set<Long> tickets = new LinkedHashSet<>();
        events.forEach(e -> tickets.add(e.ticketId()));
        Map<String, FieldCatalogue.Catalogue> known = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (long id : tickets) {
            chain = chain.chain(() -> ticket(id, known)).chain(Sessions::flushAndClear);
        }
        return chain;
    }

    /** Forgets the rollup and moves the cursor back to 0 under its row lock: the next drain rebuilds it. */
    public Uni<Void> reset() {
        return RollupReset.reset(NAME, "report_field_daily", "report_field_ticket");
    }

    private Uni<Void> ticket(long id, Map<String, FieldCatalogue.Catalogue> known) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select t.template_key, t.channel, t.priority, "
                + "t.created_at, t.is_test, t.data_json, coalesce((select e.details_json::jsonb ->> 'department' from "
                + "ticket_event e where e.ticket_id = t.id and e.kind = 'TASK_STARTED' order by e.id limit 1), '') "
                + "from ticket t where t.id = ?1", Object[].class).setParameter(1, id).getResultList()
                .chain(rows -> old(id).chain(before -> {
                    if (rows.isEmpty() || Boolean.TRUE.equals(rows.get(0)[4])) {
                        return before == null ? Uni.createFrom().voidItem() : apply(Snapshot.delta(before, null))
                                .chain(() -> s.createNativeQuery("delete from report_field_ticket where ticket_id = ?1")
                                        .setParameter(1, id).executeUpdate()).replaceWithVoid();
                    }
                    Object[] r = rows.get(0);
                    String template = (String) r[0];
                    return catalogue(template, known).chain(catalogue -> {
                        LocalDate day = SqlTime.instant(r[3]).atZone(zone).toLocalDate();
                        Snapshot after = Snapshot.of(template, day, (String) r[6], (String) r[1], (String) r[2],
                                Json.parse((String) r[5]), catalogue);
                        if (after.sameAs(before)) {
                            return Uni.createFrom().voidItem();
                        }
                        return apply(Snapshot.delta(before, after)).chain(() -> s.createNativeQuery("insert into "
                                + "report_field_ticket (ticket_id, template_key, day, department, channel, priority, "
                                + "groups_json, sums_json) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict "
                                + "(ticket_id) do update set template_key = excluded.template_key, day = excluded.day, "
                                + "department = excluded.department, channel = excluded.channel, priority = "
                                + "excluded.priority, groups_json = excluded.groups_json, sums_json = excluded.sums_json")
                                .setParameter(1, id).setParameter(2, template).setParameter(3, day)
                                .setParameter(4, after.department()).setParameter(5, after.channel())
                                .setParameter(6, after.priority()).setParameter(7, after.groupsJson())
                                .setParameter(8, after.sumsJson()).executeUpdate()).replaceWithVoid();
                    });
                })));
    }

    private Uni<FieldCatalogue.Catalogue> catalogue(String template, Map<String, FieldCatalogue.Catalogue> known) {
        if (known.containsKey(template)) {
            return Uni.createFrom().item(known.get(template));
        }
        return catalogues.of(template).invoke(c -> known.put(template, c));
    }

    private static Uni<Snapshot> old(long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select template_key, day, department, channel, "
                + "priority, groups_json, sums_json from report_field_ticket where ticket_id = ?1", Object[].class)
                .setParameter(1, id).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    LocalDate day = r[1] instanceof LocalDate d ? d : ((java.sql.Date) r[1]).toLocalDate();
                    return Snapshot.read((String) r[0], day, (String) r[2], (String) r[3], (String) r[4],
                            (String) r[5], (String) r[6]);
                });
    }

    /** One multi-row upsert for the whole delta, then the rows that fell to zero tickets are removed. */
    private static Uni<Void> apply(Map<Snapshot.Key, Object[]> delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("insert into report_field_daily (template_key, group_field, sum_field, "
                + "day, group_value, department, channel, priority, count, sum) values ");
        int p = 1;
        for (int i = 0; i < delta.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(');
            for (int c = 0; c < 10; c++) {
                sql.append(c == 0 ? "" : ", ").append('?').append(p++);
            }
            sql.append(')');
        }
        sql.append(" on conflict (template_key, group_field, sum_field, day, group_value, department, channel, "
                + "priority) do update set count = report_field_daily.count + excluded.count, sum = "
                + "report_field_daily.sum + excluded.sum");
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString());
            int at = 1;
            for (var e : delta.entrySet()) {
                Snapshot.Key k = e.getKey();
                q.setParameter(at++, k.template()).setParameter(at++, k.groupField()).setParameter(at++, k.sumField())
                        .setParameter(at++, k.day()).setParameter(at++, k.value()).setParameter(at++, k.department())
                        .setParameter(at++, k.channel()).setParameter(at++, k.priority())
                        .setParameter(at++, (long) e.getValue()[0]).setParameter(at++, (BigDecimal) e.getValue()[1]);
            }
            Uni<Integer> done = q.executeUpdate();
            for (var day : delta.keySet().stream().map(k -> java.util.List.of(k.template(), k.day())).distinct()
                    .toList()) {
                done = done.chain(() -> s.createNativeQuery("delete from report_field_daily where template_key = ?1 "
                        + "and day = ?2 and count = 0").setParameter(1, day.get(0)).setParameter(2, day.get(1))
                        .executeUpdate());
            }
            return done;
        }).replaceWithVoid();
    }
}
