package io.flowdesk.notify.internal;

import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** E-mail through SMTP (Quarkus Mailer, blocking on the sender's thread). */
@ApplicationScoped
public class EmailChannel implements DeliveryChannel {

    public static final String ID = "email";

    @Inject
    Mailer mailer;

    @Inject
    MailComposer composer;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void send(Outgoing message) throws Exception {
        String refusal = MailComposer.refusal(message.payload().path("to").asText(null));
        if (refusal != null) {
            throw new Suppressed(refusal);
        }
        mailer.send(composer.compose(message));
    }
}
