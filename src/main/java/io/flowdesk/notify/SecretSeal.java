package io.flowdesk.notify;

import io.flowdesk.notify.internal.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sealing at rest with {@code flowdesk.secrets.key} (AES-GCM, ADR 0024) for other features' stored secrets, e.g. a
 * mailbox's IMAP password (ADR 0042). A sealed value opens only on a node with the same key.
 */
@ApplicationScoped
public class SecretSeal {

    @Inject
    Secrets secrets;

    public String seal(String plain) {
        return secrets.seal(plain);
    }

    public String open(String sealed) {
        return secrets.open(sealed);
    }
}
