package io.flowdesk.notify.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.notify.NotifyAdmin;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The hub's REST face: admins configure robots and webhook endpoints (secrets write-only) and read the delivery log
 * with replay; everyone reads and sets their own notification preferences ({@code ?user=*}: admins' defaults).
 */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotifyAdminResource {

    @Inject
    NotifyAdmin admin;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/admin/notify/robots")
    public Uni<List<NotifyAdmin.RobotView>> robots() {
        return admin.robots(CurrentUser.of(identity));
    }

    @PUT
    @Path("/admin/notify/robots/{key}")
    public Uni<NotifyAdmin.RobotView> saveRobot(@PathParam("key") String key, NotifyAdmin.RobotRequest body) {
        return admin.saveRobot(CurrentUser.of(identity), new NotifyAdmin.RobotRequest(key, body.department(),
                body.vendor(), body.url(), body.secret(), body.events(), body.locale(), body.enabled()));
    }

    @GET
    @Path("/admin/notify/endpoints")
    public Uni<List<NotifyAdmin.EndpointView>> endpoints() {
        return admin.endpoints(CurrentUser.of(identity));
    }

    @PUT
    @Path("/admin/notify/endpoints/{key}")
    public Uni<NotifyAdmin.EndpointView> saveEndpoint(@PathParam("key") String key, NotifyAdmin.EndpointRequest body) {
        return admin.saveEndpoint(CurrentUser.of(identity), new NotifyAdmin.EndpointRequest(key, body.url(),
                body.secret(), body.events(), body.enabled()));
    }

    @GET
    @Path("/admin/deliveries")
    public Uni<List<NotifyAdmin.DeliveryView>> deliveries(@QueryParam("channel") String channel,
            @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
        return admin.deliveries(CurrentUser.of(identity), channel, status, limit);
    }

    @POST
    @Path("/admin/deliveries/{id}/replay")
    public Uni<Integer> replay(@PathParam("id") long id) {
        return admin.replay(CurrentUser.of(identity), id);
    }

    @GET
    @Path("/me/notification-preferences")
    public Uni<List<NotifyAdmin.Preference>> preferences(@QueryParam("user") String user) {
        return admin.preferences(CurrentUser.of(identity), user);
    }

    @PUT
    @Path("/me/notification-preferences")
    public Uni<List<NotifyAdmin.Preference>> setPreferences(@QueryParam("user") String user,
            List<NotifyAdmin.Preference> body) {
        return admin.setPreferences(CurrentUser.of(identity), user, body == null ? List.of() : body);
    }
}
