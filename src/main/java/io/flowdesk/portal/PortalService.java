package io.flowdesk.portal;

import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.notify.Notifications;
import io.flowdesk.portal.internal.LookupCodeEntity;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
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
    public static final String LOOKUP_SENT = "If the number and phone match a ticket, a code was sent to its contact.";

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
            errors.add(new FieldError("/email", "a valid e-mail address is required", "format"));
        }
        if (password == null || password.length() < 8 || password.length() > 200) {
            errors.add(new FieldError("/password", "the password needs at least 8 characters", "minLength"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("/name", "your name is required", "required"));
        }
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("/phone", "not a valid phone number", "format"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidInput("The sign-up is not valid", errors));
        }
        return bridge.call(() -> IdentityService.hash(password))
                .chain(hash -> identity.createCustomer(email, name, phone, hash, false, false));
    }

    /** Sends a sign-in code to an e-mail address (guest access). Always answers alike. */
    public Uni<Void> requestGuestCode(String email, String client) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            return Uni.createFrom().failure(InvalidInput.of("/email", "a valid e-mail address is required"));
        }
        String subject = email.strip().toLowerCase();
        if (!limiter.allow("guest:" + client, 10, Duration.ofMinutes(15))
                || !limiter.allow("guest-mail:" + subject, 3, Duration.ofMinutes(15))) {
            return Uni.createFrom().failure(new TooManyRequests("Too many codes requested; try again in 15 minutes"));
        }
        return issueCode("GUEST", subject).chain(code -> recipientLocale(subject).chain(locale -> notifications
                .mail(subject, locale, Text.of("mail.guestCode.subject"), Text.of("mail.guestCode.body", code))))
                .replaceWithVoid();
    }

    public Uni<CurrentUser> verifyGuestCode(String email, String code, String client) {
        String subject = email == null ? "" : email.strip().toLowerCase();
        if (!limiter.allow("guest-verify:" + client, 20, Duration.ofMinutes(15))) {
            return Uni.createFrom().failure(new TooManyRequests("Too many attempts; try again in 15 minutes"));
        }
        return checkCode("GUEST", subject, code).chain(ok -> {
            if (!ok) {
                return Uni.createFrom().failure(InvalidInput.of("/code", "The code is wrong or has expired"));
            }
            String randomPassword = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            return bridge.call(() -> IdentityService.hash(randomPassword))
                    .chain(hash -> identity.createCustomer(subject, subject, null, hash, true, true));
        });
    }

    // ---- status lookup ----

    /**
     * Step 1: number + phone. When both match, a code goes to the ticket's e-mail contact. The answer, and the
     * time it takes, is the same either way.
     */
    public Uni<String> requestStatusCode(String number, String phone, String client) {
        long started = System.nanoTime();
        if (!limiter.allow("lookup:" + client, 5, Duration.ofMinutes(10))
                || !limiter.allow("lookup-number:" + normalizeNumber(number), 5, Duration.ofMinutes(10))) {
            return Uni.createFrom().failure(new TooManyRequests("Too many lookups; try again in 10 minutes"));
        }
        return tickets.publicTicket(normalizeNumber(number)).chain(ticket -> {
            boolean match = ticket != null && digits(ticket.customerPhone()).length() >= 5
                    && digits(ticket.customerPhone()).equals(digits(phone));
            // the same work (a code hash and a row) happens whether or not the details match
            String subject = match ? ticket.number() : "nomatch:" + normalizeNumber(number);
            return issueCode("STATUS", subject).chain(code -> match && ticket.customerEmail() != null
                    ? recipientLocale(ticket.customerEmail()).chain(locale -> notifications.mail(
                            ticket.customerEmail(), locale, Text.of("mail.statusCode.subject", ticket.number()),
                            Text.of("mail.statusCode.body", ticket.number(), code))).replaceWithVoid()
                    : Uni.createFrom().voidItem());
        }).chain(() -> padTo(started)).replaceWith(LOOKUP_SENT);
    }

    /** Step 2: the code. Wrong, expired or unknown all answer alike. */
    public Uni<StatusView> verifyStatusCode(String number, String code, String client) {
        long started = System.nanoTime();
        if (!limiter.allow("lookup-verify:" + client, 10, Duration.ofMinutes(10))) {
            return Uni.createFrom().failure(new TooManyRequests("Too many attempts; try again in 10 minutes"));
        }
        String subject = normalizeNumber(number);
        return checkCode("STATUS", subject, code).chain(ok -> ok ? tickets.publicTicket(subject)
                : Uni.createFrom().<TicketService.PublicTicket>nullItem()).chain(ticket -> padTo(started).map(v -> {
                    if (ticket == null) {
                        throw InvalidInput.of("/code", "The code is wrong or has expired");
                    }
                    return new StatusView(ticket.number(), ticket.title(), ticket.status(), ticket.currentStep(),
                            ticket.createdAt(), ticket.updatedAt(), ticket.timeline());
                }));
    }

    /** The language of the account with this e-mail, or null (unknown: the mail is written in both). */
    private Uni<java.util.Locale> recipientLocale(String email) {
        return identity.findByUsername(email.strip().toLowerCase()).map(user -> user.map(CurrentUser::locale)
                .filter(tag -> tag != null && !tag.isBlank()).map(io.flowdesk.shared.Messages::locale).orElse(null));
    }

    // ---- codes ----

    private Uni<String> issueCode(String purpose, String subject) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        return Panache.withTransaction(() -> {
            LookupCodeEntity entity = new LookupCodeEntity();
            entity.purpose = purpose;
            entity.subject = subject;
            entity.codeHash = hash(subject, code);
            entity.createdAt = OffsetDateTime.now();
            entity.expiresAt = entity.createdAt.plus(CODE_TTL);
            return entity.persist();
        }).invoke(() -> LOG.debugf("issued %s code for %s", purpose, subject)).replaceWith(code);
    }

    /** Checks the newest unused code of a subject; five wrong tries burn it. */
    private Uni<Boolean> checkCode(String purpose, String subject, String code) {
        return Panache.withTransaction(() -> LookupCodeEntity.<LookupCodeEntity>find(
                "purpose = ?1 and subject = ?2 and usedAt is null order by id desc", purpose, subject).firstResult()
                .map(entity -> {
                    if (entity == null || entity.expiresAt.isBefore(OffsetDateTime.now()) || entity.attempts >= 5) {
                        return false;
                    }
                    boolean ok = code != null && MessageDigest.isEqual(entity.codeHash.getBytes(),
                            hash(subject, code.strip()).getBytes());
                    if (ok) {
                        entity.usedAt = OffsetDateTime.now();
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
