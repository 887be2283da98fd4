package io.flowdesk.notify;

import io.flowdesk.notify.internal.NotificationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/** In-app notifications (mentions, transfers) and e-mail. Mail failures are logged, never lost silently. */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    @Inject
    ReactiveMailer mailer;

    /** Stores an in-app notification; call inside the transaction of the change it reports. */
    public Uni<Void> notifyUser(String username, Long ticketId, String kind, String text) {
        NotificationEntity n = new NotificationEntity();
        n.username = username;
        n.ticketId = ticketId;
        n.kind = kind;
        n.text = text.length() > 500 ? text.substring(0, 500) : text;
        n.createdAt = OffsetDateTime.now();
        return n.persist().replaceWithVoid();
    }

    public Uni<Long> unreadCount(String username) {
        return Panache.withSession(() -> NotificationEntity.count("username = ?1 and readAt is null", username));
    }

    public Uni<List<NotificationView>> recent(String username, int limit) {
        return Panache.withSession(() -> NotificationEntity.<NotificationEntity>find(
                "username = ?1 order by id desc", username).page(0, limit).list()).map(list -> list.stream()
                        .map(n -> new NotificationView(n.id, n.ticketId, n.kind, n.text, n.createdAt, n.readAt != null))
                        .toList());
    }

    public Uni<Void> markAllRead(String username) {
        return Panache.withTransaction(() -> NotificationEntity.update("readAt = ?1 where username = ?2 and readAt is null",
                OffsetDateTime.now(), username)).replaceWithVoid();
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

    public record NotificationView(long id, Long ticketId, String kind, String text, OffsetDateTime at, boolean read) {
    }
}
