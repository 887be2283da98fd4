package io.flowdesk.testing;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Report-scale data made by PostgreSQL itself (for ForecastIT and the benchmarks): ticket rows, their
 * {@code report_ticket_fact} rows and the {@code report_daily} rollup regrouped from those facts exactly as the reports
 * consumer keeps it (ADR 0031), without any event history. Tickets per day follow a week (Monday busiest, weekends
 * about a third), the cn-standard calendar (holidays about a quarter, make-up days like a workday) and a deterministic
 * ±10 % wobble per day; 99.5 % are resolved within two days, the rest stay open (a backlog
 * the size a real desk has, not a fifth of all tickets ever made).
 */
public final class ReportScaleData {

    private ReportScaleData() {
    }

    /**
     * About {@code tickets} tickets of {@code template} created on {@code first}..{@code last} (Asia/Shanghai);
     * numbers {@code prefix-00000001}…, unique per prefix. Returns how many were made.
     */
    public static long load(Statement s, String template, String prefix, LocalDate first, LocalDate last,
            long tickets) throws Exception {
        s.execute("drop table if exists scale_report_day");
        s.execute("""
                create temp table scale_report_day as
                with d as (
                  select g::date as day,
                         (case when c.kind = 'holiday' then 0.25 when c.kind = 'makeup' then 1.0
                               when extract(isodow from g) in (6, 7) then 0.33
                               when extract(isodow from g) = 1 then 1.3 else 1.0 end)
                         * (0.9 + (abs(hashtext(g::date::text)) % 21) / 100.0) as w
                  from generate_series(date 'FIRST', date 'LAST', interval '1 day') g
                  left join calendar_day c on c.calendar_key = 'cn-standard' and c.day = g::date),
                n as (select day, round(w * TICKETS / sum(w) over ())::int as n from d)
                select day, n, coalesce(sum(n) over (order by day rows between unbounded preceding and 1 preceding),
                         0)::bigint as before
                from n""".replace("FIRST", first.toString()).replace("LAST", last.toString())
                .replace("TICKETS", Long.toString(tickets)));
        s.execute("""
                insert into ticket (number, template_version_id, template_key, ticket_type, title, priority, status,
                  channel, customer_name, customer_email, created_by, data_json, engine_state, created_at, updated_at)
                select 'PREFIX-' || lpad((d.before + k)::text, 8, '0'),
                       coalesce((select min(id) from template_version where template_key = 'TEMPLATE'),
                                (select min(id) from template_version)), 'TEMPLATE', 'scale',
                       'report scale #' || (d.before + k), 'P' || (1 + (d.before + k) % 4), 'OPEN',
                       (array['web', 'email', 'api', 'portal'])[1 + (d.before + k) % 4], '客户 ' || k,
                       'c' || k || '@example.com', 'agent1', '{}', 'ACTIVE',
                       (d.day + time '09:00' + ((k * 7) % 540) * interval '1 minute') at time zone 'Asia/Shanghai',
                       (d.day + time '09:00' + ((k * 7) % 540) * interval '1 minute') at time zone 'Asia/Shanghai'
                from scale_report_day d cross join lateral generate_series(1, d.n) k"""
                .replace("PREFIX", prefix).replace("TEMPLATE", template));
        s.execute("""
                insert into report_ticket_fact (ticket_id, number, template_key, department, channel, priority, agent,
                  calendar_key, created_at, created_day, first_reply_at, first_reply_minutes, first_reply_working,
                  first_resolved_at, resolution_minutes, resolution_working, resolved_at, resolved_day,
                  full_resolution_minutes, full_resolution_working, reopened_count, staff_replies, customer_replies,
                  fcr, csat, last_event_id)
                select t.id, t.number, t.template_key, (array['cs-l1', 'it', 'finance', 'warehouse'])[1 + t.id % 4],
                       t.channel, t.priority, 'agent' || (1 + t.id % 3), 'cn-standard', t.created_at,
                       (t.created_at at time zone 'Asia/Shanghai')::date,
                       t.created_at + (10 + t.id % 110) * interval '1 minute', 10 + t.id % 110, 10 + t.id % 110,
                       r.at, r.minutes, r.minutes / 3, r.at, (r.at at time zone 'Asia/Shanghai')::date, r.minutes,
                       r.minutes / 3, (t.id % 17 = 0)::int, 1 + t.id % 3, t.id % 2, r.at is not null and t.id % 3 = 0,
                       case when r.at is null or t.id % 4 = 0 then null else 1 + t.id % 5 end, 0
                from ticket t
                cross join lateral (select case when t.id % 200 = 0 then null else 30 + (t.id * 37) % 2880 end
                  as minutes)
                  m
                cross join lateral (select t.created_at + m.minutes * interval '1 minute' as at, m.minutes) r
                where t.number like 'PREFIX-%' and not exists (select 1 from report_ticket_fact f
                  where f.ticket_id = t.id)""".replace("PREFIX", prefix));
        s.execute("""
                insert into report_daily (day, template_key, department, channel, priority, created, resolved,
                  reopened, first_reply_count, first_reply_working_sum, resolution_count, resolution_working_sum)
                select day, template_key, department, channel, priority, sum(c), sum(r), sum(ro), sum(frc), sum(frs),
                       sum(rc), sum(rs)
                from (select created_day as day, template_key, department, channel, priority, 1 as c, 0 as r,
                             0 as ro, (first_reply_working is not null)::int as frc,
                             coalesce(first_reply_working, 0) as frs, 0 as rc, 0 as rs
                      from report_ticket_fact where number like 'PREFIX-%'
                      union all
                      select resolved_day, template_key, department, channel, priority, 0, 1,
                             (reopened_count > 0)::int, 0, 0, (resolution_working is not null)::int,
                             coalesce(resolution_working, 0)
                      from report_ticket_fact where number like 'PREFIX-%' and resolved_day is not null) x
                group by 1, 2, 3, 4, 5
                on conflict (day, template_key, department, channel, priority) do update set
                  created = report_daily.created + excluded.created,
                  resolved = report_daily.resolved + excluded.resolved,
                  reopened = report_daily.reopened + excluded.reopened,
                  first_reply_count = report_daily.first_reply_count + excluded.first_reply_count,
                  first_reply_working_sum = report_daily.first_reply_working_sum + excluded.first_reply_working_sum,
                  resolution_count = report_daily.resolution_count + excluded.resolution_count,
                  resolution_working_sum = report_daily.resolution_working_sum + excluded.resolution_working_sum"""
                .replace("PREFIX", prefix));
        try (ResultSet rs = s.executeQuery("select coalesce(sum(n), 0) from scale_report_day")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
