package io.flowdesk.channels.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a body or header into text the way a Chinese mailbox needs it: GB2312 and GBK labels are read
 * as their superset GB18030; the declared charset is tried strictly, then UTF-8, then GB18030; a missing or unknown
 * label is detected the same way. Only the last resort replaces bad bytes.
 */
public final class MailCharsets {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t\\r\\n]+(=\\?)");

    private MailCharsets() {
    }

    /** The Java charset for a MIME label, with the Chinese supersets; null when unknown or absent. */
    static Charset forLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        int star = l.indexOf('*'); // RFC 2231 language suffix
        if (star > 0) {
            l = l.substring(0, star);
        }
        switch (l) {
            case "gb2312", "gbk", "x-gbk", "cp936", "ms936", "euc-cn", "x-euc-cn", "gb_2312-80", "csgb2312", "gb18030":
                return GB18030;
            case "us-ascii", "ascii", "unknown-8bit", "x-unknown", "8bit", "default":
                return null; // a lie as often as not: detect
            case "utf8":
                return StandardCharsets.UTF_8;
            case "big5-hkscs", "big5", "x-big5", "cn-big5":
                return Charset.forName("Big5-HKSCS");
            default:
                try {
                    return Charset.forName(l);
                } catch (RuntimeException e) {
                    return null;
                }
        }
    }

    /** Decodes bytes: the declared charset strictly, else UTF-8, else GB18030, else the declared one leniently. */
    public static String decode(byte[] bytes, String declaredLabel) {
        Charset declared = forLabel(declaredLabel);
        if (declared != null) {
            String strict = strict(bytes, declared);
            if (strict != null) {
                return strict;
            }
        }
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        for (Charset candidate : new Charset[] {StandardCharsets.UTF_8, GB18030}) {
            String strict = strict(bytes, candidate);
            if (strict != null) {
                return strict;
            }
        }
        return new String(bytes, declared != null ? declared : StandardCharsets.UTF_8);
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            CharBuffer out = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return out.toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A header value as text: folded lines joined, 8-bit bytes (read by the MIME parser as ISO-8859-1) detected,
     * encoded words of any charset decoded, also when one word is split across lines or its charset is mislabelled.
     */
    public static String header(String raw) {
        if (raw == null) {
            return null;
        }
        String unfolded = raw.replaceAll("\\r?\\n[ \\t]*", " ").strip();
        unfolded = BETWEEN_WORDS.matcher(unfolded).replaceAll("$1$2");
        if (!unfolded.chars().allMatch(c -> c < 0x80)) {
            if (unfolded.chars().allMatch(c -> c < 0x100)) {
                unfolded = decode(unfolded.getBytes(StandardCharsets.ISO_8859_1), null);
            }
        }
        return decodeWords(unfolded);
    }

    /**
     * Adjacent encoded words of one charset are joined as bytes before decoding: mailers split a multi-byte character
     * between two words.
     */
    private static String decodeWords(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = ENCODED_WORD.matcher(text);
        int last = 0;
        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        String pendingCharset = null;
        while (m.find()) {
            if (m.start() > last) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(text, last, m.start());
            }
            String charset = m.group(1);
            if (pendingCharset != null && !pendingCharset.equalsIgnoreCase(charset)) {
                flush(out, pending, pendingCharset);
            }
            pendingCharset = charset;
            byte[] bytes = m.group(2).equalsIgnoreCase("b") ? base64(m.group(3)) : qWord(m.group(3));
            pending.writeBytes(bytes);
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text.substring(last));
        return out.toString();
    }

    private static void flush(StringBuilder out, java.io.ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    private static byte[] base64(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9+/]", "");
        while (clean.length() % 4 != 0) {
            clean += "=";
        }
        try {
            return java.util.Base64.getDecoder().decode(clean);
        } catch (IllegalArgumentException e) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] qWord(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && isHex(s, i + 1)) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int at) {
        return at + 1 < s.length() && Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }
}
