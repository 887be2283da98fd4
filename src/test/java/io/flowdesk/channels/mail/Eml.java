package io.flowdesk.channels.mail;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small builder of raw RFC 822 test messages (UTF-8, 8bit). */
public final class Eml {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body = "Hello, I need help.";

    private Eml(String from) {
        headers.put("From", from);
        headers.put("To", "support@flowdesk.test");
        headers.put("Subject", "Question " + UUID.randomUUID().toString().substring(0, 8));
        headers.put("Message-ID", "<" + UUID.randomUUID() + "@client.test>");
        headers.put("Date", "Fri, 04 Dec 2026 10:00:00 +0800");
        headers.put("MIME-Version", "1.0");
        headers.put("Content-Type", "text/plain; charset=UTF-8");
        headers.put("Content-Transfer-Encoding", "8bit");
    }

    public static Eml from(String from) {
        return new Eml(from);
    }

    /** A fresh, unique sender address. */
    public static String sender() {
        return "c" + UUID.randomUUID().toString().substring(0, 10) + "@customer.test";
    }

    public Eml header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public Eml subject(String subject) {
        return header("Subject", subject);
    }

    public Eml inReplyTo(String id) {
        return header("In-Reply-To", id);
    }

    public Eml body(String body) {
        this.body = body;
        return this;
    }

    /** The Message-ID with its angle brackets. */
    public String messageId() {
        return headers.get("Message-ID");
    }

    public byte[] bytes() {
        StringBuilder s = new StringBuilder();
        headers.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
        s.append("\r\n").append(body.replace("\n", "\r\n")).append("\r\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
