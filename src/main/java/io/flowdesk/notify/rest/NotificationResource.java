package io.flowdesk.notify.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.notify.Notifications;
import io.flowdesk.notify.Notifications.NotificationView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The signed-in user's own notifications: each only ever to its owner (another user's is 404). */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    Notifications notifications;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<NotificationJson>> recent(@QueryParam("limit") @DefaultValue("30") int limit) {
        CurrentUser user = CurrentUser.of(identity);
        Locale locale = Locale.forLanguageTag(user.locale() == null ? "zh-CN" : user.locale());
        return notifications.recent(user.username(), Math.max(1, Math.min(limit, 200)))
                .map(list -> list.stream().map(n -> NotificationJson.of(n, locale)).toList());
    }

    /** Marks one notification read; 404 when it is not the caller's. */
    @POST
    @Path("/{id}/read")
    public Uni<NotificationJson> markRead(@PathParam("id") long id) {
        CurrentUser user = CurrentUser.of(identity);
        Locale locale = Locale.forLanguageTag(user.locale() == null ? "zh-CN" : user.locale());
        return notifications.markRead(user.username(), id).map(n -> NotificationJson.of(n, locale));
    }

    public record NotificationJson(long id, String ticketNumber, String kind, String text, String at, boolean read) {

        static NotificationJson of(NotificationView n, Locale locale) {
            return new NotificationJson(n.id(), n.ticketNumber(), n.kind(), n.text(locale), n.at().toString(),
                    n.read());
        }
    }
}
