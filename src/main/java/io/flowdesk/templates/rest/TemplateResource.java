package io.flowdesk.templates.rest;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

@Path("/api/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    @Inject
    TemplateService templates;

    @Inject
    SecurityIdentity identity;

    /** Newest published version of each template; customers see only public templates. */
    @GET
    public Uni<List<TemplateView>> list() {
        CurrentUser user = CurrentUser.of(identity);
        return templates.listLatest().map(list -> list.stream().filter(t -> t.isPublic() || !user.isCustomer())
                .map(TemplateView::of).toList());
    }

    @GET
    @Path("/{key}")
    public Uni<TemplateView> get(@PathParam("key") String key) {
        CurrentUser user = CurrentUser.of(identity);
        return templates.latestPublished(key).map(t -> {
            if (!t.isPublic() && user.isCustomer()) {
                throw new NotFound(Text.of("template.error.notFound", key));
            }
            return TemplateView.of(t);
        });
    }

    public record TemplateView(String key, int version, Map<String, String> name, Map<String, String> description,
            String ticketType, boolean isPublic, FormPin startForm, Map<String, Integer> forms) {
        static TemplateView of(PublishedTemplate t) {
            return new TemplateView(t.key(), t.version(), Map.of("zh-CN", t.nameZh(), "en", t.nameEn()),
                    t.descriptionZh() == null ? Map.of()
                            : Map.of("zh-CN", t.descriptionZh(), "en", t.descriptionEn() == null ? "" : t.descriptionEn()),
                    t.ticketType(), t.isPublic(), new FormPin(t.startForm().key(), t.startForm().version()), t.forms());
        }
    }

    public record FormPin(String key, int version) {
    }
}
