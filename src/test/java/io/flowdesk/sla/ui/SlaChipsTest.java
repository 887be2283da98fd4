package io.flowdesk.sla.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.SlaTarget;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header's SLA chips as data in, elements out: one chip per target, state as class, icon and countdown. */
class SlaChipsTest {

    private static final Instant DUE = Instant.parse("2026-12-03T06:30:00Z");

    @Test
    void oneChipPerTargetWithStateIconAndCountdown() {
        SlaChips chips = new SlaChips(List.of(
                new SlaTarget("FIRST_RESPONSE", Text.bilingual("首次响应", "First response"), null, DUE, "AT_RISK", 50,
                        60, 10L, null),
                new SlaTarget("RESOLUTION", Text.bilingual("解决", "Resolution"), null, null, "PAUSED", 100, 480,
                        380L, DUE),
                new SlaTarget("STEP", Text.bilingual("诊断", "Diagnosis"), "t1", DUE, "BREACHED", 300, 240, 0L,
                        null)), Messages.EN);
        List<Component> children = chips.getChildren().toList();
        assertEquals(3, children.size());
        Component first = children.get(0);
        assertTrue(first.getElement().getClassList().contains("fd-sla-AT_RISK"));
        assertEquals("FIRST_RESPONSE", first.getElement().getAttribute("data-target"));
        assertEquals("First response: At risk", first.getElement().getAttribute("aria-label"));
        Component countdown = first.getChildren().filter(c -> c.getElement().getTag().equals("fd-countdown"))
                .findFirst().orElseThrow();
        assertEquals(Long.toString(DUE.toEpochMilli()), countdown.getElement().getAttribute("due"));
        assertEquals("AT_RISK", countdown.getElement().getAttribute("state"));
        assertTrue(countdown.getElement().getAttribute("texts").contains("\"left\":\"{0} left\""));
        assertEquals("First response · At risk · 50 of 60 working minutes used",
                countdown.getElement().getAttribute("label"));
        // a paused target has no due instant: it shows what is left, frozen
        Component paused = children.get(1).getChildren()
                .filter(c -> c.getElement().getTag().equals("fd-countdown")).findFirst().orElseThrow();
        assertEquals("", paused.getElement().getAttribute("due"));
        assertEquals("380", paused.getElement().getAttribute("remaining"));
        assertEquals("vaadin:pause", children.get(1).getChildren().findFirst().orElseThrow().getElement()
                .getAttribute("icon"));
        assertEquals("vaadin:exclamation-circle", children.get(2).getChildren().findFirst().orElseThrow()
                .getElement().getAttribute("icon"));
    }

    @Test
    void chineseChipsReadInChinese() {
        SlaChips chips = new SlaChips(List.of(new SlaTarget("FIRST_RESPONSE", Text.bilingual("首次响应",
                "First response"), null, DUE, "ON_TRACK", 5, 60, 55L, null)), Messages.ZH);
        Component chip = chips.getChildren().findFirst().orElseThrow();
        assertEquals("首次响应: 正常", chip.getElement().getAttribute("aria-label"));
    }
}
