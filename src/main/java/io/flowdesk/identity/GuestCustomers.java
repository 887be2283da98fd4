package io.flowdesk.identity;

import io.flowdesk.shared.Conflict;
import io.flowdesk.workflow.EngineBridge;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Customers who arrive through a channel without an account (mail in, the embedded web form) become unverified
 * guest customers by address; they sign in with one-time codes. Their password hash is one bcrypt of a random
 * secret that was thrown away, made once off the event loop: bcrypt per sender would cost a CPU-second per ticket.
 */
@ApplicationScoped
public class GuestCustomers {

    @Inject
    IdentityService identity;

    @Inject
    EngineBridge bridge;

    private volatile String guestHash;

    /** Makes sure a customer with this address exists (a new one is a guest); an existing one is left as it is. */
    public Uni<Void> ensure(String email, String name, String phone) {
        return identity.customerIdByEmail(email).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                : guestHash().chain(hash -> identity.createCustomer(email, name, phone, hash, true, true))
                        .replaceWithVoid().onFailure(Conflict.class).recoverWithNull().replaceWithVoid());
    }

    private Uni<String> guestHash() {
        String known = guestHash;
        return known != null ? Uni.createFrom().item(known) : bridge.call(() -> {
            guestHash = IdentityService.hash(UUID.randomUUID() + "." + UUID.randomUUID());
            return guestHash;
        });
    }
}
