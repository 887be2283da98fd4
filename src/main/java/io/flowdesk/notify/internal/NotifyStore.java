package io.flowdesk.notify.internal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Plain reads of identity's and tickets' tables that the hub needs (who a user is, who is in a department, a
 * ticket's customer), in the caller's session. Writes to tickets never happen here.
 */
public final class NotifyStore {

    public record Person(String username, String displayName, String email, String locale, boolean enabled) {
    }

    public record TicketInfo(long id, String number, String title, String priority, String status,
            String customerName, String customerEmail, String customerLocale) {
    }

    public record Robot(String key, String department, String vendor, List<String> events) {
    }

    public record Endpoint(String key, List<String> events) {
    }

    private NotifyStore() {
    }

    public static Uni<Person> person(String username) {
        return rows("select username, display_name, email, locale, enabled from app_user where username = ?1", username)
                .map(rows -> rows.isEmpty() ? null : new Person((String) rows.get(0)[0], (String) rows.get(0)[1],
                        (String) rows.get(0)[2], (String) rows.get(0)[3], Boolean.TRUE.equals(rows.get(0)[4])));
    }

    /** Enabled staff members of a department, by user name. */
    public static Uni<List<String>> members(String department) {
        return rows("select u.username, u.roles from app_user u join user_department d on d.user_id = u.id where "
                + "d.department_key = ?1 and u.enabled order by u.username", department)
                .map(rows -> rows.stream().filter(r -> !String.valueOf(r[1]).toLowerCase().contains("customer"))
                        .map(r -> (String) r[0]).toList());
    }

    public static Uni<TicketInfo> ticket(long id) {
        return rows("select t.id, t.number, t.title, t.priority, t.status, t.customer_name, t.customer_email, "
                + "u.locale from ticket t left join app_user u on u.id = t.customer_user_id where t.id = ?1", id)
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    return new TicketInfo(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                            (String) r[4], (String) r[5], (String) r[6], (String) r[7]);
                });
    }

    /** The user's choice for an event on a channel, else the admins' default ({@code *}), else {@code fallback}. */
    public static Uni<Boolean> wants(String username, String event, String channel, boolean fallback) {
        return rows("select enabled, username from notify_preference where username in (?1, '*') and event = ?2 and channel = ?3 "
                + "order by case when username = '*' then 1 else 0 end limit 1", username, event, channel)
                .map(rows -> rows.isEmpty() ? fallback : Boolean.TRUE.equals(rows.get(0)[0]));
    }

    public record Choice(boolean enabled, boolean digest) {
    }

    /** Like {@link #wants}, with the digest choice: the person's row, else the admins' default, else on, at once. */
    public static Uni<Choice> choice(String username, String event, String channel) {
        return rows("select enabled, digest, username from notify_preference where username in (?1, '*') and event = ?2 "
                + "and channel = ?3 order by case when username = '*' then 1 else 0 end limit 1", username, event,
                channel).map(rows -> rows.isEmpty() ? new Choice(true, false)
                        : new Choice(Boolean.TRUE.equals(rows.get(0)[0]), Boolean.TRUE.equals(rows.get(0)[1])));
    }

    public static Uni<List<Robot>> robots(String department) {
        return rows("select key, department_key, vendor, events from notify_robot where enabled and department_key = ?1 "
                + "order by key", department).map(rows -> rows.stream().map(r -> new Robot((String) r[0],
                        (String) r[1], (String) r[2], split((String) r[3]))).toList());
    }

    public static Uni<List<Endpoint>> endpoints() {
        return rows("select key, events from notify_endpoint where enabled order by key")
                .map(rows -> rows.stream().map(r -> new Endpoint((String) r[0], split((String) r[1]))).toList());
    }

    public static Uni<Boolean> endpointExists(String key) {
        return rows("select key, enabled from notify_endpoint where key = ?1", key).map(rows -> !rows.isEmpty());
    }

    static List<String> split(String events) {
        return events == null || events.isBlank() ? List.of()
                : java.util.Arrays.stream(events.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Uni<List<Object[]>> rows(String sql, Object... args) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < args.length; i++) {
                query.setParameter(i + 1, args[i]);
            }
            return query.getResultList();
        });
    }
}
