package io.flowdesk.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inbox query of {@link InboxService} as plain SQL for JDBC (ADR 0040): the export streams with a fetch size,
 * which Hibernate Reactive cannot. It is the same query, rendered once more — entity names become tables, properties
 * become their snake_case columns, named parameters become positional — so a list and its export can never select
 * by different rules. {@code InboxExportTest} compares the two.
 */
final class InboxSql {

    private static final Pattern PROPERTY = Pattern.compile("\\b([ktg])\\.([a-z][A-Za-z]*)\\b");
    private static final Pattern PARAM = Pattern.compile(":([a-zA-Z]+)");

    /** Columns read into an {@link InboxRow}: a task row (MINE, QUEUE) or a ticket row (OPEN). */
    static final String TASK_COLUMNS = "select k.task_id, t.number, t.title, t.template_key, t.priority, t.status, "
            + "k.name_zh, k.name_en, k.candidate_group, k.assignee, t.customer_name, k.created_at, t.updated_at, "
            + "t.is_test, t.sla_due_at, t.sla_state ";
    static final String TICKET_COLUMNS = "select null, t.number, t.title, t.template_key, t.priority, t.status, "
            + "t.current_step, null, null, (select string_agg(a.assignee, ', ' order by a.created_at) from ticket_task "
            + "a where a.ticket_id = t.id and a.state = 'OPEN' and a.assignee is not null), t.customer_name, "
            + "t.created_at, t.updated_at, t.is_test, t.sla_due_at, t.sla_state ";

    private InboxSql() {
    }

    /** The statement and its parameters in order ({@link List} values bind as a text array). */
    record Statement(String sql, List<Object> params, boolean tasks) {
    }

    static Statement of(InboxService.Built built, boolean count) {
        String hql = built.hql();
        boolean tasks = hql.startsWith("select k, t ") || hql.contains("from TicketTaskEntity k");
        String rest = hql.substring(hql.indexOf("from "));
        String sql = rest.replaceAll("\\bTicketTaskEntity\\b", "ticket_task").replaceAll("\\bTicketTagEntity\\b",
                "ticket_tag").replaceAll("\\bTicketEntity\\b", "ticket").replace(" in :groups", " = any(:groups)");
        sql = replace(PROPERTY, sql, m -> m.group(1) + "." + snake(m.group(2)));
        List<Object> params = new ArrayList<>();
        Map<String, Object> named = built.params();
        sql = replace(PARAM, sql, m -> {
            if (!named.containsKey(m.group(1))) {
                throw new IllegalStateException("unbound inbox parameter " + m.group(1));
            }
            params.add(named.get(m.group(1)));
            return "?";
        });
        String select = count ? "select count(*) " : tasks ? TASK_COLUMNS : TICKET_COLUMNS;
        if (count) {
            sql = sql.replaceFirst(" order by .*$", "");
        }
        return new Statement(select + sql, params, tasks);
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String replace(Pattern p, String in, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(in);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
