package io.flowdesk.notify.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hub's settings ({@code flowdesk.notify.*}, {@code flowdesk.secrets.key}; declared in {@code app.FlowDeskConfig},
 * read here because {@code app} depends on the features and a feature must not depend back on it).
 */
@ApplicationScoped
public class NotifySettings {

    @ConfigProperty(name = "flowdesk.notify.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "flowdesk.notify.poll", defaultValue = "PT1S")
    Duration poll;

    @ConfigProperty(name = "flowdesk.notify.batch", defaultValue = "50")
    int batch;

    @ConfigProperty(name = "flowdesk.notify.max-attempts", defaultValue = "6")
    int maxAttempts;

    @ConfigProperty(name = "flowdesk.notify.retry-delay", defaultValue = "PT30S")
    Duration retryDelay;

    @ConfigProperty(name = "flowdesk.notify.lease", defaultValue = "PT5M")
    Duration lease;

    @ConfigProperty(name = "flowdesk.notify.pause-after-send", defaultValue = "PT0S")
    Duration pauseAfterSend;

    @ConfigProperty(name = "flowdesk.notify.robot-per-minute", defaultValue = "20")
    int robotPerMinute;

    @ConfigProperty(name = "flowdesk.notify.mail-domain", defaultValue = "flowdesk.local")
    String mailDomain;

    @ConfigProperty(name = "flowdesk.notify.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    @ConfigProperty(name = "flowdesk.notify.http-timeout", defaultValue = "PT10S")
    Duration httpTimeout;

    @ConfigProperty(name = "flowdesk.secrets.key")
    Optional<String> secretsKey;

    public boolean enabled() {
        return enabled;
    }

    public Duration poll() {
        return poll;
    }

    public int batch() {
        return batch;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration retryDelay() {
        return retryDelay;
    }

    public Duration lease() {
        return lease;
    }

    public Duration pauseAfterSend() {
        return pauseAfterSend;
    }

    public int robotPerMinute() {
        return robotPerMinute;
    }

    public String mailDomain() {
        return mailDomain;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }

    public Optional<String> secretsKey() {
        return secretsKey;
    }
}
