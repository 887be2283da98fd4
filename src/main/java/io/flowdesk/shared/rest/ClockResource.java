package io.flowdesk.shared.rest;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * FlowDesk's clock: everyone may read it; an admin may move it when {@code flowdesk.clock.adjustable=true} (tests and
 * demos; 403 otherwise). {@code POST {"advanceMinutes": 90}} or {@code {"set": "2026-12-03T01:00:00Z"}}.
 */
@Path("/api/clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    @Inject
    FlowClock clock;

    @GET
    public Map<String, Object> now() {
        return Map.of("now", clock.now().toString(), "adjustable", clock.adjustable());
    }

    public record Move(Long advanceMinutes, Long advanceSeconds, String set) {
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Map<String, Object>> move(Move move) {
        if (move == null || (move.advanceMinutes() == null && move.advanceSeconds() == null && move.set() == null)) {
            throw InvalidInput.of("/advanceMinutes", Text.of("clock.error.how"), "required");
        }
        Uni<Instant> moved;
        if (move.set() != null) {
            Instant at;
            try {
                at = Instant.parse(move.set());
            } catch (RuntimeException e) {
                throw InvalidInput.of("/set", Text.of("clock.error.instant", move.set()), "format");
            }
            moved = clock.set(at);
        } else {
            long seconds = (move.advanceMinutes() == null ? 0 : move.advanceMinutes() * 60)
                    + (move.advanceSeconds() == null ? 0 : move.advanceSeconds());
            moved = clock.advance(Duration.ofSeconds(seconds));
        }
        return moved.map(now -> Map.of("now", now.toString(), "adjustable", true));
    }
}
