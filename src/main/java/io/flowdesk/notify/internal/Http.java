package io.flowdesk.notify.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The blocking HTTP POST that robots and webhooks share, and the HMAC-SHA256 they sign with. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    /** POSTs JSON; a 5xx, 408, 429 or an I/O failure throws (retried), another non-2xx is {@code Permanent}. */
    static String postJson(String url, String body, Map<String, String> headers, Duration timeout) throws Exception {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new DeliveryChannel.Permanent("not an http(s) URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String answer = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            return answer;
        }
        String reason = "HTTP " + status + (answer.isBlank() ? "" : ": " + DeliveryStore.cut(answer, 300));
        if (status >= 500 || status == 408 || status == 429) {
            throw new java.io.IOException(reason);
        }
        throw new DeliveryChannel.Permanent(reason);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmacHex(String key, String data) {
        return HexFormat.of().formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8)));
    }

    static String hmacBase64(String key, String data) {
        return Base64.getEncoder().encodeToString(hmac(key.getBytes(StandardCharsets.UTF_8),
                data.getBytes(StandardCharsets.UTF_8)));
    }
}
