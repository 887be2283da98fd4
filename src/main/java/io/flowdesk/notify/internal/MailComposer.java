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
 * {@code Auto-Submitted: auto-generated}, a Message-ID made of the delivery id, and In-Reply-To / References to the
 * ticket's thread so that mail clients keep one conversation per ticket.
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
        Mail mail = Mail.withHtml(to, subjectLine, html).setText(text);
        String domain = config.mailDomain();
        mail.addHeader("Message-ID", "<" + messageId(delivery, number, domain) + ">");
        mail.addHeader("Auto-Submitted", "auto-generated");
        mail.addHeader("X-Auto-Response-Suppress", "All");
        mail.addHeader("X-FlowDesk-Delivery", delivery.key());
        if (!number.isEmpty()) {
            String thread = threadId(number, domain);
            mail.addHeader("In-Reply-To", thread);
            mail.addHeader("References", thread);
        }
        return mail;
    }

    /** The channel's signed reply token when there is one (ADR 0042), else one made of the delivery id. */
    private String messageId(Outgoing delivery, String number, String domain) {
        if (!number.isEmpty() && threading.isResolvable()) {
            String token = threading.get().messageId(number, domain);
            if (token != null) {
                return token;
            }
        }
        return delivery.key().replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain;
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
