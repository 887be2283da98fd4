package io.flowdesk.testing;

import java.sql.Statement;

/** Deterministic inbox-scale data made by PostgreSQL itself (for InboxScaleIT and the benchmarks). */
public final class ScaleData {

    private ScaleData() {
    }

    /** Tickets {@code from..to}, one open task each (40% customer service), priorities and phones spread. */
    public static void load(Statement s, int from, int to) throws Exception {
        s.execute("""
                insert into ticket (number, template_version_id, template_key, ticket_type, title, priority, status,
                  channel, customer_name, customer_email, customer_phone, created_by, data_json, engine_state,
                  current_step, created_at, updated_at)
                select 'FD-2025-' || lpad(g::text, 7, '0'), (select min(id) from template_version
                         where template_key = 'ecommerce-refund'), 'ecommerce-refund', 'refund',
                       '退款 refund #' || g, 'P' || (1 + (g % 4)), 'OPEN', 'api', '客户 ' || (g % 5000),
                       'c' || (g % 5000) || '@example.com', '138' || lpad((g % 100000)::text, 8, '0'), 'agent1',
                       '{"orderNo":"X-' || g || '"}', 'ACTIVE', '客服受理 / Agent review',
                       now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
                from generate_series(FROM, TO) g""".replace("FROM", Integer.toString(from))
                .replace("TO", Integer.toString(to)));
        s.execute("""
                insert into ticket_task (task_id, ticket_id, task_def_key, name_zh, name_en, form_key,
                  form_version, candidate_group, ticket_status, state, priority, created_at)
                select 'scale-' || t.id, t.id, 'taskReview', '客服受理', 'Agent review', 'refund-review', 1,
                       (array['customer-service','customer-service','warehouse','finance','it-support'])
                         [1 + (t.id % 5)], 'OPEN', 'OPEN', t.priority, t.created_at
                from ticket t where t.number like 'FD-2025-%' and not exists
                  (select 1 from ticket_task k where k.ticket_id = t.id)""");
    }
}
