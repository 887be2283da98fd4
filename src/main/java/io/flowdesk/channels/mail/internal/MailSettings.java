package io.flowdesk.channels.mail.internal;

import io.flowdesk.channels.mail.ReplyToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Mail in's settings ({@code flowdesk.mail.*}, declared in {@code app.FlowDeskConfig}) and the reply token. */
@ApplicationScoped
public class MailSettings {

    @ConfigProperty(name = "flowdesk.mail.reopen-days", defaultValue = "7")
    int reopenDays;

    @ConfigProperty(name = "flowdesk.mail.throttle-count", defaultValue = "10")
    int throttleCount;

    @ConfigProperty(name = "flowdesk.mail.throttle-minutes", defaultValue = "60")
    int throttleMinutes;

    @ConfigProperty(name = "flowdesk.mail.imap-enabled", defaultValue = "true")
    boolean imapEnabled;

    @ConfigProperty(name = "flowdesk.mail.imap-tick", defaultValue = "PT5S")
    Duration imapTick;

    @ConfigProperty(name = "flowdesk.mail.pause-after-import", defaultValue = "PT0S")
    Duration pauseAfterImport;

    @ConfigProperty(name = "flowdesk.mail.reply-to")
    Optional<String> replyTo;

    @ConfigProperty(name = "flowdesk.secrets.key")
    Optional<String> secretsKey;

    private volatile Optional<ReplyToken> token;

    public int reopenDays() {
        return reopenDays;
    }

    public int throttleCount() {
        return throttleCount;
    }

    public int throttleMinutes() {
        return throttleMinutes;
    }

    public boolean imapEnabled() {
        return imapEnabled;
    }

    public Duration imapTick() {
        return imapTick;
    }

    public Duration pauseAfterImport() {
        return pauseAfterImport;
    }

    /**
     * The address replies go to ({@code support@example.com}); mail about a ticket gets Reply-To
     * {@code support+<signed ticket number>@example.com} (ADR 0051). Empty: no Reply-To.
     */
    public Optional<String> replyTo() {
        return replyTo.map(String::strip).filter(a -> a.indexOf('@') > 0);
    }

    /** The signer of FlowDesk's Message-IDs; empty without a secrets key (then only headers and subjects thread). */
    public Optional<ReplyToken> token() {
        Optional<ReplyToken> t = token;
        if (t == null) {
            t = secretsKey.filter(k -> !k.isBlank()).map(k -> new ReplyToken(Base64.getDecoder().decode(k.trim())));
            token = t;
        }
        return t;
    }
}
