package io.flowdesk.channels.rest;

import io.flowdesk.channels.mail.MailImport;
import io.flowdesk.channels.mail.MailIntake;
import io.flowdesk.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
 * Mail handed over by a mail server ({@code Content-Type: message/rfc822}; {@code bin/flowdesk mail-pipe} for a
 * Postfix pipe) and the admins' mailboxes (ADR 0042).
 */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MailIntakeResource {

    @Inject
    MailIntake intake;

    @Inject
    SecurityIdentity identity;

    /** Imports one raw RFC 822 message and answers what became of it. */
    @POST
    @Path("/intake/mail")
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    public Uni<MailImport> handOver(@QueryParam("mailbox") String mailbox, byte[] raw) {
        return intake.handOver(CurrentUser.of(identity), mailbox, raw);
    }

    @GET
    @Path("/admin/mailboxes")
    public Uni<List<MailIntake.MailboxView>> mailboxes() {
        return intake.mailboxes(CurrentUser.of(identity));
    }

    /** Creates or changes a mailbox; the password is write-only (absent keeps the stored one). */
    @PUT
    @Path("/admin/mailboxes/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MailIntake.MailboxView> save(@PathParam("key") String key, MailIntake.MailboxRequest body) {
        return intake.saveMailbox(CurrentUser.of(identity), key, body);
    }

    /** Messages that could not be read (newest first, dismissed ones left out). */
    @GET
    @Path("/admin/mail/unparsed")
    public Uni<List<MailIntake.UnparsedView>> unparsed() {
        return intake.unparsed(CurrentUser.of(identity));
    }

    /** The raw message, as a .eml download. */
    @GET
    @Path("/admin/mail/unparsed/{id}/raw")
    @Produces({"message/rfc822", MediaType.APPLICATION_JSON}) // JSON for the problem answers
    public Uni<jakarta.ws.rs.core.Response> raw(@PathParam("id") long id) {
        return intake.unparsedRaw(CurrentUser.of(identity), id).map(raw -> jakarta.ws.rs.core.Response.ok(raw)
                .type("message/rfc822").header("Content-Disposition", "attachment; filename=\"unparsed-" + id
                        + ".eml\"").build());
    }

    /** Reads the message again: a ticket or reply now, or it stays unparsed. */
    @POST
    @Path("/admin/mail/unparsed/{id}/retry")
    public Uni<MailImport> retry(@PathParam("id") long id) {
        return intake.retry(CurrentUser.of(identity), id);
    }

    /** Takes the message off the list (it is kept). */
    @POST
    @Path("/admin/mail/unparsed/{id}/dismiss")
    public Uni<Void> dismiss(@PathParam("id") long id) {
        return intake.dismiss(CurrentUser.of(identity), id);
    }
}
