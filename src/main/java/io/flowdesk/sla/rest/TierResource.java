package io.flowdesk.sla.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.sla.CustomerTiers;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Customer tiers and organisations (admins and supervisors). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "supervisor"})
public class TierResource {

    @Inject
    CustomerTiers tiers;

    @Inject
    SecurityIdentity identity;

    public record TierChange(String tier, String organisation) {
    }

    @GET
    @Path("/customers/{username}/tier")
    public Uni<CustomerTiers.CustomerTier> get(@PathParam("username") String username) {
        return tiers.get(username);
    }

    /** {@code {"tier": "vip"}}, {@code {"organisation": "acme"}} or {@code {"organisation": ""}} (none). */
    @PUT
    @Path("/customers/{username}/tier")
    public Uni<CustomerTiers.CustomerTier> set(@PathParam("username") String username, TierChange change) {
        return tiers.set(CurrentUser.of(identity), username, change == null ? null : change.tier(),
                change == null ? null : change.organisation());
    }

    @GET
    @Path("/organisations")
    public Uni<List<CustomerTiers.Organisation>> organisations() {
        return tiers.organisations();
    }

    @PUT
    @Path("/organisations/{key}")
    public Uni<CustomerTiers.Organisation> put(@PathParam("key") String key, CustomerTiers.Organisation body) {
        return tiers.putOrganisation(CurrentUser.of(identity), new CustomerTiers.Organisation(key,
                body == null ? null : body.name(), body == null ? null : body.tier()));
    }

    @DELETE
    @Path("/organisations/{key}")
    public Uni<Void> delete(@PathParam("key") String key) {
        return tiers.deleteOrganisation(CurrentUser.of(identity), key);
    }
}
