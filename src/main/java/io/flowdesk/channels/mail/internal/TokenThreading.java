package io.flowdesk.channels.mail.internal;

import io.flowdesk.notify.MailThreading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Notification mails about a ticket carry a signed reply token as their Message-ID (ADR 0042). */
@ApplicationScoped
public class TokenThreading implements MailThreading {

    @Inject
    MailSettings settings;

    @Override
    public String messageId(String ticketNumber, String domain) {
        return settings.token().map(t -> t.messageId(ticketNumber, domain)).orElse(null);
    }
}
