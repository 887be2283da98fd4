package io.flowdesk.tokens.rest;

import io.flowdesk.tokens.ScopeRules;
import io.flowdesk.tokens.TokenScope;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents how the API is called (ADR 0050): HTTP basic for people, {@code Authorization: Bearer fdt_…} for
 * systems; every operation names the token scope it needs, from the same {@link ScopeRules} the server enforces.
 */
public class TokenOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme("basic", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("FlowDesk user name and password (people)."));
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("fdt_<id>_<secret>")
                .description("A personal access token or a service account's token (/api/me/tokens, "
                        + "/api/admin/service-accounts). It acts as its owner within its scopes: "
                        + Arrays.stream(TokenScope.values()).map(TokenScope::id).collect(Collectors.joining(", "))
                        + ". Over the token's rate limit the answer is 429 with Retry-After."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                TokenScope scope = ScopeRules.required(op.getKey().name(), path.getKey());
                if (scope == null) {
                    continue;
                }
                op.getValue().setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("basic"),
                        OASFactory.createSecurityRequirement().addScheme("bearer", scope.id())));
            }
        }
    }
}
