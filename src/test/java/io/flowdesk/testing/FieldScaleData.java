package io.flowdesk.testing;

import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Refund tickets with form data made by PostgreSQL itself (the field-report benchmark), and the full recomputation of
 * {@code report_field_daily} from the ticket rows in one SQL statement: what the incremental rollup must equal
 * (ADR 0035), and the benchmark's backfill.
 */
public final class FieldScaleData {

    private FieldScaleData() {
    }

    /** Tickets {@code from..to} of ecommerce-refund, created one per 30 s back from now, reasons and amounts spread. */
    public static void load(Statement s, int from, int to) throws Exception {
        s.execute("""
                insert into ticket (number, template_version_id, template_key, ticket_type, title, priority, status,
                  channel, customer_name, created_by, data_json, engine_state, created_at, updated_at)
                select 'FR-' || lpad(g::text, 8, '0'), (select min(id) from template_version
                         where template_key = 'ecommerce-refund'), 'ecommerce-refund', 'refund',
                       'refund #' || g, 'P' || (1 + (g % 4)), 'OPEN', (array['web','api','email'])[1 + g % 3],
                       '客户 ' || (g % 5000), 'agent1',
                       json_build_object('orderNo', 'X-' || (g % 20000), 'reason', (array['damaged','wrong-item',
                         'not-received','no-longer-needed','other'])[1 + (g * 7) % 5], 'refundAmount',
                         round(((g % 1000) + 0.5)::numeric, 2), 'approved', g % 3 = 0)::text,
                       'ACTIVE', now() - (g * 30 || ' seconds')::interval, now() - (g * 30 || ' seconds')::interval
                from generate_series(FROM, TO) g""".replace("FROM", Integer.toString(from))
                .replace("TO", Integer.toString(to)));
    }

    /**
     * The rollup rows of a template recomputed from the ticket rows (non-test; {@code channel} null = all): the same
     * columns as {@code report_field_daily}, for the given group and sum fields.
     */
    public static String recompute(String template, String channel, String zone, List<String> groups,
            List<String> sums) {
        return """
                with t as (
                  select (t.created_at at time zone 'ZONE')::date as day, t.channel, t.priority,
                         coalesce((select e.details_json::jsonb ->> 'department' from ticket_event e where
                           e.ticket_id = t.id and e.kind = 'TASK_STARTED' order by e.id limit 1), '') as department,
                         t.data_json::jsonb as d
                  from ticket t where t.template_key = 'TEMPLATE' and not t.is_test CHANNEL)
                select 'TEMPLATE' as template_key, g.f as group_field, s.f as sum_field, day,
                       case when g.f <> '' and jsonb_typeof(d -> g.f) in ('string', 'boolean')
                            then left(d ->> g.f, 200) else '' end as group_value,
                       department, channel, priority, count(*) as count,
                       coalesce(sum(case when s.f <> '' and jsonb_typeof(d -> s.f) = 'number'
                                         then (d ->> s.f)::numeric end), 0) as sum
                from t cross join unnest(array[GROUPS]) g(f) cross join unnest(array[SUMS]) s(f)
                group by 1, 2, 3, 4, 5, 6, 7, 8"""
                .replace("TEMPLATE", template).replace("ZONE", zone)
                .replace("CHANNEL", channel == null ? "" : "and t.channel = '" + channel + "'")
                .replace("GROUPS", array(groups)).replace("SUMS", array(sums));
    }

    private static String array(List<String> fields) {
        return "''" + fields.stream().map(f -> ", '" + f.replace("'", "''") + "'").collect(Collectors.joining());
    }
}
