package io.flowdesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.testing.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Continue as a guest": a code mailed to the address signs the guest in as a customer of that address. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class GuestAccessTest {

    @Inject
    PortalService portal;

    @Inject
    RateLimiter limiter;

    @BeforeEach
    void clearLimits() {
        limiter.reset();
    }

    @Test
    void aMailedCodeSignsTheGuestInOnceAndTheAccountIsReused() throws Throwable {
        String email = "guest-" + System.nanoTime() + "@example.com";
        int before = GreenMailResource.to(GreenMailResource.mail(), email).size();
        VertxContextSupport.subscribeAndAwait(() -> portal.requestGuestCode(email, "test"));
        String code = GreenMailResource.code(GreenMailResource.mail(), email, before);
        assertThrows(InvalidInput.class, () -> VertxContextSupport.subscribeAndAwait(() -> portal.verifyGuestCode(email,
                code.equals("123456") ? "654321" : "123456", "test")));
        CurrentUser guest = VertxContextSupport.subscribeAndAwait(() -> portal.verifyGuestCode(email, code, "test"));
        assertTrue(guest.isCustomer());
        assertEquals(email, guest.email());
        assertThrows(InvalidInput.class, () -> VertxContextSupport.subscribeAndAwait(() -> portal.verifyGuestCode(email,
                code, "test")), "a code works once");

        int again = GreenMailResource.to(GreenMailResource.mail(), email).size();
        VertxContextSupport.subscribeAndAwait(() -> portal.requestGuestCode(email, "test"));
        String second = GreenMailResource.code(GreenMailResource.mail(), email, again);
        CurrentUser same = VertxContextSupport.subscribeAndAwait(() -> portal.verifyGuestCode(email, second, "test"));
        assertEquals(guest.id(), same.id(), "the guest account is reused");
    }

    @Test
    void guestCodesAreRateLimitedPerAddress() throws Throwable {
        String email = "limited-" + System.nanoTime() + "@example.com";
        for (int i = 0; i < 3; i++) {
            VertxContextSupport.subscribeAndAwait(() -> portal.requestGuestCode(email, "client-" + email));
        }
        assertThrows(TooManyRequests.class, () -> VertxContextSupport.subscribeAndAwait(() -> portal.requestGuestCode(
                email, "client-" + email)));
    }
}
