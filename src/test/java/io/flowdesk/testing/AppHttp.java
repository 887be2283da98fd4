package io.flowdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON calls to a packaged FlowDesk ({@link AppProcess}) as a demo user, for ITs that also drive a browser. */
public final class AppHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AppHttp() {
    }

    /** {@link #send(AppProcess, String, String, String, String, String)} in English. */
    public static JsonNode send(AppProcess app, String user, String method, String path, String body)
            throws Exception {
        return send(app, user, method, path, body, "en");
    }

    /**
     * Sends {@code body} (JSON, or null for none: then a GET) and returns the answer's JSON (an empty object for an
     * empty body); any status from 300 up fails the test with the method, path, status and body.
     */
    public static JsonNode send(AppProcess app, String user, String method, String path, String body,
            String language) throws Exception {
        HttpResponse<String> response = HTTP.send(request(app, user, method, path, body, language),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.parse(response.body());
    }

    /** The status of a call whose failure is an answer, not an error (e.g. a claim someone else won). */
    public static int status(AppProcess app, String user, String method, String path, String body)
            throws Exception {
        return HTTP.send(request(app, user, method, path, body, "en"), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static HttpRequest request(AppProcess app, String user, String method, String path, String body,
            String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", AppProcess.basic(user)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Accept-Language", language);
        return (body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body)))
                .build();
    }
}
