package io.flowdesk.notify.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.notify.NotifyAdmin;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Map;

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

    @DELETE
    @Path("/me/notification-preferences")
    public Uni<List<NotifyAdmin.Preference>> resetPreferences(@QueryParam("user") String user) {
        return admin.resetPreferences(CurrentUser.of(identity), user);
    }

    @GET
    @Path("/me/notification-schedule")
    public Uni<NotifyAdmin.Schedule> schedule() {
        return admin.schedule(CurrentUser.of(identity));
    }

    @PUT
    @Path("/me/notification-schedule")
    public Uni<NotifyAdmin.Schedule> setSchedule(NotifyAdmin.Schedule body) {
        return admin.setSchedule(CurrentUser.of(identity), body);
    }

    @GET
    @Path("/admin/notify/caps")
    public Uni<List<NotifyAdmin.CapView>> caps() {
        return admin.caps(CurrentUser.of(identity));
    }

    @PUT
    @Path("/admin/notify/caps/{channel}")
    public Uni<NotifyAdmin.CapView> setCap(@PathParam("channel") String channel, NotifyAdmin.CapView body) {
        return admin.setCap(CurrentUser.of(identity), new NotifyAdmin.CapView(channel, body == null ? 0 : body.max(),
                body == null ? 0 : body.minutes()));
    }

    @DELETE
    @Path("/admin/notify/robots/{key}")
    public Uni<Void> deleteRobot(@PathParam("key") String key) {
        return admin.deleteRobot(CurrentUser.of(identity), key);
    }

    @POST
    @Path("/admin/notify/robots/{key}/test")
    public Uni<Map<String, String>> testRobot(@PathParam("key") String key) {
        return admin.testRobot(CurrentUser.of(identity), key).map(d -> Map.of("delivery", d));
    }

    @DELETE
    @Path("/admin/notify/endpoints/{key}")
    public Uni<Void> deleteEndpoint(@PathParam("key") String key) {
        return admin.deleteEndpoint(CurrentUser.of(identity), key);
    }

    @POST
    @Path("/admin/notify/endpoints/{key}/test")
    public Uni<Map<String, String>> testEndpoint(@PathParam("key") String key) {
        return admin.testEndpoint(CurrentUser.of(identity), key).map(d -> Map.of("delivery", d));
    }
}
