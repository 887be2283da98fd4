package io.flowdesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Messages;
import io.flowdesk.testing.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
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
        TooManyRequests limited = assertThrows(TooManyRequests.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> portal.requestGuestCode(email, "client-" + email)));
        assertEquals("验证码请求过多，请 15 分钟后再试。", limited.message(Messages.ZH));
        assertEquals("Too many codes requested; try again in 15 minutes.", limited.message(Messages.EN));
    }

    @Test
    void theCodeMailIsInTheLanguageOfThePageThatAskedForIt() throws Throwable {
        for (Locale locale : List.of(Messages.ZH, Messages.EN)) {
            String email = "lang-" + locale.getLanguage() + "-" + System.nanoTime() + "@example.com";
            int before = GreenMailResource.to(GreenMailResource.mail(), email).size();
            VertxContextSupport.subscribeAndAwait(() -> portal.requestGuestCode(email, "lang-test", locale));
            GreenMailResource.code(GreenMailResource.mail(), email, before);
            var mails = GreenMailResource.to(GreenMailResource.mail(), email);
            MimeMessage mail = mails.get(mails.size() - 1);
            String body = String.valueOf(mail.getContent());
            if (locale == Messages.ZH) {
                assertEquals("您的 FlowDesk 登录验证码", mail.getSubject());
                assertTrue(body.contains("10 分钟内有效"), body);
            } else {
                assertEquals("Your FlowDesk sign-in code", mail.getSubject());
                assertTrue(body.contains("valid for 10 minutes"), body);
            }
        }
    }

    @Test
    void aWrongCodeSaysSoInBothLanguages() {
        InvalidInput wrong = assertThrows(InvalidInput.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> portal.verifyGuestCode("nobody-" + System.nanoTime() + "@example.com", "000000", "test")));
        assertEquals("/code", wrong.errors().get(0).pointer());
        assertEquals("验证码错误或已过期。", wrong.errors().get(0).message(Messages.ZH));
        assertEquals("The code is wrong or has expired.", wrong.errors().get(0).message(Messages.EN));
    }
}
