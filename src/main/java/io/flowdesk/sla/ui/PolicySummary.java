package io.flowdesk.sla.ui;

import io.flowdesk.sla.SlaPolicy;
import java.util.ArrayList;
import java.util.List;

/** The "applies to" line of a policy in the list: its conditions, the fallback, or that it is never reached. */
final class PolicySummary {

    private PolicySummary() {
    }


    static String conditions(List<SlaPolicy> ordered, int index, Translator t) {
        SlaPolicy p = ordered.get(index);
        boolean shadowed = ordered.subList(0, index).stream().anyMatch(PolicySummary::catchAll);
        String text;
        if (p.conditions().equals(SlaPolicy.Conditions.ANY)) {
            text = t.get("slaview.any");
        } else {
            List<String> parts = new ArrayList<>();
            add(parts, p.conditions().templates());
            add(parts, p.conditions().priorities());
            List<String> tiers = p.conditions().tiers().stream().map(x -> t.get("slaview.tier." + x)).toList();
            add(parts, tiers);
            add(parts, p.conditions().channels().stream().map(c -> t.get("channel." + c)).toList());
            text = String.join(" · ", parts);
        }
        return shadowed && p.enabled() ? text + " — " + t.get("slaview.unreachable") : text;
    }

    /** An enabled policy without conditions: everything after it is never reached. */
    static boolean catchAll(SlaPolicy p) {
        return p.enabled() && p.conditions().equals(SlaPolicy.Conditions.ANY);
    }

    private static void add(List<String> parts, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(String.join(", ", values));
        }
    }

    /** A catalogue lookup (the component's {@code getTranslation}). */
    interface Translator {
        String get(String key, Object... args);
    }
}
