package io.flowdesk.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected answer of every API operation to every role: {@code ok} (the role gets past the door: 2xx, or
 * 400/404/409/422 when the object or body is missing), {@code 403} (denied: 401/403), {@code 401} (log in first).
 * A new endpoint fails {@link AuthorizationMatrixTest} until it has a row here.
 */
final class AuthorizationTable {

    static final String TABLE = """
            GET /api/admin/deliveries                                     | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/deliveries/{id}/replay                        | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/embed/{template}                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/admin/embed/{template}                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/mailboxes                                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/admin/mailboxes/{key}                                | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/notify/caps                                    | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/admin/notify/caps/{channel}                          | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/notify/endpoints                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            DELETE /api/admin/notify/endpoints/{key}                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/admin/notify/endpoints/{key}                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/notify/endpoints/{key}/test                   | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/notify/robots                                  | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            DELETE /api/admin/notify/robots/{key}                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/admin/notify/robots/{key}                            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/notify/robots/{key}/test                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/stuck-tickets                                  | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/stuck-tickets/{id}/cancel                     | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/stuck-tickets/{id}/retry                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/automation/rules                                     | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/automation/rules                                    | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/automation/rules/dry-run                            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/automation/rules/order                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            DELETE /api/automation/rules/{key}                            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/automation/rules/{key}                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/automation/rules/{key}                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/automation/rules/{key}/disable                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/automation/rules/{key}/enable                       | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/calendars                                            | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            GET /api/calendars/{key}                                      | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            PUT /api/calendars/{key}                                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/calendars/{key}/china-schedule                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/calendars/{key}/due                                  | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            GET /api/calendars/{key}/elapsed                              | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            POST /api/calendars/{key}/ics                                 | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/clock                                                | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/clock                                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/customers/{username}/tier                            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            PUT /api/customers/{username}/tier                            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/design/forms                                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/design/forms/{key}/draft                             | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/design/forms/{key}/draft                             | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/design/forms/{key}/publish                          | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/design/forms/{key}/versions                          | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/design/forms/{key}/versions/{version}/deprecate     | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/design/templates                                     | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/design/templates/import                             | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/design/templates/{key}/diff                          | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/design/templates/{key}/draft                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/design/templates/{key}/draft                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/design/templates/{key}/lint                          | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/design/templates/{key}/publish                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/design/templates/{key}/try                          | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/design/templates/{key}/versions                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/design/templates/{key}/versions/{version}/deprecate | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/design/templates/{key}/versions/{version}/export     | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/forms/{key}/{version}                                | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/inbox                                                | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/intake/chat                                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/intake/mail                                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/macros                                               | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/macros                                              | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            DELETE /api/macros/{key}                                      | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/macros/{key}                                         | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            PUT /api/macros/{key}                                         | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/me/availability                                      | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            PUT /api/me/availability                                      | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            DELETE /api/me/notification-preferences                       | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/me/notification-preferences                          | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            PUT /api/me/notification-preferences                          | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/me/notification-schedule                             | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            PUT /api/me/notification-schedule                             | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/notifications                                        | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/notifications/{id}/read                             | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/organisations                                        | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            DELETE /api/organisations/{key}                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            PUT /api/organisations/{key}                                  | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/public/board/{token}                                 | anon ok  | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/public/demo/robot-sink                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/public/demo/robot-sink                              | anon ok  | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/public/embed/{template}                              | anon ok  | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/public/embed/{template}                             | anon ok  | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/public/signup                                       | anon ok  | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/public/status/request                               | anon ok  | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/public/status/verify                                | anon ok  | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/reports/agents.csv                                   | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/board                                        | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/board/links                                  | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            POST /api/reports/board/links                                 | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            DELETE /api/reports/board/links/{id}                          | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            POST /api/reports/exports                                     | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/reports/exports/{id}                                 | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/reports/exports/{id}/file                            | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/reports/fields/{template}                            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/fields/{template}/export.{format}            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/fields/{template}/fields                     | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/flow/{template}                              | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/flow/{template}/steps/{step}/tickets         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/forecast                                     | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/hours                                        | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/insights                                     | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/schedules                                    | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            POST /api/reports/schedules                                   | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            DELETE /api/reports/schedules/{id}                            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/schedules/{id}                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            PUT /api/reports/schedules/{id}                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/summary                                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/tickets                                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/tickets.csv                                  | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/reports/tickets.xlsx                                 | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/routing/board                                        | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            GET /api/routing/skills                                       | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/sla/policies                                         | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            PUT /api/sla/policies                                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/sla/policies/recompute                               | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            GET /api/tasks                                                | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tasks/{id}                                           | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tasks/{id}/assignment-preview                        | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tasks/{id}/claim                                    | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tasks/{id}/complete                                 | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tasks/{id}/reassign                                 | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            POST /api/tasks/{id}/transfer                                 | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tasks/{id}/unclaim                                  | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/templates                                            | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/templates/{key}                                      | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets                                              | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tickets                                             | anon 401 | customer ok  | partner 403 | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}                                     | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/attachments                         | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tickets/{number}/attachments                        | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/attachments/{id}                    | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/automation-trace                    | anon 401 | customer 403 | partner 403 | agent 403 | supervisor ok  | admin ok
            POST /api/tickets/{number}/comments                           | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/csat                                | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tickets/{number}/csat                               | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tickets/{number}/macros/{key}/apply                 | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/macros/{key}/preview                | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tickets/{number}/priority                           | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            POST /api/tickets/{number}/reopen                             | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/sla                                 | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/tags                                | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/timeline                            | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/watchers                            | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/tickets/{number}/watchers                           | anon 401 | customer 403 | partner ok  | agent ok  | supervisor ok  | admin ok
            DELETE /api/tickets/{number}/watchers/{username}              | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            PUT /api/users/{username}/capacity                            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            PUT /api/users/{username}/skills                              | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            # --- tokens ---
            GET /api/me/tokens                                            | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            POST /api/me/tokens                                           | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            DELETE /api/me/tokens/{id}                                    | anon 401 | customer ok  | partner ok  | agent ok  | supervisor ok  | admin ok
            GET /api/admin/service-accounts                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/service-accounts                              | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/service-accounts/{username}/tokens             | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/service-accounts/{username}/tokens            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/tokens                                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            DELETE /api/admin/tokens/{id}                                 | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            # --- vclock ---
            GET /api/tickets/{number}/test-clock                          | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/tickets/{number}/test-clock/advance                 | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            # --- ops ---
            GET /api/admin/system                                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            # --- migrate ---
            POST /api/admin/migrations/plan                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/migrations/preview                            | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/migrations/runs                                | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/migrations/runs                               | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/migrations/runs/{id}                           | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            # --- diff ---
            POST /api/tickets/{number}/convert                            | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            GET /api/tickets/{number}/convert/prefill                     | anon 401 | customer 403 | partner 403 | agent ok  | supervisor ok  | admin ok
            # --- mailout ---
            GET /api/admin/mail/unparsed                                  | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            GET /api/admin/mail/unparsed/{id}/raw                         | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/mail/unparsed/{id}/retry                      | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            POST /api/admin/mail/unparsed/{id}/dismiss                    | anon 401 | customer 403 | partner 403 | agent 403 | supervisor 403 | admin ok
            """;

    private AuthorizationTable() {
    }

    static Map<String, Map<String, String>> parse(Collection<String> roles) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String raw : TABLE.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i < cells.length; i++) {
                String[] cell = cells[i].strip().split("\\s+");
                row.put(cell[0], cell[1]);
            }
            if (!row.keySet().containsAll(roles) || rows.put(cells[0].strip(), row) != null) {
                throw new IllegalStateException("bad or duplicate row in the table: " + line);
            }
        }
        return rows;
    }
}
