package io.flowdesk.routing.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.routing.RoutingService;
import io.flowdesk.shared.Messages;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** Automatic assignment over REST: preview, availability, the board, skills, capacity, reassign. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingResource {

    @Inject
    RoutingService routing;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/me/availability")
    public Uni<RoutingService.AvailabilityView> availability() {
        return routing.availability(CurrentUser.of(identity));
    }

    @PUT
    @Path("/me/availability")
    public Uni<RoutingService.AvailabilityView> setAvailability(AvailabilityRequest request) {
        return routing.setAvailability(CurrentUser.of(identity), request == null ? null : request.status());
    }

    public record AvailabilityRequest(String status) {
    }

    @GET
    @Path("/routing/board")
    public Uni<List<RoutingService.BoardRow>> board(@QueryParam("department") String department) {
        return routing.board(CurrentUser.of(identity), department);
    }

    @GET
    @Path("/routing/skills")
    public Uni<List<RoutingService.SkillName>> skills() {
        return routing.catalogue();
    }

    @PUT
    @Path("/users/{username}/skills")
    public Uni<List<RoutingService.SkillView>> setSkills(@PathParam("username") String username,
            SkillsRequest request) {
        return routing.setSkills(CurrentUser.of(identity), username, request == null ? null : request.skills());
    }

    public record SkillsRequest(List<RoutingService.SkillLevel> skills) {
    }

    @PUT
    @Path("/users/{username}/capacity")
    public Uni<RoutingService.CapacityView> setCapacity(@PathParam("username") String username,
            CapacityRequest request) {
        return routing.setCapacity(CurrentUser.of(identity), username, request == null ? null : request.capacity(),
                request == null ? null : request.calendar());
    }

    public record CapacityRequest(Integer capacity, String calendar) {
    }

    static Locale locale(String header, CurrentUser user) {
        if (header != null && !header.isBlank() && !header.strip().equals("*")) {
            return Messages.locale(header);
        }
        return Messages.locale(user.locale());
    }
}
