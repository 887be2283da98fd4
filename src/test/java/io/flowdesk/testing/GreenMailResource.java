package io.flowdesk.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) for the tests; FlowDesk's mailer sends to it on port 3025 (plus the test slot). */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    public static final int PORT = 3025 + TestSlot.offset();
    private static GreenMail mail;

    @Override
    public Map<String, String> start() {
        mail = start(PORT);
        return Map.of("quarkus.mailer.host", "localhost", "quarkus.mailer.port", Integer.toString(PORT));
    }

    public static GreenMail start(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
    }

    /** Stops the shared server (mail to it then fails) until {@link #restart()}: for tests of failed sends. */
    public static void pause() {
        mail.stop();
    }

    /** A new shared server on the same port, with no messages. */
    public static void restart() {
        mail = start(PORT);
    }

    public static GreenMail mail() {
        return mail;
    }

    /** Messages received for an address. */
    public static List<MimeMessage> to(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The 6-digit code in the newest message for an address, waiting up to 10 s for it. */
    public static String code(GreenMail server, String address, int before) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> messages = to(server, address);
            if (messages.size() > before) {
                String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(messages.get(messages.size() - 1));
                Matcher matcher = Pattern.compile("CODE: (\\d{6})").matcher(body);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no code mailed to " + address);
    }
}
