package io.flowdesk.notify;

import io.flowdesk.shared.Text;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words for a delivery's stored reason, in the reader's language (the log never shows raw codes). Reasons are
 * stored as codes ({@code digest:<id>}, {@code quiet:<instant>}, {@code cap:<max>:<minutes>:<summary id>}) or as
 * the hub's fixed English sentences; a failure from the receiver keeps its detail (e.g. "HTTP 500") inside a
 * sentence.
 */
public final class DeliveryReasons {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern PREF_OFF = Pattern.compile("turned off in the preferences \\((.*)\\)");
    private static final Pattern ROBOT_OFF = Pattern.compile("robot (.*) was removed or switched off");
    private static final Pattern ENDPOINT_OFF = Pattern.compile("endpoint (.*) was removed or switched off");
    private static final Pattern NO_ENDPOINT = Pattern.compile("no webhook endpoint (.*)");
    private static final Pattern DIGEST_OF = Pattern.compile("digest of (\\d+)");
    private static final Pattern MERGED = Pattern.compile("merged into digest (\\d+)");
    private static final Pattern CAP = Pattern.compile("cap:(\\d+):(\\d+):(\\d+)");

    private DeliveryReasons() {
    }

    /** Null or blank: no reason (an empty text). */
    public static Text text(String reason) {
        if (reason == null || reason.isBlank()) {
            return Text.literal("");
        }
        Matcher m;
        if (reason.startsWith("digest:")) {
            return Text.of("notify.reason.heldForDigest", reason.substring(7));
        }
        if (reason.startsWith("quiet:")) {
            try {
                return Text.of("notify.reason.quiet", AT.format(Instant.parse(reason.substring(6))));
            } catch (RuntimeException e) {
                return Text.of("notify.reason.quiet", reason.substring(6));
            }
        }
        if ((m = CAP.matcher(reason)).matches()) {
            return Text.of("notify.reason.cap", m.group(1), m.group(2), m.group(3));
        }
        if ((m = PREF_OFF.matcher(reason)).matches()) {
            return Text.of("notify.reason.prefOff", Text.of("notify.event." + m.group(1)));
        }
        if ((m = ROBOT_OFF.matcher(reason)).matches()) {
            return Text.of("notify.reason.robotOff", m.group(1));
        }
        if ((m = ENDPOINT_OFF.matcher(reason)).matches()) {
            return Text.of("notify.reason.endpointOff", m.group(1));
        }
        if ((m = NO_ENDPOINT.matcher(reason)).matches()) {
            return Text.of("notify.reason.noEndpoint", m.group(1));
        }
        if ((m = DIGEST_OF.matcher(reason)).matches()) {
            return Text.of("notify.reason.digestOf", m.group(1));
        }
        if ((m = MERGED.matcher(reason)).matches()) {
            return Text.of("notify.reason.mergedInto", m.group(1));
        }
        return switch (reason) {
            case "no e-mail address" -> Text.of("notify.reason.noAddress");
            case "not a single plain e-mail address" -> Text.of("notify.reason.badAddress");
            case "address takes no mail (no-reply / mailer-daemon / postmaster)" -> Text.of("notify.reason.noMail");
            case "replayed" -> Text.of("notify.reason.replayed");
            case "nothing to report" -> Text.of("notify.reason.nothing");
            case "not an http(s) URL" -> Text.of("notify.reason.badUrl");
            default -> reason.startsWith("interrupted between sending and recording: sent again")
                    ? Text.of("notify.reason.interruptedWebhook")
                    : reason.startsWith("interrupted between sending and recording")
                            ? Text.of("notify.reason.interrupted")
                            : reason.startsWith("no channel ") ? Text.of("notify.reason.noChannel")
                                    : Text.of("notify.reason.error", reason);
        };
    }
}
