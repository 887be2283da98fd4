package io.flowdesk.notify;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.notify.internal.NotificationEntity;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/** In-app notifications (mentions, transfers) and e-mail. Mail failures are logged, never lost silently. */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotifyHub hub;

    /**
     * Stores an in-app notification as a catalogue key and arguments, shown in the reader's language, and hands it
     * to the hub, which adds the person's other channels by their preferences (ADR 0024); call inside the
     * transaction of the change it reports: the notice and its deliveries commit with it.
     */
    public Uni<Void> notifyUser(String username, Long ticketId, String ticketNumber, String kind, Text message) {
        NotificationEntity n = new NotificationEntity();
        n.username = username;
        n.ticketId = ticketId;
        n.ticketNumber = ticketNumber;
        n.kind = kind;
        String english = message.in(Messages.EN);
        n.text = english.length() > 500 ? english.substring(0, 500) : english;
        n.messageText = StoredText.write(message);
        n.createdAt = FlowClock.offsetNow();
        return n.persist().chain(() -> hub.noticeStored(n.id, username, ticketId, ticketNumber, kind, message))
                .chain(() -> bell(username));
    }

    /**
     * Tells every node's bell (ADR 0033) that {@code username} has a new notice: PostgreSQL delivers a NOTIFY only
     * when this transaction commits, and drops it on rollback.
     */
    private static Uni<Void> bell(String username) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select 1 from (select pg_notify('flowdesk_bell', ?1)) n", Integer.class)
                .setParameter(1, username).getSingleResult()).replaceWithVoid();
    }

    public Uni<Long> unreadCount(String username) {
        return Panache.withSession(() -> NotificationEntity.count("username = ?1 and readAt is null", username));
    }

    public Uni<List<NotificationView>> recent(String username, int limit) {
        return Panache.withSession(() -> NotificationEntity.<NotificationEntity>find(
                "username = ?1 order by id desc", username).page(0, limit).list()).map(list -> list.stream()
                        .map(Notifications::view).toList());
    }

    public Uni<Void> markAllRead(String username) {
        return Panache.withTransaction(() -> NotificationEntity.update("readAt = ?1 where username = ?2 and readAt is null",
                FlowClock.offsetNow(), username)).replaceWithVoid();
    }

    /**
     * Marks one of the user's own notifications read (idempotent). Someone else's notification, or one that does
     * not exist, is {@link NotFound}: the caller learns nothing about other people's notifications.
     */
    public Uni<NotificationView> markRead(String username, long id) {
        return Panache.withTransaction(() -> NotificationEntity.<NotificationEntity>find("id = ?1 and username = ?2",
                id, username).firstResult().chain(n -> {
                    if (n == null) {
                        return Uni.createFrom().failure(new NotFound(Text.of("mentions.error.notificationNotFound")));
                    }
                    if (n.readAt == null) {
                        n.readAt = FlowClock.offsetNow();
                    }
                    return Uni.createFrom().item(view(n));
                }));
    }

    static NotificationView view(NotificationEntity n) {
        Text stored = StoredText.read(n.messageText);
        // rows from before V7 have no key: they show the sentence they stored
        return new NotificationView(n.id, n.ticketId, n.ticketNumber, n.kind, stored != null ? stored : Text.literal(n.text),
                n.createdAt, n.readAt != null);
    }

    /**
     * Sends an e-mail written from the catalogue in the recipient's language; when that is not known
     * ({@code locale} null), in Chinese and then in English.
     */
    public Uni<Boolean> mail(String to, Locale locale, Text subject, Text body) {
        if (locale != null) {
            return mail(to, subject.in(locale), body.in(locale));
        }
        return mail(to, subject.in(Messages.ZH) + " / " + subject.in(Messages.EN),
                body.in(Messages.ZH) + "\n\n----\n\n" + body.in(Messages.EN));
    }

    /** Sends an e-mail; a failure is logged with the recipient and the returned Uni still completes. */
    public Uni<Boolean> mail(String to, String subject, String text) {
        if (to == null || to.isBlank()) {
            return Uni.createFrom().item(false);
        }
        return mailer.send(Mail.withText(to, subject, text)).replaceWith(true).onFailure().recoverWithItem(e -> {
            LOG.errorf("Could not send mail '%s' to %s: %s", subject, to, e.getMessage());
            return false;
        });
    }

    /** A notification; {@code message} is put into the reader's language by the view ({@link #text(Locale)}). */
    public record NotificationView(long id, Long ticketId, String ticketNumber, String kind, Text message, OffsetDateTime at,
            boolean read) {

        public String text(Locale locale) {
            return message.in(locale);
        }
    }
}
