package io.flowdesk.sla.internal;

import io.flowdesk.shared.Text;
import io.flowdesk.sla.BusinessCalendar;
import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.tickets.TicketEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Catalogue texts of SLA targets and recompute entries. */
public final class SlaTexts {

    /** Timeline kind of a recompute that moved a deadline. */
    public static final String RECOMPUTED = "SLA_RECOMPUTED";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SlaTexts() {
    }

    public static Text target(ClockTrack clock) {
        return target(clock.target(), clock.labelZh(), clock.labelEn());
    }

    public static Text target(String target, String labelZh, String labelEn) {
        if (SlaPolicy.STEP.equals(target)) {
            return Text.of("sla.target.STEP", Text.bilingual(labelZh, labelEn));
        }
        return Text.of("sla.target." + target);
    }

    /** An instant in the calendar's zone, e.g. {@code 2026-03-02 17:00 Asia/Shanghai}. */
    static String at(Instant at, BusinessCalendar calendar) {
        return at == null ? "—" : AT.format(at.atZone(calendar.zone())) + " " + calendar.zone().getId();
    }

    /** Why a policy's deadline moved: the last priority change, else the policy that applies now. */
    static Text cause(List<TicketEvent> history, SlaRows.StoredClock old, SlaPolicy policy) {
        for (int i = history.size() - 1; i >= 0; i--) {
            TicketEvent e = history.get(i);
            if ("PRIORITY_CHANGED".equals(e.kind())) {
                return Text.of("sla.cause.priority", e.details().path("from").asText(), e.details().path("to").asText());
            }
        }
        return policy == null ? Text.of("sla.cause.noPolicy")
                : Text.of("sla.cause.policy", Text.bilingual(policy.nameZh(), policy.nameEn()));
    }
}
