package io.flowdesk.reports.internal;

import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.Calendars;
import io.flowdesk.sla.SlaPolicies;
import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.shared.Sessions;
import io.flowdesk.tickets.TicketEvent;
import io.flowdesk.tickets.TicketEventConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code reports} consumer: every ticket a batch touches gets its fact row recomputed from its whole history and
 * {@code report_daily} moved by the difference, all in the batch's transaction, so the rollups commit together with
 * the cursor (exactly once). A new cursor starts at 0: the first run is the backfill of existing history.
 */
@ApplicationScoped
public class ReportsConsumer implements TicketEventConsumer {

    public static final String NAME = "reports";

    @Inject
    Calendars calendars;

    @Inject
    SlaPolicies policies;

    @ConfigProperty(name = "flowdesk.reports.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @ConfigProperty(name = "flowdesk.reports.fcr", defaultValue = FactBuilder.FCR_DEFAULT)
    String fcr;

    @Override
    public String name() {
        return NAME;
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public Uni<Void> handle(List<TicketEvent> events) {
        Set<Long> tickets = new LinkedHashSet<>();
        events.forEach(e -> tickets.add(e.ticketId()));
        return policies.list().chain(all -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (long id : tickets) {
                chain = chain.chain(() -> ticket(id, all)).chain(Sessions::flushAndClear);
            }
            return chain;
        });
    }

    /**
     * Forgets every rollup and moves the cursor back to 0 (under the cursor's row lock, so no batch is in flight):
     * the next drain rebuilds everything from the stream. For a changed definition (e.g. the FCR setting) and tests.
     */
    public Uni<Void> reset() {
        return RollupReset.reset(NAME, "report_daily", "report_hourly", "report_ticket_fact");
    }

    private Uni<Void> ticket(long id, List<SlaPolicy> all) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select t.number, t.template_key, "
                + "t.channel, t.priority, t.created_at, t.is_test, coalesce(case when u.tier = 'vip' or o.tier = 'vip' "
                + "then 'vip' else u.tier end, 'standard'), t.data_json from ticket t left join app_user u on u.id = "
                + "t.customer_user_id left join organisation o on o.key = u.organisation_key where t.id = ?1",
                Object[].class).setParameter(1, id).getResultList()
                .chain(rows -> {
                    if (rows.isEmpty() || Boolean.TRUE.equals(rows.get(0)[5])) {
                        return FactEntity.findById(id).chain(old -> old == null ? Uni.createFrom().voidItem()
                                : apply(Daily.contribution((FactEntity) old, -1), null)
                                        .chain(() -> applyHours(Hourly.contribution((FactEntity) old, -1), null))
                                        .chain(() -> ((FactEntity) old).delete()));
                    }
                    Object[] r = rows.get(0);
                    var ticket = new FactBuilder.Ticket(id, (String) r[0], (String) r[1], (String) r[2],
                            (String) r[3], instant(r[4]));
                    SlaPolicy policy = all.stream().filter(p -> p.matches(new SlaPolicy.Facts(ticket.templateKey(),
                            ticket.priority(), (String) r[6], ticket.channel()))).findFirst().orElse(null);
                    return calendar(policy).chain(calendar -> history(id).chain(history -> {
                        Fact fact = FactBuilder.build(ticket, history, calendar, zone, fcr);
                        return FactEntity.<FactEntity>findById(id).chain(old -> {
                            Map<Daily.Key, long[]> removed = Daily.contribution(old, -1);
                            Map<Hourly.Key, long[]> removedHours = Hourly.contribution(old, -1);
                            FactEntity row = old == null ? new FactEntity() : old;
                            row.set(fact);
                            row.category = category((String) r[7]);
                            return (old == null ? row.persist() : Uni.createFrom().item(row))
                                    .chain(() -> apply(removed, row)).chain(() -> applyHours(removedHours, row))
                                    .chain(() -> gaps(fact));
                        });
                    }));
                }));
    }

    private static Uni<Void> applyHours(Map<Hourly.Key, long[]> removed, FactEntity after) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var entry : Daily.delta(removed, Hourly.contribution(after, 1), Hourly.WIDTH)) {
            Hourly.Key k = entry.getKey();
            long[] v = entry.getValue();
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("insert into report_hourly "
                    + "(hour, template_key, department, channel, priority, agent, created, resolved) values (?1, ?2, "
                    + "?3, ?4, ?5, ?6, ?7, ?8) on conflict (hour, template_key, department, channel, priority, agent) "
                    + "do update set created = report_hourly.created + excluded.created, "
                    + "resolved = report_hourly.resolved + excluded.resolved")
                    .setParameter(1, k.hour()).setParameter(2, k.template()).setParameter(3, k.department())
                    .setParameter(4, k.channel()).setParameter(5, k.priority()).setParameter(6, k.agent())
                    .setParameter(7, (int) v[0]).setParameter(8, (int) v[1]).executeUpdate().replaceWithVoid()));
        }
        return chain;
    }

    /** The ticket's next responses ({@code report_reply_gap}), rewritten whole; they go with the fact row. */
    private static Uni<Void> gaps(Fact fact) {
        Uni<Void> chain = Panache.getSession().chain(s -> s.flush().chain(() -> s.createNativeQuery(
                "delete from report_reply_gap where ticket_id = ?1").setParameter(1, fact.ticketId())
                .executeUpdate())).replaceWithVoid();
        int seq = 0;
        for (Fact.ReplyGap gap : fact.nextReplies()) {
            int n = ++seq;
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("insert into "
                    + "report_reply_gap (ticket_id, seq, asked_at, replied_at, replied_day, minutes, working) values "
                    + "(?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, fact.ticketId()).setParameter(2, n)
                    .setParameter(3, gap.askedAt().atOffset(java.time.ZoneOffset.UTC))
                    .setParameter(4, gap.repliedAt().atOffset(java.time.ZoneOffset.UTC))
                    .setParameter(5, gap.repliedDay()).setParameter(6, gap.minutes()).setParameter(7, gap.working())
                    .executeUpdate()).replaceWithVoid());
        }
        return chain;
    }

    private Uni<BusinessCalendar> calendar(SlaPolicy policy) {
        String key = policy == null ? Calendars.DEFAULT_KEY : policy.calendar();
        return calendars.get(key).onFailure().recoverWithUni(() -> calendars.defaultCalendar());
    }

    private static Uni<Void> apply(Map<Daily.Key, long[]> removed, FactEntity after) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var entry : Daily.delta(removed, after)) {
            Daily.Key k = entry.getKey();
            long[] v = entry.getValue();
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("insert into report_daily "
                    + "(day, template_key, department, channel, priority, created, resolved, reopened, "
                    + "first_reply_count, first_reply_working_sum, resolution_count, resolution_working_sum) values "
                    + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) on conflict (day, template_key, department, "
                    + "channel, priority) do update set created = report_daily.created + excluded.created, "
                    + "resolved = report_daily.resolved + excluded.resolved, "
                    + "reopened = report_daily.reopened + excluded.reopened, "
                    + "first_reply_count = report_daily.first_reply_count + excluded.first_reply_count, "
                    + "first_reply_working_sum = report_daily.first_reply_working_sum + excluded.first_reply_working_sum, "
                    + "resolution_count = report_daily.resolution_count + excluded.resolution_count, "
                    + "resolution_working_sum = report_daily.resolution_working_sum + excluded.resolution_working_sum")
                    .setParameter(1, k.day()).setParameter(2, k.template()).setParameter(3, k.department())
                    .setParameter(4, k.channel()).setParameter(5, k.priority()).setParameter(6, (int) v[0])
                    .setParameter(7, (int) v[1]).setParameter(8, (int) v[2]).setParameter(9, (int) v[3])
                    .setParameter(10, v[4]).setParameter(11, (int) v[5]).setParameter(12, v[6]).executeUpdate()
                    .replaceWithVoid()));
        }
        return chain;
    }

    private static Uni<List<TicketEvent>> history(long ticketId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, ticket_id, at, kind, actor, task_id, "
                + "details_json, internal from ticket_event where ticket_id = ?1 order by id", Object[].class)
                .setParameter(1, ticketId).getResultList())
                .map(rows -> {
                    List<TicketEvent> events = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        events.add(new TicketEvent(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                                instant(r[2]), (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                                Boolean.TRUE.equals(r[7])));
                    }
                    return events;
                });
    }

    /** The ticket data's top-level {@code category} (the form field of that name), at most 100 characters. */
    static String category(String dataJson) {
        try {
            var value = dataJson == null ? null : io.flowdesk.shared.Json.parse(dataJson).get("category");
            String text = value == null || !value.isValueNode() || value.isNull() ? "" : value.asText().strip();
            return text.length() > 100 ? text.substring(0, 100) : text;
        } catch (RuntimeException malformed) {
            return "";
        }
    }

    static Instant instant(Object value) {
        return io.flowdesk.shared.SqlTime.instant(value);
    }
}
