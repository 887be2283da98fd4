package io.flowdesk.channels.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 822 message into a {@link ParsedMail} with Angus Mail, decoding headers and bodies through
 * {@link MailCharsets} (not the library's strict charset tables). Any failure is a {@link Unparsable}: the caller
 * keeps the raw message, it never becomes a server error.
 */
public final class MailParser {

    /** Why a message could not be read; its raw bytes are kept on the unparsed list. */
    public static final class Unparsable extends Exception {
        public Unparsable(String why, Throwable cause) {
            super(why, cause);
        }
    }

    private static final int MAX_DEPTH = 12;
    private static final int MAX_PARTS = 200;
    private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,990})>");
    private static final Pattern RECIPIENT = Pattern.compile("(?im)^Final-Recipient:\\s*[^;]*;\\s*<?([^\\s>]+@[^\\s>]+)>?");
    private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*(\\S+)");
    private static final Session SESSION;

    static {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.base64.ignoreerrors", "true");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.multipart.allowempty", "true");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.decodeparameters", "true");
        SESSION = Session.getInstance(props);
    }

    private MailParser() {
    }

    public static ParsedMail parse(byte[] raw) throws Unparsable {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            List<ParsedMail.Address> from = addresses(message.getHeader("From", ","));
            if (from.isEmpty()) {
                from = addresses(message.getHeader("Sender", ","));
            }
            if (from.isEmpty()) {
                throw new Unparsable("no sender address (From)", null);
            }
            List<ParsedMail.Address> replyTo = addresses(message.getHeader("Reply-To", ","));
            Body body = new Body();
            walk(message, body, 0);
            String text = body.plain.toString().strip();
            String html = body.html.isEmpty() ? null : HtmlText.sanitise(body.html.toString());
            if (text.isEmpty() && html != null) {
                text = HtmlText.text(body.html.toString());
            }
            QuotedHistory.Split split = QuotedHistory.split(text);
            String subject = MailCharsets.header(message.getHeader("Subject", null));
            var sent = message.getSentDate();
            return new ParsedMail(firstId(message.getHeader("Message-ID", null)),
                    firstId(message.getHeader("In-Reply-To", " ")), ids(message.getHeader("References", " ")),
                    from.get(0), replyTo.isEmpty() ? null : replyTo.get(0), addresses(message.getHeader("To", ",")),
                    addresses(message.getHeader("Cc", ",")), subject == null ? "" : subject.strip(),
                    sent == null ? null : sent.toInstant().atOffset(ZoneOffset.UTC), split.text(), split.quoted(),
                    html, List.copyOf(body.parts), auto(message, body.report), body.report, List.copyOf(body.bounced));
        } catch (Unparsable e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new Unparsable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static final class Body {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<ParsedMail.Part> parts = new ArrayList<>();
        final List<String> bounced = new ArrayList<>();
        boolean report;
        int count;
    }

    private static void walk(Part part, Body body, int depth) throws Exception {
        if (depth > MAX_DEPTH || ++body.count > MAX_PARTS) {
            throw new Unparsable("too deeply nested or too many parts", null);
        }
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.startsWith("multipart/")) {
            if (base.equals("multipart/report")) {
                body.report = true;
            }
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new Unparsable("a multipart without parts", null);
            }
            boolean alternative = base.equals("multipart/alternative");
            int textsBefore = body.plain.length();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                // of the alternatives, the HTML is only kept when no plain text came before it
                if (alternative && body.plain.length() > textsBefore && child.isMimeType("text/html")) {
                    continue;
                }
                walk(child, body, depth + 1);
            }
            return;
        }
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (base.equals("message/delivery-status")) {
            bounces(new String(bytes(part), java.nio.charset.StandardCharsets.ISO_8859_1), body.bounced);
            return;
        }
        if (body.report && (base.equals("message/rfc822") || base.equals("text/rfc822-headers"))) {
            return; // the returned original of a delivery report is not the customer's attachment
        }
        if (!attachment && (base.equals("text/plain") || base.equals("text/html") || base.equals("text/enriched"))) {
            String text = MailCharsets.decode(bytes(part), type.getParameter("charset"));
            (base.equals("text/html") ? body.html : body.plain).append(text).append('\n');
            return;
        }
        byte[] bytes = bytes(part);
        if (bytes.length == 0) {
            return;
        }
        String name = fileName != null ? fileName : defaultName(base, body.parts.size() + 1);
        boolean inline = Part.INLINE.equalsIgnoreCase(part.getDisposition()) || part.getHeader("Content-ID") != null;
        body.parts.add(new ParsedMail.Part(name, base, bytes, inline && base.startsWith("image/")));
    }

    private static ContentType contentType(Part part) throws Exception {
        try {
            return new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (Exception e) {
            return new ContentType("application/octet-stream");
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            String decoded = MailCharsets.header(name).replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
            return decoded.isEmpty() ? null : decoded;
        } catch (Exception e) {
            return null;
        }
    }

    private static String defaultName(String base, int n) {
        String ext = switch (base) {
            case "image/png" -> "png";
            case "image/jpeg", "image/jpg" -> "jpg";
            case "image/gif" -> "gif";
            case "application/pdf" -> "pdf";
            case "message/rfc822" -> "eml";
            default -> "bin";
        };
        return "part-" + n + "." + ext;
    }

    private static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            // a broken transfer encoding: keep what the raw stream holds
            if (part instanceof jakarta.mail.internet.MimeBodyPart mbp) {
                try (InputStream in = mbp.getRawInputStream()) {
                    return in.readAllBytes();
                }
            }
            throw e;
        }
    }

    private static void bounces(String status, List<String> into) {
        String[] blocks = status.replace("\r\n", "\n").split("\n\\s*\n");
        for (String block : blocks) {
            Matcher r = RECIPIENT.matcher(block);
            if (!r.find()) {
                continue;
            }
            Matcher a = ACTION.matcher(block);
            if (!a.find() || a.group(1).equalsIgnoreCase("failed")) {
                into.add(r.group(1).toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String auto(MimeMessage m, boolean report) throws Exception {
        String submitted = m.getHeader("Auto-Submitted", null);
        if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + submitted.strip();
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "X-Loop"}) {
            if (m.getHeader(header, null) != null) {
                return header;
            }
        }
        String precedence = m.getHeader("Precedence", null);
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
            return "Precedence: " + precedence.strip();
        }
        return report ? "multipart/report" : null;
    }

    static List<ParsedMail.Address> addresses(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<ParsedMail.Address> out = new ArrayList<>();
        try {
            for (InternetAddress a : InternetAddress.parseHeader(raw.replaceAll("\\r?\\n[ \\t]*", " "), false)) {
                String email = a.getAddress() == null ? "" : a.getAddress().strip().toLowerCase(Locale.ROOT);
                if (email.matches("[^@\\s<>]+@[^@\\s<>]+")) {
                    String name = a.getPersonal() == null ? null : MailCharsets.header(a.getPersonal());
                    out.add(new ParsedMail.Address(email, name == null ? null : name.strip()));
                }
            }
        } catch (Exception e) {
            Matcher m = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+").matcher(raw);
            while (m.find()) {
                out.add(new ParsedMail.Address(m.group().toLowerCase(Locale.ROOT), null));
            }
        }
        return out;
    }

    static String firstId(String raw) {
        List<String> ids = ids(raw);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        String bare = raw == null ? "" : raw.strip();
        return bare.isEmpty() || bare.length() > 990 || bare.contains(" ") ? null : bare;
    }

    static List<String> ids(String raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = ID.matcher(raw);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
