package io.flowdesk.notify;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.notify.internal.DeliveryStore;
import io.flowdesk.notify.internal.Digests;
import io.flowdesk.notify.internal.RobotChannel;
import io.flowdesk.notify.internal.RobotFormats;
import io.flowdesk.notify.internal.Schedules;
import io.flowdesk.notify.internal.WebhookChannel;
import io.flowdesk.notify.internal.Secrets;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What admins configure and read: department robots and webhook endpoints (URL and secret sealed, never shown
 * again), the delivery log with replay of failed deliveries, and the preferences (a person's own; admins' defaults
 * under the user name {@code *}).
 */
@ApplicationScoped
public class NotifyAdmin {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @Inject
    Secrets secrets;

    public record RobotRequest(String key, String department, String vendor, String url, String secret,
            List<String> events, String locale, Boolean enabled) {
    }

    public record RobotView(String key, String department, String vendor, List<String> events, String locale,
            boolean enabled, boolean hasSecret) {
    }

    public record EndpointRequest(String key, String url, String secret, List<String> events, Boolean enabled) {
    }

    public record EndpointView(String key, List<String> events, boolean enabled) {
    }

    public record DeliveryView(long id, String key, String channel, String recipient, Long ticketId, String kind,
            String status, int attempts, String reason, Long mergedInto, String createdAt, String sentAt,
            Long digestId) {
    }

    /**
     * One choice: on/off and, for e-mail, at once or in the daily digest ({@code digest} null on input: keep).
     * {@code inherited} (output only): the person made no choice here, so the admins' default applies.
     */
    public record Preference(String event, String channel, boolean enabled, Boolean digest, Boolean inherited) {

        public Preference(String event, String channel, boolean enabled) {
            this(event, channel, enabled, null, null);
        }
    }

    /** Quiet hours ({@code off}, {@code calendar}, {@code window} with {@code from}–{@code to}, HH:mm) and digest time. */
    public record Schedule(String quiet, String from, String to, String digestAt, String calendar) {
    }

    public record CapView(String channel, int max, int minutes) {
    }

    public record Department(String key, String nameZh, String nameEn) {
    }

    /** Creates or replaces a robot; a blank URL or secret on an existing robot keeps the stored one. */
    public Uni<RobotView> saveRobot(CurrentUser user, RobotRequest r) {
        admin(user);
        List<FieldError> errors = new ArrayList<>();
        key(r.key(), errors);
        if (r.vendor() == null || !RobotFormats.VENDORS.contains(r.vendor())) {
            errors.add(FieldError.of("/vendor", Text.of("notify.error.vendor"), "enum"));
        }
        events(r.events(), errors);
        boolean newUrl = r.url() != null && !r.url().isBlank();
        if (newUrl) {
            url(r.url(), errors);
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("notify.error.invalid"), errors));
        }
        String url = newUrl ? secrets.seal(r.url().trim()) : null;
        String secret = r.secret() == null || r.secret().isBlank() ? null : secrets.seal(r.secret().trim());
        String locale = "en".equals(r.locale()) ? "en" : "zh-CN";
        return Panache.withTransaction(() -> sql("select key, department_key from notify_robot where key = ?1",
                r.key()).chain(existing -> {
                    if (existing.isEmpty() && url == null) {
                        return Uni.createFrom().failure(new InvalidInput(Text.of("notify.error.invalid"),
                                List.of(FieldError.of("/url", Text.of("notify.error.url"), "required"))));
                    }
                    return sql("select key, name_en from department where key = ?1", r.department())
                            .chain(dept -> {
                                if (dept.isEmpty()) {
                                    return Uni.createFrom().failure(new InvalidInput(Text.of("notify.error.invalid"),
                                            List.of(FieldError.of("/department", Text.of("notify.error.department"),
                                                    "exists"))));
                                }
                                return update("insert into notify_robot (key, department_key, vendor, url_sealed, "
                                        + "secret_sealed, events, locale, enabled, created_at) values (?1, ?2, ?3, "
                                        + "coalesce(?4, ''), ?5, ?6, ?7, ?8, ?9) on conflict (key) do update set "
                                        + "department_key = ?2, vendor = ?3, url_sealed = coalesce(?4, "
                                        + "notify_robot.url_sealed), secret_sealed = coalesce(?5, "
                                        + "notify_robot.secret_sealed), events = ?6, locale = ?7, enabled = ?8",
                                        r.key(), r.department(), r.vendor(), url, secret, String.join(",", r.events()),
                                        locale, r.enabled() == null || r.enabled(), FlowClock.offsetNow());
                            });
                })).chain(() -> robots(user)).map(list -> list.stream().filter(v -> v.key().equals(r.key()))
                        .findFirst().orElseThrow());
    }

    public Uni<List<RobotView>> robots(CurrentUser user) {
        admin(user);
        return Panache.withSession(() -> sql("select key, department_key, vendor, events, locale, enabled, "
                + "secret_sealed is not null from notify_robot order by department_key, key")).map(rows -> rows.stream()
                        .map(r -> new RobotView((String) r[0], (String) r[1], (String) r[2], split((String) r[3]),
                                (String) r[4], Boolean.TRUE.equals(r[5]), Boolean.TRUE.equals(r[6]))).toList());
    }

    public Uni<EndpointView> saveEndpoint(CurrentUser user, EndpointRequest r) {
        admin(user);
        List<FieldError> errors = new ArrayList<>();
        key(r.key(), errors);
        if (r.events() == null || r.events().isEmpty()) {
            errors.add(FieldError.of("/events", Text.of("notify.error.events"), "required"));
        }
        boolean newUrl = r.url() != null && !r.url().isBlank();
        if (newUrl) {
            url(r.url(), errors);
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("notify.error.invalid"), errors));
        }
        String url = newUrl ? secrets.seal(r.url().trim()) : null;
        String secret = r.secret() == null || r.secret().isBlank() ? null : secrets.seal(r.secret());
        return Panache.withTransaction(() -> sql("select key, enabled from notify_endpoint where key = ?1", r.key())
                .chain(existing -> {
                    if (existing.isEmpty() && (url == null || secret == null)) {
                        return Uni.createFrom().failure(new InvalidInput(Text.of("notify.error.invalid"), List.of(
                                FieldError.of(url == null ? "/url" : "/secret", Text.of("notify.error.required"),
                                        "required"))));
                    }
                    return update("insert into notify_endpoint (key, url_sealed, secret_sealed, events, enabled, "
                            + "created_at) values (?1, coalesce(?2, ''), coalesce(?3, ''), ?4, ?5, ?6) on conflict "
                            + "(key) do update set url_sealed = coalesce(?2, notify_endpoint.url_sealed), "
                            + "secret_sealed = coalesce(?3, notify_endpoint.secret_sealed), events = ?4, enabled = ?5",
                            r.key(), url, secret, String.join(",", r.events()), r.enabled() == null || r.enabled(),
                            FlowClock.offsetNow());
                })).replaceWith(new EndpointView(r.key(), List.copyOf(r.events()), r.enabled() == null || r.enabled()));
    }

    public Uni<List<EndpointView>> endpoints(CurrentUser user) {
        admin(user);
        return Panache.withSession(() -> sql("select key, events, enabled from notify_endpoint order by key"))
                .map(rows -> rows.stream().map(r -> new EndpointView((String) r[0], split((String) r[1]),
                        Boolean.TRUE.equals(r[2]))).toList());
    }

    /** The newest deliveries, optionally of one channel and status. */
    public Uni<List<DeliveryView>> deliveries(CurrentUser user, String channel, String status, int limit) {
        admin(user);
        return Panache.withSession(() -> sql("select id, delivery_key, channel, recipient, ticket_id, kind, status, "
                + "attempts, reason, merged_into, created_at, sent_at, digest_id from notify_delivery where (?1 = '' or channel = ?1) "
                + "and (?2 = '' or status = ?2) order by id desc limit ?3", channel == null ? "" : channel,
                status == null ? "" : status, Math.max(1, Math.min(limit, 500)))).map(rows -> rows.stream()
                        .map(r -> new DeliveryView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                                (String) r[3], r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5],
                                (String) r[6], ((Number) r[7]).intValue(), (String) r[8],
                                r[9] == null ? null : ((Number) r[9]).longValue(), String.valueOf(r[10]),
                                r[11] == null ? null : String.valueOf(r[11]),
                                r[12] == null ? null : ((Number) r[12]).longValue())).toList());
    }

    /** Sends a failed delivery again, with the same delivery id (a digest: with the rows merged into it). */
    public Uni<Integer> replay(CurrentUser user, long id) {
        admin(user);
        return Panache.withTransaction(() -> update("update notify_delivery set status = 'pending', attempts = 0, "
                + "next_at = ?1, merged_into = null, reason = 'replayed' where (id = ?2 or merged_into = ?2) and "
                + "status = 'failed'", FlowClock.offsetNow(), id).chain(count -> count == 0
                        ? Uni.createFrom().item(0)
                        // a daily digest's notices go back to it (a crash left them failed with it)
                        : update("update notify_delivery set status = 'held', merged_into = null, reason = 'digest:' "
                                + "|| digest_id where digest_id = ?1 and status = 'failed' and exists (select 1 from "
                                + "notify_delivery d where d.id = ?1 and d.kind = 'DIGEST')", id)
                                .map(held -> count))).map(count -> {
                    if (count == 0) {
                        throw new NotFound(Text.of("notify.error.notReplayable"));
                    }
                    return count;
                });
    }

    /** A person's choices (user name {@code *}: the admins' defaults, admins only); in-app is always on. */
    public Uni<List<Preference>> preferences(CurrentUser user, String username) {
        String who = who(user, username);
        return Panache.withSession(() -> sql("select event, channel, enabled, username, digest from notify_preference "
                + "where username in (?1, '*') order by case when username = '*' then 1 else 0 end", who)).map(rows -> {
                    List<Preference> out = new ArrayList<>();
                    for (String event : NoticeEvents.ALL) {
                        for (String channel : NoticeEvents.PERSONAL_CHANNELS) {
                            Object[] row = rows.stream().filter(r -> event.equals(r[0]) && channel.equals(r[1]))
                                    .findFirst().orElse(null);
                            boolean inherited = row == null || (!"*".equals(who) && "*".equals(row[3]));
                            out.add(new Preference(event, channel, row == null || Boolean.TRUE.equals(row[2]),
                                    row != null && Boolean.TRUE.equals(row[4]), inherited));
                        }
                    }
                    return out;
                });
    }

    /** Stores the given choices (the others stay as they are: inherited ones keep following the defaults). */
    public Uni<List<Preference>> setPreferences(CurrentUser user, String username, List<Preference> choices) {
        String who = who(user, username);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Preference p = choices.get(i);
            if (p == null || !NoticeEvents.ALL.contains(p.event())
                    || !NoticeEvents.PERSONAL_CHANNELS.contains(p.channel())) {
                errors.add(FieldError.of("/" + i, Text.of("notify.error.events"), "enum"));
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("notify.error.invalid"), errors));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Preference p : choices) {
            chain = chain.chain(() -> update("insert into notify_preference (username, event, channel, enabled, digest) "
                    + "values (?1, ?2, ?3, ?4, coalesce(?5, false)) on conflict (username, event, channel) do update "
                    + "set enabled = ?4, digest = coalesce(?5, notify_preference.digest)", who, p.event(), p.channel(),
                    p.enabled(), p.digest()).replaceWithVoid());
        }
        Uni<Void> all = chain;
        return Panache.withTransaction(() -> all).chain(() -> preferences(user, username));
    }

    /** Forgets the person's own choices: the admins' defaults apply again. */
    public Uni<List<Preference>> resetPreferences(CurrentUser user, String username) {
        String who = who(user, username);
        if ("*".equals(who)) {
            throw new Forbidden(Text.of("notify.error.adminsOnly"));
        }
        return Panache.withTransaction(() -> update("delete from notify_preference where username = ?1", who))
                .chain(() -> preferences(user, username));
    }

    /** A person's quiet hours and digest time (their own only: this is about their day). */
    public Uni<Schedule> schedule(CurrentUser user) {
        String who = own(user);
        return Panache.withSession(() -> Schedules.of(who)).map(s -> new Schedule(s.mode(), hhmm(s.from()),
                hhmm(s.to()), hhmm(s.digestAt()), s.ownCalendarKey()));
    }

    public Uni<Schedule> setSchedule(CurrentUser user, Schedule body) {
        String who = own(user);
        List<FieldError> errors = new ArrayList<>();
        String mode = body == null || body.quiet() == null ? Schedules.OFF : body.quiet();
        if (!Schedules.MODES.contains(mode)) {
            errors.add(FieldError.of("/quiet", Text.of("notify.error.quiet"), "enum"));
        }
        LocalTime from = time(body == null ? null : body.from(), "/from", Schedules.WINDOW.equals(mode), errors);
        LocalTime to = time(body == null ? null : body.to(), "/to", Schedules.WINDOW.equals(mode), errors);
        if (from != null && from.equals(to) && Schedules.WINDOW.equals(mode)) {
            errors.add(FieldError.of("/to", Text.of("notify.error.sameTimes"), "different"));
        }
        LocalTime digestAt = time(body == null ? null : body.digestAt(), "/digestAt", false, errors);
        String calendar = body == null || body.calendar() == null || body.calendar().isBlank() ? null
                : body.calendar().trim();
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("notify.error.invalid"), errors));
        }
        return Panache.withTransaction(() -> (calendar == null ? Uni.createFrom().item(List.<Object[]>of(new Object[0]))
                : sql("select key, version from calendar where key = ?1", calendar)).chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().failure(new InvalidInput(Text.of("notify.error.invalid"), List.of(
                                FieldError.of("/calendar", Text.of("notify.error.calendar"), "exists"))));
                    }
                    return update("insert into notify_quiet (username, calendar_key, mode, quiet_from, quiet_to, "
                            + "digest_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (username) do update set "
                            + "calendar_key = ?2, mode = ?3, quiet_from = ?4, quiet_to = ?5, digest_at = ?6", who,
                            calendar, mode, from, to, digestAt == null ? Schedules.DEFAULT_DIGEST : digestAt);
                })).chain(() -> schedule(user));
    }

    /** The per-recipient caps (admins). */
    public Uni<List<CapView>> caps(CurrentUser user) {
        admin(user);
        return Panache.withSession(Digests::caps).map(list -> list.stream()
                .map(c -> new CapView(c.channel(), c.max(), c.minutes())).toList());
    }

    public Uni<CapView> setCap(CurrentUser user, CapView cap) {
        admin(user);
        List<FieldError> errors = new ArrayList<>();
        if (cap == null || !"email".equals(cap.channel())) {
            errors.add(FieldError.of("/channel", Text.of("notify.error.capChannel"), "enum"));
        }
        if (cap != null && (cap.max() < 1 || cap.max() > 100000)) {
            errors.add(FieldError.of("/max", Text.of("notify.error.capMax"), "range"));
        }
        if (cap != null && (cap.minutes() < 1 || cap.minutes() > 1440)) {
            errors.add(FieldError.of("/minutes", Text.of("notify.error.capMinutes"), "range"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("notify.error.invalid"), errors));
        }
        return Panache.withTransaction(() -> update("insert into notify_cap (channel, max_count, window_minutes) values "
                + "(?1, ?2, ?3) on conflict (channel) do update set max_count = ?2, window_minutes = ?3", cap.channel(),
                cap.max(), cap.minutes())).replaceWith(cap);
    }

    /** Departments a robot can belong to. */
    public Uni<List<Department>> departments(CurrentUser user) {
        admin(user);
        return Panache.withSession(() -> sql("select key, name_zh, name_en from department order by key"))
                .map(rows -> rows.stream().map(r -> new Department((String) r[0], (String) r[1], (String) r[2]))
                        .toList());
    }

    public Uni<Void> deleteRobot(CurrentUser user, String key) {
        admin(user);
        return Panache.withTransaction(() -> update("delete from notify_robot where key = ?1", key)).map(count -> {
            if (count == 0) {
                throw new NotFound(Text.of("notify.error.noRobot", key));
            }
            return null;
        });
    }

    public Uni<Void> deleteEndpoint(CurrentUser user, String key) {
        admin(user);
        return Panache.withTransaction(() -> update("delete from notify_endpoint where key = ?1", key)).map(count -> {
            if (count == 0) {
                throw new NotFound(Text.of("notify.error.noEndpoint", key));
            }
            return null;
        });
    }

    /**
     * Queues a test message to a robot (the sender sends it like any other, so the log shows how it went); answers
     * the delivery key.
     */
    public Uni<String> testRobot(CurrentUser user, String key) {
        admin(user);
        String delivery = "t:" + key + ":" + FlowClock.instant().toEpochMilli() + ":" + RobotChannel.ID;
        return Panache.withTransaction(() -> sql("select key, vendor from notify_robot where key = ?1", key)
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().failure(new NotFound(Text.of("notify.error.noRobot", key)));
                    }
                    var payload = io.flowdesk.shared.Json.MAPPER.createObjectNode().put("vendor", (String) rows.get(0)[1])
                            .put("title", StoredText.write(Text.of("notify.test.title")))
                            .put("text", StoredText.write(Text.of("notify.test.text", user.username())));
                    return DeliveryStore.enqueue(delivery, RobotChannel.ID, key, null, "TEST", payload, null);
                })).replaceWith(delivery);
    }

    /** Queues a signed test event to a webhook endpoint; answers the delivery key. */
    public Uni<String> testEndpoint(CurrentUser user, String key) {
        admin(user);
        String delivery = "t:" + key + ":" + FlowClock.instant().toEpochMilli() + ":" + WebhookChannel.ID;
        return Panache.withTransaction(() -> sql("select key, enabled from notify_endpoint where key = ?1", key)
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().failure(new NotFound(Text.of("notify.error.noEndpoint", key)));
                    }
                    var body = io.flowdesk.shared.Json.MAPPER.createObjectNode().put("id", delivery)
                            .put("event", "TEST").put("at", FlowClock.instant().toString());
                    body.putObject("data").put("by", user.username());
                    return DeliveryStore.enqueue(delivery, WebhookChannel.ID, key, null, "TEST", body, null);
                })).replaceWith(delivery);
    }

    private static String own(CurrentUser user) {
        if (user == null) {
            throw new Forbidden(Text.of("notify.error.adminsOnly"));
        }
        return user.username();
    }

    private static String hhmm(LocalTime t) {
        return t == null ? null : t.toString().substring(0, 5);
    }

    private static LocalTime time(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, Text.of("notify.error.time." + field.substring(1)), "required"));
            }
            return null;
        }
        try {
            return LocalTime.parse(value.trim().length() == 4 ? "0" + value.trim() : value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(FieldError.of(field, Text.of("notify.error.time." + field.substring(1)), "format"));
            return null;
        }
    }

    private static String who(CurrentUser user, String username) {
        if (username == null || username.equals(user.username())) {
            return user.username();
        }
        if ("*".equals(username) && user.has("admin")) {
            return "*";
        }
        throw new Forbidden(Text.of("notify.error.adminsOnly"));
    }

    private static void admin(CurrentUser user) {
        if (user == null || !user.has("admin")) {
            throw new Forbidden(Text.of("notify.error.adminsOnly"));
        }
    }

    private static void key(String key, List<FieldError> errors) {
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(FieldError.of("/key", Text.of("notify.error.key"), "pattern"));
        }
    }

    private static void events(List<String> events, List<FieldError> errors) {
        if (events == null || events.isEmpty() || events.stream().anyMatch(e -> !"*".equals(e)
                && !NoticeEvents.ALL.contains(e))) {
            errors.add(FieldError.of("/events", Text.of("notify.error.events"), "enum"));
        }
    }

    private static void url(String url, List<FieldError> errors) {
        try {
            URI uri = URI.create(url.trim());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("/url", Text.of("notify.error.url"), "format"));
        }
    }

    private static List<String> split(String events) {
        return events == null || events.isBlank() ? List.of() : List.of(events.split(","));
    }

    private static Uni<List<Object[]>> sql(String sql, Object... args) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < args.length; i++) {
                q.setParameter(i + 1, args[i]);
            }
            return q.getResultList();
        });
    }

    private static Uni<Integer> update(String sql, Object... args) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.setParameter(i + 1, args[i]);
            }
            return q.executeUpdate();
        });
    }
}
