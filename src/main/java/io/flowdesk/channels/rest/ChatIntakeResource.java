package io.flowdesk.channels.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.channels.chat.ChatIntake;
import io.flowdesk.channels.chat.ChatIntakeResult;
import io.flowdesk.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Chat transcripts posted by an online-chat system (ADR 0043); admins only until API tokens exist. */
@Path("/api/intake/chat")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatIntakeResource {

    @Inject
    ChatIntake intake;

    @Inject
    SecurityIdentity identity;

    /** Creates the conversation's ticket or appends the messages not yet on it; the same transcript adds nothing. */
    @POST
    public Uni<ChatIntakeResult> post(JsonNode body) {
        return intake.post(CurrentUser.of(identity), body);
    }
}
