package io.flowdesk.macros.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.macros.MacroPreview;
import io.flowdesk.macros.MacroService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** A macro on a ticket: preview what it would do, apply it (one transaction, one timeline entry). */
@Path("/api/tickets/{number}/macros")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TicketMacroResource {

    @Inject
    MacroService macros;

    @Inject
    SecurityIdentity identity;

    /** The applied or previewed macro: the filled reply and each effect in the request's language. */
    public record PreviewView(String macro, String number, String reply, String language, boolean internal,
            List<String> effects) {
        static PreviewView of(MacroPreview p, Locale locale) {
            return new PreviewView(p.macro(), p.number(), p.reply(), p.language(), p.internal(), p.effects().stream()
                    .map(t -> t.in(locale)).toList());
        }
    }

    @GET
    @Path("/{key}/preview")
    public Uni<PreviewView> preview(@PathParam("number") String number, @PathParam("key") String key,
            @HeaderParam("Accept-Language") String language) {
        CurrentUser user = CurrentUser.of(identity);
        Locale locale = MacroResource.locale(language, user);
        return macros.preview(user, number, key, locale).map(p -> PreviewView.of(p, locale));
    }

    @POST
    @Path("/{key}/apply")
    public Uni<PreviewView> apply(@PathParam("number") String number, @PathParam("key") String key,
            @HeaderParam("Accept-Language") String language) {
        CurrentUser user = CurrentUser.of(identity);
        Locale locale = MacroResource.locale(language, user);
        return macros.apply(user, number, key, locale).map(p -> PreviewView.of(p, locale));
    }

}
