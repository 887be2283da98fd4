package io.flowdesk.notify.internal;


import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.StoredText;
import io.flowdesk.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Department group robots (WeCom, DingTalk, Feishu). One row is one message; a digest (the sender merged the rows
 * above the robot's rate) lists every merged notice in one message, so nothing is dropped.
 */
@ApplicationScoped
public class RobotChannel implements DeliveryChannel {

    public static final String ID = "robot";

    @Inject
    Targets targets;

    @Inject
    NotifySettings config;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void send(Outgoing message) throws Exception {
        Targets.Target robot = targets.robot(message.recipient());
        if (robot == null || !robot.enabled()) {
            throw new Suppressed("robot " + message.recipient() + " was removed or switched off");
        }
        Locale locale = Messages.locale(robot.locale());
        String title;
        List<String> lines = new ArrayList<>();
        if (message.merged().isEmpty()) {
            title = "FlowDesk · " + text(message, "title", locale);
            lines.add(text(message, "text", locale));
            String link = link(message);
            if (link != null) {
                lines.add("[" + Messages.get(locale, "notify.mail.open", message.payload().path("ticketNumber")
                        .asText()) + "](" + link + ")");
            }
        } else {
            title = "FlowDesk · " + Messages.get(locale, "notify.robot.digest", message.all().size());
            for (Outgoing row : message.all()) {
                lines.add("- " + row.payload().path("ticketNumber").asText("") + " " + text(row, "text", locale));
            }
        }
        RobotFormats.Request request = RobotFormats.request(robot.vendor(), robot.url(), robot.secret(),
                FlowClock.instant(), title, lines);
        String answer = Http.postJson(request.url(), request.body(), Map.of("X-FlowDesk-Delivery", message.key()),
                config.httpTimeout());
        String error = RobotFormats.error(answer);
        if (error != null) {
            throw new java.io.IOException(error);
        }
    }

    private String link(Outgoing message) {
        String number = message.payload().path("ticketNumber").asText("");
        return number.isEmpty() ? null : config.baseUrl() + "/tickets/" + number;
    }

    private static String text(Outgoing message, String field, Locale locale) {
        Text text = StoredText.read(message.payload().path(field).asText(null));
        return text == null ? "" : MailComposer.header(text.in(locale), 300);
    }
}
