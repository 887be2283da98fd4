package io.flowdesk.tokens;

import java.util.List;

/**
 * The one table of which scope a request made with an API token needs, by method and path: read on tickets, write on
 * tickets, intake, reports; everything else under {@code /api/} needs {@link TokenScope#ADMIN} (deny by default, so a
 * new endpoint is closed to narrow tokens until it is listed here). The OpenAPI document shows the same answer per
 * operation ({@code TokenOpenApiFilter}).
 */
public final class ScopeRules {

    /** Reading ticket work: GET on these paths needs tickets:read. */
    static final List<String> TICKET_READS = List.of("/api/tickets", "/api/tasks", "/api/inbox", "/api/templates",
            "/api/forms");

    /** Writing ticket work: any other method on these paths needs tickets:write. */
    static final List<String> TICKET_WRITES = List.of("/api/tickets", "/api/tasks");

    private ScopeRules() {
    }

    /** The scope a request needs, or null for a public path (no scope needed). */
    public static TokenScope required(String method, String path) {
        if (under(path, "/api/public")) {
            return null;
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (under(path, "/api/intake")) {
            return TokenScope.INTAKE;
        }
        if (under(path, "/api/reports")) {
            // an export job is a read of report data
            return read || (method.equals("POST") && path.equals("/api/reports/exports")) ? TokenScope.REPORTS_READ
                    : TokenScope.ADMIN;
        }
        if (read && TICKET_READS.stream().anyMatch(p -> under(path, p))) {
            return TokenScope.TICKETS_READ;
        }
        if (!read && TICKET_WRITES.stream().anyMatch(p -> under(path, p))) {
            return TokenScope.TICKETS_WRITE;
        }
        return TokenScope.ADMIN;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".");
    }
}
