package io.flowdesk.portal;

import io.flowdesk.shared.FlowClock;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.notify.Notifications;
import io.flowdesk.portal.internal.LookupCodeEntity;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.workflow.EngineBridge;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Customer self-service: sign-up, guest sign-in by e-mail code, status lookup without an account.
 *
 * <p>Status lookup answers the same way, in about the same time, whether the number is unknown or the phone is
 * wrong; the code goes to the contact stored on the ticket; requests and code attempts are rate limited.
 */
@ApplicationScoped
public class PortalService {

    private static final Logger LOG = Logger.getLogger(PortalService.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,30}");
    static final Duration CODE_TTL = Duration.ofMinutes(10);
    static final Duration MIN_LOOKUP_TIME = Duration.ofMillis(600);
    /** What step 1 of a status lookup always answers. */
    public static final Text LOOKUP_SENT = Text.of("portal.lookup.sent");

    private final SecureRandom random = new SecureRandom();

    @Inject
    IdentityService identity;

    @Inject
    TicketService tickets;

    @Inject
    Notifications notifications;

    @Inject
    RateLimiter limiter;

    @Inject
    EngineBridge bridge;

    // ---- accounts ----

    public Uni<CurrentUser> signUp(String email, String password, String name, String phone) {
        List<FieldError> errors = new ArrayList<>();
        if (email == null || !EMAIL.matcher(email.strip()).matches() || email.length() > 200) {
            errors.add(FieldError.of("/email", Text.of("portal.error.email"), "format"));
        }
        if (password == null || password.length() < 8 || password.length() > 200) {
            errors.add(FieldError.of("/password", Text.of("portal.error.password"), "minLength"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(FieldError.of("/name", Text.of("portal.error.name"), "required"));
        }
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone).matches()) {
            errors.add(FieldError.of("/phone", Text.of("portal.error.phone"), "format"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("portal.error.signUp"), errors));
        }
        return bridge.call(() -> IdentityService.hash(password))
                .chain(hash -> identity.createCustomer(email, name, phone, hash, false, false));
    }

    /** Sends a sign-in code to an e-mail address (guest access), written in English. */
    public Uni<Void> requestGuestCode(String email, String client) {
        return requestGuestCode(email, client, Messages.EN);
    }

    /** Sends a sign-in code to an e-mail address (guest access), in the requester's language. */
    public Uni<Void> requestGuestCode(String email, String client, Locale locale) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            return Uni.createFrom().failure(InvalidInput.of("/email", Text.of("portal.error.email"), "format"));
        }
        String subject = email.strip().toLowerCase();
        if (!limiter.allow("guest:" + client, 10, Duration.ofMinutes(15))
                || !limiter.allow("guest-mail:" + subject, 3, Duration.ofMinutes(15))) {
            return Uni.createFrom().failure(new TooManyRequests(Text.of("portal.error.tooManyCodes", 15)));
        }
        return issueCode("GUEST", subject).chain(code -> notifications.mail(subject,
                Messages.get(locale, "portal.mail.guest.subject"), Messages.get(locale, "portal.mail.guest.body", code)))
                .replaceWithVoid();
    }

    public Uni<CurrentUser> verifyGuestCode(String email, String code, String client) {
        String subject = email == null ? "" : email.strip().toLowerCase();
        if (!limiter.allow("guest-verify:" + client, 20, Duration.ofMinutes(15))) {
            return Uni.createFrom().failure(new TooManyRequests(Text.of("portal.error.tooManyAttempts", 15)));
        }
        return checkCode("GUEST", subject, code).chain(ok -> {
            if (!ok) {
                return Uni.createFrom().failure(InvalidInput.of("/code", Text.of("portal.error.codeWrong"), "code"));
            }
            String randomPassword = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            return bridge.call(() -> IdentityService.hash(randomPassword))
                    .chain(hash -> identity.createCustomer(subject, subject, null, hash, true, true));
        });
    }

    // ---- status lookup ----

    /** Step 1 of a status lookup, the code mail in English. */
    public Uni<Text> requestStatusCode(String number, String phone, String client) {
        return requestStatusCode(number, phone, client, Messages.EN);
    }

    /**
     * Step 1: number + phone. When both match, a code goes to the ticket's e-mail contact, in the requester's
     * language. The answer, and the time it takes, is the same either way; empty fields are field errors.
     */
    public Uni<Text> requestStatusCode(String number, String phone, String client, Locale locale) {
        long started = System.nanoTime();
        List<FieldError> errors = new ArrayList<>();
        if (number == null || number.isBlank()) {
            errors.add(FieldError.of("/number", Text.of("portal.lookup.error.number"), "required"));
        }
        if (phone == null || phone.isBlank()) {
            errors.add(FieldError.of("/phone", Text.of("portal.lookup.error.phone"), "required"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("portal.lookup.invalid"), errors));
        }
        if (!limiter.allow("lookup:" + client, 5, Duration.ofMinutes(10))
                || !limiter.allow("lookup-number:" + normalizeNumber(number), 5, Duration.ofMinutes(10))) {
            return Uni.createFrom().failure(new TooManyRequests(Text.of("portal.error.tooManyLookups", 10)));
        }
        return tickets.publicTicket(normalizeNumber(number)).chain(ticket -> {
            boolean match = ticket != null && digits(ticket.customerPhone()).length() >= 5
                    && digits(ticket.customerPhone()).equals(digits(phone));
            // the same work (a code hash and a row) happens whether or not the details match
            String subject = match ? ticket.number() : "nomatch:" + normalizeNumber(number);
            return issueCode("STATUS", subject).chain(code -> match && ticket.customerEmail() != null
                    ? notifications.mail(ticket.customerEmail(),
                            Messages.get(locale, "portal.mail.status.subject", ticket.number()),
                            Messages.get(locale, "portal.mail.status.body", ticket.number(), code)).replaceWithVoid()
                    : Uni.createFrom().voidItem());
        }).chain(() -> padTo(started)).replaceWith(LOOKUP_SENT);
    }

    /** Step 2: the code. Wrong, expired or unknown all answer alike. */
    public Uni<StatusView> verifyStatusCode(String number, String code, String client) {
        long started = System.nanoTime();
        List<FieldError> errors = new ArrayList<>();
        if (number == null || number.isBlank()) {
            errors.add(FieldError.of("/number", Text.of("portal.lookup.error.number"), "required"));
        }
        if (code == null || code.isBlank()) {
            errors.add(FieldError.of("/code", Text.of("portal.lookup.error.code"), "required"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput(Text.of("portal.lookup.invalid"), errors));
        }
        if (!limiter.allow("lookup-verify:" + client, 10, Duration.ofMinutes(10))) {
            return Uni.createFrom().failure(new TooManyRequests(Text.of("portal.error.tooManyAttempts", 10)));
        }
        String subject = normalizeNumber(number);
        return checkCode("STATUS", subject, code).chain(ok -> ok ? tickets.publicTicket(subject)
                : Uni.createFrom().<TicketService.PublicTicket>nullItem()).chain(ticket -> padTo(started).map(v -> {
                    if (ticket == null) {
                        throw InvalidInput.of("/code", Text.of("portal.error.codeWrong"), "code");
                    }
                    return new StatusView(ticket.number(), ticket.title(), ticket.status(), ticket.currentStep(),
                            ticket.createdAt(), ticket.updatedAt(), ticket.timeline());
                }));
    }

    // ---- codes ----

    private Uni<String> issueCode(String purpose, String subject) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        return Panache.withTransaction(() -> {
            LookupCodeEntity entity = new LookupCodeEntity();
            entity.purpose = purpose;
            entity.subject = subject;
            entity.codeHash = hash(subject, code);
            entity.createdAt = FlowClock.offsetNow();
            entity.expiresAt = entity.createdAt.plus(CODE_TTL);
            return entity.persist();
        }).invoke(() -> LOG.debugf("issued %s code for %s", purpose, subject)).replaceWith(code);
    }

    /** Checks the newest unused code of a subject; five wrong tries burn it. */
    private Uni<Boolean> checkCode(String purpose, String subject, String code) {
        return Panache.withTransaction(() -> LookupCodeEntity.<LookupCodeEntity>find(
                "purpose = ?1 and subject = ?2 and usedAt is null order by id desc", purpose, subject).firstResult()
                .map(entity -> {
                    if (entity == null || entity.expiresAt.isBefore(FlowClock.offsetNow()) || entity.attempts >= 5) {
                        return false;
                    }
                    boolean ok = code != null && MessageDigest.isEqual(entity.codeHash.getBytes(),
                            hash(subject, code.strip()).getBytes());
                    if (ok) {
                        entity.usedAt = FlowClock.offsetNow();
                    } else {
                        entity.attempts++;
                    }
                    return ok;
                }));
    }

    private Uni<Void> padTo(long startedNanos) {
        long elapsed = System.nanoTime() - startedNanos;
        long remaining = MIN_LOOKUP_TIME.toNanos() - elapsed;
        if (remaining <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(remaining));
    }

    private static String hash(String subject, String code) {
        return Json.sha256(subject + ":" + code);
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }

    private static String normalizeNumber(String number) {
        return number == null ? "" : number.strip().toUpperCase();
    }
}
