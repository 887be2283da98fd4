package io.flowdesk.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import io.flowdesk.testing.AppHttp;
import io.flowdesk.testing.AppProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The virtual-clock flow set up in a packaged app (ITs): template imported and published, its SLA policy first. */
final class SimApp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SimApp() {
    }

    static String setUp(AppProcess app) throws Exception {
        String key = SimFlow.newKey();
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                + "/api/design/templates/import")).header("Authorization", AppProcess.basic("designer"))
                .header("Content-Type", "application/zip").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SimFlow.zip(key))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 201) {
            throw new AssertionError("import " + imported.statusCode() + " " + imported.body());
        }
        AppHttp.send(app, "admin", "POST", "/api/design/templates/" + key + "/publish", "{}");
        JsonNode policies = AppHttp.send(app, "admin", "GET", "/api/sla/policies", null);
        var list = Json.MAPPER.createArrayNode();
        list.add(Json.MAPPER.valueToTree(SimFlow.policy(key)));
        policies.forEach(list::add);
        AppHttp.send(app, "admin", "PUT", "/api/sla/policies", list.toString());
        for (int i = 0; i < 600 && AppHttp.send(app, "admin", "GET", "/api/sla/policies/recompute", null)
                .path("recomputing").asBoolean(); i++) {
            Thread.sleep(100);
        }
        return key;
    }

    /** A new test ticket of the flow, by the designer's "Try it"; answers its number. */
    static String tryIt(AppProcess app, String key, String title) throws Exception {
        return AppHttp.send(app, "designer", "POST", "/api/design/templates/" + key + "/try",
                "{\"title\":\"" + title + "\",\"data\":{\"amount\":10,\"ok\":true}}").path("number").asText();
    }

    static long longOf(AppProcess app, String sql) throws Exception {
        try (Connection c = app.jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    static List<String> rows(AppProcess app, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = app.jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** Waits (bounded) until the ticket's step ladder is scheduled: the sla consumer runs in the background. */
    static void awaitLadder(AppProcess app, long ticketId) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (longOf(app, "select count(*) from deadline where ticket_id = " + ticketId + " and key like '%:STEP:%'")
                    == 3) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the step ladder of ticket " + ticketId + " was never scheduled");
    }
}
