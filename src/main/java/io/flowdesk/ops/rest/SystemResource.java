package io.flowdesk.ops.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.ops.SystemStatus;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.Text;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Admins: the installation's state at a glance (ADR 0052), the same figures as the gauges and the readiness check. */
@io.quarkus.security.Authenticated
@Path("/api/admin/system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    SystemStatus status;

    @Inject
    SecurityIdentity identity;

    @GET
    @Blocking
    public SystemStatus.Snapshot status() {
        if (!CurrentUser.of(identity).has(Role.ADMIN)) {
            throw new Forbidden(Text.of("ops.error.forbidden"));
        }
        return status.snapshot();
    }
}
