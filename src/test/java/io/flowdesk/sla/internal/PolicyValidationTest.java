package io.flowdesk.sla.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Messages;
import io.flowdesk.sla.SlaPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyValidationTest {

    static SlaPolicy policy(SlaPolicy.TargetSpec resolution) {
        return new SlaPolicy("ok", "好", "Good", 1, true, null, "cn-standard", Map.of(SlaPolicy.RESOLUTION, resolution));
    }

    static List<String> pointers(List<FieldError> errors) {
        return errors.stream().map(FieldError::pointer).toList();
    }

    @Test
    void aValidPolicyPassesAndEachMistakeIsReportedWhereItIs() {
        SlaPolicy.Level warn = new SlaPolicy.Level("warning", 80, null, null, false,
                List.of(new SlaPolicy.Action("notify", "assignee", null, null, null)));
        assertEquals(List.of(), PolicyValidation.check(List.of(policy(new SlaPolicy.TargetSpec(60L, null, null,
                List.of(warn)))), Set.of("cn-standard")));

        SlaPolicy.Level both = new SlaPolicy.Level("warning", 80, 10, null, false, List.of());
        SlaPolicy.Level after = new SlaPolicy.Level("after", null, null, null, false,
                List.of(new SlaPolicy.Action("reassign", null, null, "qa", "tester1")));
        List<FieldError> errors = PolicyValidation.check(List.of(policy(new SlaPolicy.TargetSpec(0L,
                Map.of("P9", 30L), "sometimes", List.of(both, after)))), Set.of());
        assertEquals(List.of("/0/calendar", "/0/targets/RESOLUTION/minutes", "/0/targets/RESOLUTION/minutesByPriority",
                "/0/targets/RESOLUTION/time", "/0/targets/RESOLUTION/ladder/0/percent",
                "/0/targets/RESOLUTION/ladder/1/minutes", "/0/targets/RESOLUTION/ladder/1/actions/0"),
                pointers(errors));
        assertEquals("Target minutes must be between 1 and 525600", errors.get(1).message());
        assertEquals("目标分钟数须在 1 到 525600 之间", errors.get(1).message(Messages.ZH));
    }
}
