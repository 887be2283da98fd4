package io.flowdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Messages;
import io.flowdesk.sla.internal.CalendarIcs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CalendarIcsTest {

    static String sample() throws IOException {
        try (InputStream in = CalendarIcsTest.class.getResourceAsStream("/calendars/sample.ics")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void allDayEventsBecomeHolidaysAndWorkingDayEventsMakeUpDays() throws IOException {
        CalendarIcs.Parsed parsed = CalendarIcs.parse(sample());
        assertEquals(3, parsed.events());
        assertEquals(1, parsed.skipped());
        BusinessCalendar c = parsed.mergeInto(BusinessCalendar.builder("us", ZoneId.of("America/New_York"))
                .weekdays("09:00-17:00").build());
        assertEquals("Thanksgiving", c.holidays().get(LocalDate.parse("2026-11-26")));
        assertEquals("Thanksgiving", c.holidays().get(LocalDate.parse("2026-11-27")));
        assertEquals(2, c.holidays().size());
        assertEquals("Working day(make-up)", c.makeUpDays().get(LocalDate.parse("2026-11-29")));
        assertEquals("平安夜", c.makeUpDays().get(LocalDate.parse("2026-12-24")));
        // the Sunday make-up day works Monday's hours
        assertEquals(480, c.workingMinutesBetween(LocalDate.parse("2026-11-29").atStartOfDay(c.zone()).toInstant(),
                LocalDate.parse("2026-11-30").atStartOfDay(c.zone()).toInstant()));
    }

    @Test
    void aBadFileNamesItsLineInTheReadersLanguage() {
        String bad = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-10-01\nEND:VEVENT\n"
                + "END:VCALENDAR\n";
        InvalidInput e = assertThrows(InvalidInput.class, () -> CalendarIcs.parse(bad));
        assertEquals("Line 4: DTSTART '2026-10-01' is not a date such as 20261001", e.message(Messages.EN));
        assertEquals("第 4 行：DTSTART“2026-10-01”不是日期，例如 20261001", e.message(Messages.ZH));
        assertEquals("/ics", e.errors().get(0).pointer());
    }

    @Test
    void structuralProblemsAreNamedToo() {
        assertTrue(message("hello\n").startsWith("Line 1: expected a line"));
        assertTrue(message("BEGIN:VEVENT\nEND:VEVENT\n").startsWith("Line 1: this is not an iCalendar file"));
        assertEquals("Line 4: VEVENT is not closed (END:VEVENT is missing)",
                message("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261001\nEND:VCALENDAR\n"));
        assertEquals("Line 4: DTEND is not after DTSTART", message("BEGIN:VCALENDAR\nBEGIN:VEVENT\n"
                + "DTSTART;VALUE=DATE:20261001\nDTEND;VALUE=DATE:20261001\nEND:VEVENT\nEND:VCALENDAR\n"));
        assertEquals("Line 2: the event has no DTSTART",
                message("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n"));
        assertEquals("Line 1: VCALENDAR is not closed (END:VCALENDAR is missing)", message("BEGIN:VCALENDAR\n"));
    }

    static String message(String ics) {
        return assertThrows(InvalidInput.class, () -> CalendarIcs.parse(ics)).message(Messages.EN);
    }
}
