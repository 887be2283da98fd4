package io.flowdesk.notify.internal;

import io.flowdesk.shared.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mailer;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

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
        if (Digests.SUMMARY.equals(message.kind())) {
            List<Outgoing> capped = reported(message.id());
            if (capped.isEmpty()) {
                throw new Suppressed("nothing to report");
            }
            mailer.send(composer.composeDigest(message, capped));
        } else if (Digests.DIGEST.equals(message.kind())) {
            if (message.merged().isEmpty()) {
                throw new Suppressed("nothing to report");
            }
            mailer.send(composer.composeDigest(message, message.merged()));
        } else {
            mailer.send(composer.compose(message));
        }
    }

    /** The notices a summary reports: those the cap suppressed into it (they stay suppressed in the log). */
    private static List<Outgoing> reported(long summaryId) throws Exception {
        List<Object[]> rows;
        try {
            rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache
                .getSession().chain(s -> s.createNativeQuery("select id, delivery_key, channel, recipient, "
                        + "ticket_id, kind, payload_json, attempts from notify_delivery where digest_id = ?1 order by id",
                        Object[].class).setParameter(1, summaryId).getResultList())));
        } catch (Exception e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return rows.stream().map(r -> new Outgoing(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5],
                Json.parse((String) r[6]), ((Number) r[7]).intValue(), List.of())).toList();
    }
}
