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
    private static final Pattern TOKEN = Pattern.compile("fd\\.(FD-\\d{4}-\\d{6,})\\.([0-9a-f]{12})\\.([0-9a-f]{16})",
            Pattern.CASE_INSENSITIVE);
    /** The reply address's sub-address: {@code support+fd-2026-000123.0123456789ab@host}, lower case (ADR 0051). */
    private static final Pattern ADDRESS = Pattern.compile("\\+(fd-\\d{4}-\\d{6,})\\.([0-9a-f]{12})@",
            Pattern.CASE_INSENSITIVE);
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

    /**
     * A Message-ID that is the same for the same {@code seed} (a delivery's key): a retried send does not make a
     * second id for one mail.
     */
    public String messageId(String ticketNumber, String host, String seed) {
        String r = HexFormat.of().formatHex(sha256(seed), 0, 6);
        return "fd." + ticketNumber + "." + r + "." + mac(ticketNumber, r) + "@" + host;
    }

    /**
     * The ticket's reply address: {@code base}'s local part with the signed ticket number as sub-address, in lower
     * case because mail systems may fold the case of addresses ({@code support@x} →
     * {@code support+fd-2026-000123.0123456789ab@x}). The same for every mail of the ticket.
     */
    public String replyAddress(String ticketNumber, String base) {
        int at = base.lastIndexOf('@');
        String local = base.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        String number = ticketNumber.toUpperCase(java.util.Locale.ROOT);
        return (local + "+" + number + "." + mac("reply." + number, "").substring(0, 12)).toLowerCase(
                java.util.Locale.ROOT) + base.substring(at);
    }

    /** The ticket number of the first genuine FlowDesk token in these ids or addresses (Message-ID or reply address). */
    public Optional<String> ticketOf(List<String> idsOrAddresses) {
        for (String value : idsOrAddresses) {
            if (value == null) {
                continue;
            }
            Matcher m = TOKEN.matcher(value);
            while (m.find()) {
                String number = m.group(1).toUpperCase(java.util.Locale.ROOT);
                String random = m.group(2).toLowerCase(java.util.Locale.ROOT);
                byte[] expected = mac(number, random).getBytes(StandardCharsets.US_ASCII);
                if (MessageDigest.isEqual(expected, m.group(3).toLowerCase(java.util.Locale.ROOT)
                        .getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(number);
                }
            }
            Matcher a = ADDRESS.matcher(value);
            while (a.find()) {
                String number = a.group(1).toUpperCase(java.util.Locale.ROOT);
                byte[] expected = mac("reply." + number, "").substring(0, 12).getBytes(StandardCharsets.US_ASCII);
                if (MessageDigest.isEqual(expected, a.group(2).toLowerCase(java.util.Locale.ROOT)
                        .getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(number);
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
