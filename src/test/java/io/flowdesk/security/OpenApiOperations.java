package io.flowdesk.security;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The operations (method × path under /api) of the OpenAPI document the application serves. */
final class OpenApiOperations {

    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /**
     * One operation: its method, path template, path parameter types and request content type (or null;
     * {@code application/json+array} when the body is a JSON array).
     */
    record Operation(String method, String path, Map<String, String> pathParams, String contentType) {

        String key() {
            return method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    @SuppressWarnings("unchecked")
    static List<Operation> load() {
        Map<String, Object> doc = given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().as(Map.class);
        Map<String, Object> paths = new TreeMap<>((Map<String, Object>) doc.get("paths"));
        List<Operation> ops = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            Map<String, Object> pathItem = (Map<String, Object>) item;
            List<Object> shared = (List<Object>) pathItem.getOrDefault("parameters", List.of());
            new TreeMap<>(pathItem).forEach((method, op) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> operation = (Map<String, Object>) op;
                Map<String, String> params = new TreeMap<>();
                List<Object> all = new ArrayList<>(shared);
                all.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
                for (Object p : all) {
                    Map<String, Object> param = (Map<String, Object>) p;
                    if ("path".equals(param.get("in"))) {
                        Map<String, Object> schema = (Map<String, Object>) param.getOrDefault("schema", Map.of());
                        params.put((String) param.get("name"), schema.getOrDefault("type", "string") + "/"
                                + schema.getOrDefault("format", ""));
                    }
                }
                ops.add(new Operation(method.toUpperCase(), path, params, contentType(operation)));
            });
        });
        return ops;
    }

    @SuppressWarnings("unchecked")
    private static String contentType(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null || !(body.get("content") instanceof Map<?, ?> content) || content.isEmpty()) {
            return null;
        }
        if (content.get("application/json") instanceof Map<?, ?> json && json.get("schema") instanceof Map<?, ?> schema
                && "array".equals(schema.get("type"))) {
            return "application/json+array";
        }
        if (content.containsKey("application/json")) {
            return "application/json";
        }
        return (String) content.keySet().iterator().next();
    }
}
