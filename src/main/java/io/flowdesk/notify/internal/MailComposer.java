package io.flowdesk.notify.internal;


import io.flowdesk.shared.Messages;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes one notification mail from its delivery: Qute templates with an HTML and a text part in the recipient's
 * language, headers that no stored text can break (every header value loses CR, LF and other control characters),
 * {@code Auto-Submitted: auto-generated} and {@code X-Loop}, the ticket number in the subject, and the threading a
 * channel provides ({@link io.flowdesk.notify.MailThreading}: Message-ID, In-Reply-To / References over the ticket's
 * conversation, Reply-To, Thread-Topic / Thread-Index) so that mail clients keep one conversation per ticket.
 */
@ApplicationScoped
public class MailComposer {

    /** Local parts that never take mail: an automatic notice to them would only bounce or loop. */
    private static final Pattern NO_MAIL = Pattern.compile(
            "^(no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?|mail-daemon)([+.-].*)?@.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS = Pattern.compile("^[^\\s@<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+$");

    @Inject
    Engine engine;

    @Inject
    NotifySettings config;

    @Inject
    jakarta.enterprise.inject.Instance<io.flowdesk.notify.MailThreading> threading;

    /** Why this address gets no mail, or null when it may. */
    public static String refusal(String address) {
        if (address == null || address.isBlank()) {
            return "no e-mail address";
        }
        String a = address.trim();
        if (!ADDRESS.matcher(a).matches()) {
            return "not a single plain e-mail address";
        }
        if (NO_MAIL.matcher(a).matches()) {
            return "address takes no mail (no-reply / mailer-daemon / postmaster)";
        }
        return null;
    }

    /** A header value that cannot start another header: control characters become spaces, runs of space one. */
    public static String header(String value, int max) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").replaceAll(" {2,}", " ").trim();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    public Mail compose(Outgoing delivery) {
        var p = delivery.payload();
        String to = p.path("to").asText("").trim();
        Locale locale = Messages.locale(p.path("locale").asText("zh-CN"));
        Text subject = StoredText.read(p.path("subject").asText(null));
        Text body = StoredText.read(p.path("body").asText(null));
        String number = p.path("ticketNumber").asText("");
        String name = p.path("name").asText("");
        String subjectLine = header(subject == null ? "" : subject.in(locale), 200);
        String link = number.isEmpty() ? null : config.baseUrl() + p.path("path").asText("/tickets/" + number);
        Map<String, Object> data = Map.of("lang", Messages.tag(locale), "subject", subjectLine,
                "greeting", Messages.get(locale, "notify.mail.greeting", header(name, 100)),
                "message", body == null ? "" : body.in(locale), "link", link == null ? "" : link,
                "linkLabel", Messages.get(locale, "notify.mail.open", number),
                "footer", Messages.get(locale, "notify.mail.footer"));
        String html = template("notify/mail.html").data(data).render();
        String text = template("notify/mail.txt").data(data).render();
        String domain = config.mailDomain();
        io.flowdesk.notify.MailThreading.Headers h = number.isEmpty() || !threading.isResolvable() ? null
                : threading.get().headers(number, delivery.key(), domain,
                        delivery.recipient() != null && delivery.recipient().contains("@"));
        if (!number.isEmpty() && !subjectLine.contains(number)) {
            subjectLine = header("[" + number + "] " + subjectLine, 200); // mail clients and mail in thread by it
        }
        Mail mail = Mail.withHtml(to, subjectLine, html).setText(text);
        String messageId = h != null ? h.messageId() : delivery.key().replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain;
        mail.addHeader("Message-ID", "<" + messageId + ">");
        mail.addHeader("Auto-Submitted", "auto-generated");
        mail.addHeader("X-Auto-Response-Suppress", "All");
        mail.addHeader("X-Loop", loop(domain));
        mail.addHeader("X-FlowDesk-Delivery", delivery.key());
        if (!number.isEmpty()) {
            String thread = threadId(number, domain);
            java.util.List<String> refs = new java.util.ArrayList<>();
            refs.add(thread);
            if (h != null) {
                h.references().forEach(r -> refs.add("<" + r + ">"));
            }
            mail.addHeader("In-Reply-To", h != null && h.inReplyTo() != null ? "<" + h.inReplyTo() + ">" : thread);
            mail.addHeader("References", String.join(" ", refs));
        }
        if (h != null && h.replyTo() != null) {
            mail.setReplyTo(h.replyTo());
        }
        if (h != null && h.threadTopic() != null) {
            mail.addHeader("Thread-Topic", encodedWords(header(h.threadTopic(), 200)));
        }
        if (h != null && h.threadIndex() != null) {
            mail.addHeader("Thread-Index", h.threadIndex());
        }
        return mail;
    }

    /** A header value as RFC 2047 encoded words of at most 20 characters each when it is not plain ASCII. */
    static String encodedWords(String value) {
        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return value;
        }
        java.util.List<String> words = new java.util.ArrayList<>();
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length; i += 20) {
            String part = new String(cps, i, Math.min(20, cps.length - i));
            words.add("=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(part.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)) + "?=");
        }
        return String.join(" ", words);
    }

    /** FlowDesk's X-Loop value: mail in drops a message carrying it (ADR 0051). */
    public static String loop(String domain) {
        return "flowdesk@" + domain;
    }

    /**
     * The daily digest ({@code DIGEST}: the notices held for it) or the cap's summary ({@code SUMMARY}: "N more
     * notices", those suppressed above the cap), in the recipient's language, HTML and text.
     */
    public Mail composeDigest(Outgoing delivery, java.util.List<Outgoing> notices) {
        var p = delivery.payload();
        String to = p.path("to").asText("").trim();
        Locale locale = Messages.locale(p.path("locale").asText("zh-CN"));
        boolean summary = Digests.SUMMARY.equals(delivery.kind());
        // one line per notice: what the single mail would have said
        java.util.List<Map<String, String>> items = new java.util.ArrayList<>();
        for (Outgoing n : notices) {
            var np = n.payload();
            Text subject = StoredText.read(np.path("subject").asText(null));
            Text body = StoredText.read(np.path("body").asText(null));
            String number = np.path("ticketNumber").asText("");
            items.add(Map.of("subject", header(subject == null ? "" : subject.in(locale), 200),
                    "message", body == null ? "" : body.in(locale),
                    "link", number.isEmpty() ? "" : config.baseUrl() + np.path("path").asText("/tickets/" + number)));
        }
        String subjectLine = header(Messages.get(locale, summary ? "notify.summary.subject" : "notify.digest.subject",
                items.size()), 200);
        Map<String, Object> data = Map.of("lang", Messages.tag(locale), "subject", subjectLine,
                "greeting", Messages.get(locale, "notify.mail.greeting", header(p.path("name").asText(""), 100)),
                "intro", Messages.get(locale, summary ? "notify.summary.intro" : "notify.digest.intro", items.size()),
                "items", items, "openLabel", Messages.get(locale, "notify.digest.open"),
                "footer", Messages.get(locale, "notify.mail.footer"));
        String html = template("notify/digest.html").data(data).render();
        String text = template("notify/digest.txt").data(data).render();
        Mail mail = Mail.withHtml(to, subjectLine, html).setText(text);
        mail.addHeader("Message-ID", "<" + delivery.key().replaceAll("[^A-Za-z0-9.-]", ".") + "@" + config.mailDomain()
                + ">");
        mail.addHeader("Auto-Submitted", "auto-generated");
        mail.addHeader("X-Auto-Response-Suppress", "All");
        mail.addHeader("X-Loop", loop(config.mailDomain()));
        mail.addHeader("X-FlowDesk-Delivery", delivery.key());
        return mail;
    }

    /** The ticket's thread id: the Message-ID its conversation hangs on. */
    public static String threadId(String ticketNumber, String domain) {
        return "<ticket." + ticketNumber.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain + ">";
    }

    private Template template(String id) {
        Template t = engine.getTemplate(id);
        if (t == null) {
            throw new IllegalStateException("template " + id + " missing");
        }
        return t;
    }
}
