package io.flowdesk.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deadline as text that counts down in the browser every 30 s ({@code frontend/fd-countdown.js}): "2 h 15 min
 * left", "overdue by 30 min", "paused", "met", or (mode "at") the due time itself; its tooltip is the exact due
 * instant in the browser's time zone. The server's {@link FlowClock} is the reference, so a moved test clock shows.
 */
@Tag("fd-countdown")
@JsModule("./fd-countdown.js")
public class Countdown extends Component {

    /**
     * @param state ON_TRACK, AT_RISK, BREACHED, PAUSED or MET
     * @param remainingMinutes what is left while paused (working minutes), or null
     */
    public Countdown(Instant due, String state, Long remainingMinutes, Locale locale) {
        getElement().setAttribute("due", due == null ? "" : Long.toString(due.toEpochMilli()));
        getElement().setAttribute("now", Long.toString(FlowClock.instant().toEpochMilli()));
        getElement().setAttribute("state", state == null ? "ON_TRACK" : state);
        if (remainingMinutes != null) {
            getElement().setAttribute("remaining", Long.toString(remainingMinutes));
        }
        getElement().setAttribute("texts", Json.write(texts(locale)));
        getElement().setAttribute("lang", Messages.tag(locale));
        getElement().setAttribute("data-state", state == null ? "ON_TRACK" : state);
    }

    /** Shows the due time itself (in the browser's zone) instead of the time left. */
    public Countdown showDueTime() {
        getElement().setAttribute("mode", "at");
        return this;
    }

    /** Put before the exact due instant in the tooltip. */
    public Countdown label(String label) {
        getElement().setAttribute("label", label);
        return this;
    }

    static Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : new String[] {"left", "overdue", "paused", "met", "hm", "m", "dh", "at"}) {
            texts.put(key, Messages.pattern(locale, "countdown." + key));
        }
        return texts;
    }
}
