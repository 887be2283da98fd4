package io.flowdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowdesk.shared.Messages;
import org.junit.jupiter.api.Test;

class CalendarExplainTest {

    static final BusinessCalendar CN = BusinessCalendarTest.CN;

    @Test
    void aDueOnAMakeUpSaturdaySaysSo() {
        var due = CN.plusWorkingMinutes(BusinessCalendarTest.sh("2026-02-13T17:00"), 120);
        var text = CalendarExplain.due(CN, BusinessCalendarTest.sh("2026-02-13T17:00"), due, Messages.EN);
        assertEquals("Due Sat 2026-02-14 10:00 — a make-up working day (春节)", text.in(Messages.EN));
        assertEquals("截止 周六 2026-02-14 10:00 — 调休上班日（春节）",
                CalendarExplain.due(CN, BusinessCalendarTest.sh("2026-02-13T17:00"), due, Messages.ZH)
                        .in(Messages.ZH));
    }

    @Test
    void aDueAfterHolidaysNamesThem() {
        var start = BusinessCalendarTest.sh("2025-09-30T17:00");
        var due = CN.plusWorkingMinutes(start, 120);
        assertEquals("Due Thu 2025-10-09 10:00 — a working day; skips the holidays 国庆节、中秋节",
                CalendarExplain.due(CN, start, due, Messages.EN).in(Messages.EN));
        assertEquals("120 working minutes (2 h 0 min)", CalendarExplain.elapsed(120).in(Messages.EN));
    }
}
