package io.flowdesk.security;

import io.flowdesk.security.OpenApiOperations.Operation;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Request building and answer classes for the authorization matrix. */
final class Requests {

    /** Parameters whose value the route itself constrains (a dummy would not reach the method). */
    static final Map<String, String> FIXED = Map.of("format", "csv");

    /**
     * Writes that an empty body would really carry out on shared state (other tests run in the same application):
     * the roles the table allows get a malformed body instead, so they are only checked to get past the door.
     */
    static final Set<String> SIDE_EFFECTS = Set.of("PUT /api/admin/mailboxes/{key}",
            "PUT /api/automation/rules/order", "PUT /api/design/forms/{key}/draft",
            "PUT /api/me/notification-preferences", "PUT /api/me/notification-schedule",
            "POST /api/public/demo/robot-sink", "POST /api/reports/board/links", "PUT /api/sla/policies");

    static final Set<Integer> OK_CLIENT = Set.of(400, 404, 409, 422);

    private Requests() {
    }

    /** The path with every parameter replaced by a value of its type that names no real object. */
    static String dummyPath(Operation op) {
        return fill(op, FIXED);
    }

    /** The path with the given parameter values, dummies for the others. */
    static String fill(Operation op, Map<String, String> values) {
        String path = op.path();
        for (Map.Entry<String, String> p : op.pathParams().entrySet()) {
            String value = values.getOrDefault(p.getKey(), FIXED.getOrDefault(p.getKey(), dummy(p.getValue())));
            path = path.replace("{" + p.getKey() + "}", value);
        }
        return path;
    }

    private static String dummy(String type) {
        if (type.startsWith("integer") || type.startsWith("number")) {
            return "987654321";
        }
        if (type.endsWith("uuid")) {
            return "00000000-0000-4000-8000-000000000000";
        }
        return "no-such-object";
    }

    static RequestSpecification withBody(RequestSpecification spec, Operation op) {
        if (op.contentType() == null) {
            return op.method().equals("GET") || op.method().equals("DELETE") ? spec
                    : spec.contentType("application/json").body("{}");
        }
        if (op.contentType().startsWith("multipart/")) {
            return spec.multiPart("file", "probe.txt", "probe".getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        if (op.contentType().equals("application/json+array")) {
            return spec.contentType("application/json").body("[]");
        }
        if (op.contentType().contains("json")) {
            return spec.contentType(op.contentType()).body("{}");
        }
        return spec.contentType(op.contentType()).body("probe".getBytes(StandardCharsets.UTF_8));
    }

    /** The class of an answer as the table writes it. */
    static String classOf(int status) {
        if (status == 401) {
            return "401";
        }
        if (status == 403) {
            return "403";
        }
        if (status / 100 == 2 || OK_CLIENT.contains(status)) {
            return "ok";
        }
        return "status-" + status;
    }

    static boolean matches(String expected, int status) {
        return switch (expected) {
            case "ok" -> status / 100 == 2 || OK_CLIENT.contains(status);
            case "403" -> status == 401 || status == 403;
            case "401" -> status == 401;
            default -> throw new IllegalArgumentException("unknown class in the table: " + expected);
        };
    }
}
