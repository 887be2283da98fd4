package io.flowdesk.notify.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's stand-in for DingTalk (only with {@code flowdesk.demo=true}; 404 otherwise): it answers like DingTalk
 * ({@code {"errcode":0}}) and keeps the last 50 messages in memory, which admins read with {@code GET} to show what a
 * supervisor's phone would have got. Nothing is forwarded anywhere.
 */
@Path("/api/public/demo/robot-sink")
public class DemoRobotSink {

    public record Received(String at, String timestamp, boolean signed, String body) {
    }

    private static final Deque<Received> LAST = new ArrayDeque<>();

    @ConfigProperty(name = "flowdesk.demo", defaultValue = "false")
    boolean demo;

    @Inject
    SecurityIdentity identity;

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> receive(@QueryParam("timestamp") String timestamp, @QueryParam("sign") String sign,
            String body) {
        if (!demo) {
            throw new NotFound(Text.of("notify.error.noRobot", "demo"));
        }
        synchronized (LAST) {
            LAST.addFirst(new Received(FlowClock.instant().toString(), timestamp, sign != null && !sign.isBlank(),
                    body == null ? "" : body.length() > 4000 ? body.substring(0, 4000) : body));
            while (LAST.size() > 50) {
                LAST.removeLast();
            }
        }
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public List<Received> received() {
        if (!demo) {
            throw new NotFound(Text.of("notify.error.noRobot", "demo"));
        }
        if (!CurrentUser.of(identity).has("admin")) {
            throw new Forbidden(Text.of("notify.error.adminsOnly"));
        }
        synchronized (LAST) {
            return List.copyOf(LAST);
        }
    }
}
