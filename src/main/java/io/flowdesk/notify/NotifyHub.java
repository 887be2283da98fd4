package io.flowdesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.notify.internal.DeliveryStore;
import io.flowdesk.notify.internal.Digests;
import io.flowdesk.notify.internal.Schedules;
import io.flowdesk.notify.internal.EmailChannel;
import io.flowdesk.notify.internal.MailComposer;
import io.flowdesk.notify.internal.NotifyStore;
import io.flowdesk.notify.internal.RobotChannel;
import io.flowdesk.notify.internal.WebhookChannel;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one path of every notice beyond the in-app row (ADR 0024): it decides, in the transaction of the notice, which
 * deliveries follow (e-mail by the person's preferences, department robots, webhook endpoints) and writes them as
 * rows that the sender sends. Every delivery key is unique per (notice or event, recipient, channel).
 */
@ApplicationScoped
public class NotifyHub {

    @Inject
    Instance<WorkingTime> workingTime;

    /**
     * After an in-app notice was stored: the person's other channels. E-mail follows their choice (or the admins'
     * default): off (suppressed), daily digest (held for it), or at once — deferred past their quiet hours and, above
     * the recipient's cap, suppressed and reported by a summary mail (ADR 0028). In-app is never deferred.
     */
    public Uni<Void> noticeStored(long noticeId, String username, Long ticketId, String ticketNumber, String kind,
            Text message) {
        String event = NoticeEvents.of(kind);
        String key = "n:" + noticeId + ":" + EmailChannel.ID;
        return NotifyStore.person(username).chain(person -> {
            if (person == null || !person.enabled()) {
                return Uni.createFrom().voidItem();
            }
            return NotifyStore.choice(username, event, EmailChannel.ID).chain(choice -> {
                ObjectNode payload = mailPayload(person.email(), person.displayName(), person.locale(),
                        Text.of("notify.mail.subject." + event, ticketNumber == null ? "" : ticketNumber), message,
                        ticketId, ticketNumber);
                if (!choice.enabled()) {
                    return DeliveryStore.suppressed(key, EmailChannel.ID, username, ticketId, kind, payload,
                            "turned off in the preferences (" + event + ")");
                }
                String refusal = MailComposer.refusal(person.email());
                if (refusal != null) {
                    return DeliveryStore.suppressed(key, EmailChannel.ID, username, ticketId, kind, payload, refusal);
                }
                ObjectNode who = mailPayload(person.email(), person.displayName(), person.locale(), Text.literal(""),
                        Text.literal(""), null, null);
                return Schedules.of(username).chain(schedule -> zone(schedule).chain(zone -> choice.digest()
                        ? Digests.digestFor(username, who, schedule.digestAt(), zone, FlowClock.instant())
                                .chain(digest -> digest == null
                                        ? DeliveryStore.enqueue(key, EmailChannel.ID, username, ticketId, kind,
                                                payload, null)
                                        : DeliveryStore.held(key, EmailChannel.ID, username, ticketId, kind, payload,
                                                digest))
                        : quietEnd(schedule, zone).chain(quietEnd -> capped(key, username, ticketId, kind, payload, who,
                                quietEnd))));
            });
        });
    }

    /** At once (or after quiet hours), unless the recipient's cap for that moment is full. */
    private Uni<Void> capped(String key, String username, Long ticketId, String kind, ObjectNode payload,
            ObjectNode who, Instant quietEnd) {
        Instant due = quietEnd != null ? quietEnd : FlowClock.instant();
        return Digests.caps().chain(caps -> {
            Digests.Cap cap = caps.stream().filter(c -> EmailChannel.ID.equals(c.channel())).findFirst().orElse(null);
            Uni<Void> send = quietEnd != null
                    ? DeliveryStore.deferred(key, EmailChannel.ID, username, ticketId, kind, payload, quietEnd,
                            "quiet:" + quietEnd)
                    : DeliveryStore.enqueue(key, EmailChannel.ID, username, ticketId, kind, payload, null);
            if (cap == null) {
                return send;
            }
            Duration window = Duration.ofMinutes(cap.minutes());
            return Digests.countInWindow(username, due, window).chain(count -> count < cap.max() ? send
                    : Digests.summaryFor(username, who, due, window).chain(summary -> summary == null ? send
                            : DeliveryStore.capped(key, EmailChannel.ID, username, ticketId, kind, payload,
                                    "cap:" + cap.max() + ":" + cap.minutes() + ":" + summary, summary)));
        });
    }

    private Uni<ZoneId> zone(Schedules.Schedule schedule) {
        return workingTime.isResolvable() ? workingTime.get().zone(schedule.calendarKey())
                : Uni.createFrom().item(ZoneId.of("Asia/Shanghai"));
    }

    /** When the person's quiet hours that contain now end; null when now is not quiet. */
    private Uni<Instant> quietEnd(Schedules.Schedule schedule, ZoneId zone) {
        Instant now = FlowClock.instant();
        if (Schedules.WINDOW.equals(schedule.mode())) {
            return Uni.createFrom().item(Schedules.windowEnd(schedule.from(), schedule.to(), zone, now));
        }
        if (Schedules.CALENDAR.equals(schedule.mode()) && workingTime.isResolvable()) {
            return workingTime.get().quietUntil(schedule.calendarKey(), now);
        }
        return Uni.createFrom().nullItem();
    }

    /** Enabled staff members of a department (who hears "new in my queue"). */
    public Uni<java.util.List<String>> departmentMembers(String department) {
        return NotifyStore.members(department);
    }

    /** A mail to the ticket's customer (by the ticket's e-mail address, in the customer's language when known). */
    public Uni<Void> mailCustomer(String key, long ticketId, String kind, Text subject, Text body) {
        return NotifyStore.ticket(ticketId).chain(info -> info == null || info.customerEmail() == null
                ? Uni.createFrom().voidItem()
                : mailAddress(key, info.customerEmail(), info.customerName(), info.customerLocale(), ticketId,
                        info.number(), kind, subject, body, "/portal/tickets/" + info.number()));
    }

    /** A mail to someone without an account (a ticket's customer), keyed by the event that caused it. */
    public Uni<Void> mailAddress(String key, String address, String name, String locale, Long ticketId,
            String ticketNumber, String kind, Text subject, Text body, String path) {
        ObjectNode payload = mailPayload(address, name, locale, subject, body, ticketId, ticketNumber);
        if (path != null) {
            payload.put("path", path);
        }
        String refusal = MailComposer.refusal(address);
        String recipient = address == null ? "" : address.trim().toLowerCase();
        return refusal != null ? DeliveryStore.suppressed(key, EmailChannel.ID, recipient, ticketId, kind, payload,
                refusal) : DeliveryStore.enqueue(key, EmailChannel.ID, recipient, ticketId, kind, payload, null);
    }

    /** A message to the department's robots that subscribed to {@code event}. */
    public Uni<Void> robots(String source, String department, String event, Long ticketId, String ticketNumber,
            String kind, Text title, Text text) {
        if (department == null) {
            return Uni.createFrom().voidItem();
        }
        return NotifyStore.robots(department).chain(robots -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (NotifyStore.Robot robot : robots) {
                if (!robot.events().contains(event) && !robot.events().contains("*")) {
                    continue;
                }
                ObjectNode payload = Json.MAPPER.createObjectNode().put("vendor", robot.vendor())
                        .put("title", StoredText.write(title)).put("text", StoredText.write(text))
                        .put("ticketNumber", ticketNumber);
                chain = chain.chain(() -> DeliveryStore.enqueue(source + ":" + robot.key() + ":" + RobotChannel.ID,
                        RobotChannel.ID, robot.key(), ticketId, kind, payload, null));
            }
            return chain;
        });
    }

    /** A webhook to one endpoint; an endpoint that does not exist is logged as suppressed. */
    public Uni<Void> webhook(String key, String endpoint, Long ticketId, String kind, JsonNode body) {
        return NotifyStore.endpointExists(endpoint).chain(exists -> exists
                ? DeliveryStore.enqueue(key, WebhookChannel.ID, endpoint, ticketId, kind, body, null)
                : DeliveryStore.suppressed(key, WebhookChannel.ID, endpoint == null ? "" : endpoint, ticketId, kind,
                        body, "no webhook endpoint " + endpoint));
    }

    /** The same event to every endpoint that subscribed to its kind. */
    public Uni<Void> webhooks(String source, Long ticketId, String kind, java.util.function.Function<String, JsonNode> body) {
        return NotifyStore.endpoints().chain(endpoints -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (NotifyStore.Endpoint endpoint : endpoints) {
                if (endpoint.events().contains(kind) || endpoint.events().contains("*")) {
                    String key = source + ":" + endpoint.key() + ":" + WebhookChannel.ID;
                    chain = chain.chain(() -> DeliveryStore.enqueue(key, WebhookChannel.ID, endpoint.key(), ticketId,
                            kind, body.apply(key), null));
                }
            }
            return chain;
        });
    }

    private static ObjectNode mailPayload(String to, String name, String locale, Text subject, Text body,
            Long ticketId, String ticketNumber) {
        ObjectNode payload = Json.MAPPER.createObjectNode().put("to", to == null ? "" : to.trim())
                .put("name", name == null ? "" : name).put("locale", locale == null ? "zh-CN" : locale)
                .put("subject", StoredText.write(subject)).put("body", StoredText.write(body))
                .put("queuedAt", FlowClock.instant().toString());
        if (ticketId != null) {
            payload.put("ticketId", ticketId);
        }
        if (ticketNumber != null) {
            payload.put("ticketNumber", ticketNumber);
        }
        return payload;
    }
}
