package io.flowdesk.channels.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * FlowDesk's own Message-ID, {@code <fd.{ticketNumber}.{random}.{hmac}@{host}>}: the HMAC-SHA256 over
 * {@code number.random} with the secrets key (ADR 0024's {@code flowdesk.secrets.key}) truncated to 16 hex digits,
 * so a reply names its ticket and the number cannot be guessed into another ticket (ADR 0039).
 */
public final class ReplyToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("fd\\.(FD-\\d{4}-\\d{6,})\\.([0-9a-f]{12})\\.([0-9a-f]{16})");
    /** A ticket number in a subject, with or without brackets, after any Re:/回复：/… prefixes. */
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9-])\\[?(FD-\\d{4}-\\d{6,})\\]?(?![0-9])");

    private final byte[] key;

    /** {@code key} is the raw secrets key (base64-decoded {@code flowdesk.secrets.key}). */
    public ReplyToken(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the secrets key must have at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** A new Message-ID (without angle brackets) for a mail about this ticket. */
    public String messageId(String ticketNumber, String host) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String r = HexFormat.of().formatHex(random);
        return "fd." + ticketNumber + "." + r + "." + mac(ticketNumber, r) + "@" + host;
    }

    /** The ticket number of the first genuine FlowDesk token in these ids or addresses. */
    public Optional<String> ticketOf(List<String> idsOrAddresses) {
        for (String value : idsOrAddresses) {
            if (value == null) {
                continue;
            }
            Matcher m = TOKEN.matcher(value);
            while (m.find()) {
                byte[] expected = mac(m.group(1), m.group(2)).getBytes(StandardCharsets.US_ASCII);
                if (MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /** The ticket number a subject names ({@code [FD-2026-000123]}, {@code 回复：FD-2026-000123 …}). */
    public static Optional<String> numberInSubject(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(subject.toUpperCase(java.util.Locale.ROOT));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private String mac(String number, String random) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal((number + "." + random).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(full, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
