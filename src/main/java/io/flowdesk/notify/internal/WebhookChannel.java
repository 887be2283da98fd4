package io.flowdesk.notify.internal;


import io.flowdesk.shared.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Outbound webhooks: the JSON event body, {@code X-FlowDesk-Signature: sha256=<hex HmacSHA256(secret, body)>},
 * {@code X-FlowDesk-Delivery} (the delivery id: receivers dedupe by it, since a crash may send it again) and
 * {@code X-FlowDesk-Event}.
 */
@ApplicationScoped
public class WebhookChannel implements DeliveryChannel {

    public static final String ID = "webhook";

    @Inject
    Targets targets;

    @Inject
    NotifySettings config;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void send(Outgoing message) throws Exception {
        Targets.Target endpoint = targets.endpoint(message.recipient());
        if (endpoint == null || !endpoint.enabled()) {
            throw new Suppressed("endpoint " + message.recipient() + " was removed or switched off");
        }
        String body = Json.canonical(message.payload());
        Http.postJson(endpoint.url(), body, Map.of("X-FlowDesk-Signature", "sha256=" + Http.hmacHex(endpoint.secret(),
                body), "X-FlowDesk-Delivery", message.key(), "X-FlowDesk-Event", message.kind(), "User-Agent",
                "FlowDesk-Webhook/1"), config.httpTimeout());
    }
}
