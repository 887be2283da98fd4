package io.flowdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.sla.internal.CalendarChinaSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Mon–Fri 09:00–18:00 in Shanghai with China's schedule 2024–2026. */
    static final BusinessCalendar CN = CalendarChinaSchedule
            .mergeInto(BusinessCalendar.builder("cn", SHANGHAI).weekdays("09:00-18:00").build());

    static Instant sh(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aDeadlineCarriesOverTheNight() {
        assertEquals(sh("2026-03-04T10:00"), CN.plusWorkingMinutes(sh("2026-03-03T17:00"), 120));
        assertEquals(Instant.parse("2026-03-04T02:00:00Z"), CN.plusWorkingMinutes(sh("2026-03-03T17:00"), 120));
        assertEquals(120, CN.workingMinutesBetween(sh("2026-03-03T17:00"), sh("2026-03-04T10:00")));
    }

    @Test
    void aDeadlineCarriesOverTheWeekend() {
        assertEquals(sh("2026-03-09T10:00"), CN.plusWorkingMinutes(sh("2026-03-06T17:00"), 120));
        assertEquals(120, CN.workingMinutesBetween(sh("2026-03-06T17:00"), sh("2026-03-09T10:00")));
        assertEquals(60, CN.workingMinutesBetween(sh("2026-03-06T17:00"), sh("2026-03-09T09:00")));
    }

    @Test
    void aDueAtTheEndOfTheDayIsThatEndNotTheNextMorning() {
        assertEquals(sh("2026-03-06T18:00"), CN.plusWorkingMinutes(sh("2026-03-06T17:00"), 60));
        assertEquals(sh("2026-03-09T09:01"), CN.plusWorkingMinutes(sh("2026-03-06T17:00"), 61));
    }

    @Test
    void theLunchBreakIsNotWorkingTime() {
        BusinessCalendar lunch = BusinessCalendar.builder("lunch", SHANGHAI).weekdays("09:00-12:00", "13:30-18:00")
                .build();
        assertEquals(sh("2026-03-09T14:30"), lunch.plusWorkingMinutes(sh("2026-03-09T11:00"), 120));
        assertEquals(sh("2026-03-09T14:00"), lunch.plusWorkingMinutes(sh("2026-03-09T12:30"), 30));
        assertEquals(sh("2026-03-09T12:00"), lunch.plusWorkingMinutes(sh("2026-03-09T11:00"), 60));
        assertEquals(120, lunch.workingMinutesBetween(sh("2026-03-09T11:00"), sh("2026-03-09T14:30")));
        assertEquals(0, lunch.workingMinutesBetween(sh("2026-03-09T12:05"), sh("2026-03-09T13:25")));
        assertFalse(lunch.isWorking(sh("2026-03-09T12:00")));
        assertTrue(lunch.isWorking(sh("2026-03-09T11:59")));
        assertEquals(Optional.of(sh("2026-03-09T12:00")), lunch.nextNonWorkingInstant(sh("2026-03-09T10:15")));
        assertEquals(sh("2026-03-09T13:30"), lunch.nextWorkingInstant(sh("2026-03-09T12:00")));
    }

    @Test
    void nationalDayHolidaysAreSkipped() {
        // 国庆节、中秋节 2025: 10-01..10-08 off; Thursday 10-09 is the next working day
        assertEquals(sh("2025-10-09T10:00"), CN.plusWorkingMinutes(sh("2025-09-30T17:00"), 120));
        assertEquals(120, CN.workingMinutesBetween(sh("2025-09-30T17:00"), sh("2025-10-09T10:00")));
        assertFalse(CN.isWorking(sh("2025-10-08T10:00")));
        assertEquals(sh("2025-10-09T09:00"), CN.nextWorkingInstant(sh("2025-10-01T00:00")));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertEquals(sh("2026-02-14T10:00"), CN.plusWorkingMinutes(sh("2026-02-13T17:00"), 120));
        assertEquals(Instant.parse("2026-02-14T02:00:00Z"), CN.plusWorkingMinutes(sh("2026-02-13T17:00"), 120));
        assertTrue(CN.isWorking(sh("2026-02-14T09:00")));
        // then the Spring Festival: 02-15..02-23 off
        assertEquals(sh("2026-02-24T10:00"), CN.plusWorkingMinutes(sh("2026-02-14T17:00"), 120));
        assertEquals(sh("2026-02-28T10:00"), CN.plusWorkingMinutes(sh("2026-02-27T17:00"), 120));
        assertEquals(540, CN.workingMinutesBetween(sh("2026-02-28T00:00"), sh("2026-03-01T00:00")));
    }

    @Test
    void aMakeUpSundayAfterNewYearIsAWorkingDay() {
        assertEquals(sh("2026-01-04T10:00"), CN.plusWorkingMinutes(sh("2025-12-31T17:00"), 120));
        assertEquals(sh("2025-09-28T10:00"), CN.plusWorkingMinutes(sh("2025-09-26T17:00"), 120));
    }

    @Test
    void aMakeUpDayUsesTheConfiguredWeekdaysRanges() {
        BusinessCalendar short0 = CN.toBuilder().ranges(List.of("09:00-12:00"), DayOfWeek.FRIDAY)
                .makeUpWeekday(DayOfWeek.FRIDAY).build();
        assertEquals(180, short0.workingMinutesBetween(sh("2026-02-14T00:00"), sh("2026-02-15T00:00")));
        assertEquals(540, CN.workingMinutesBetween(sh("2026-02-14T00:00"), sh("2026-02-15T00:00")));
    }

    @Test
    void aStartOutsideWorkingHoursCountsFromTheNextWorkingMinute() {
        assertEquals(sh("2026-03-09T10:00"), CN.plusWorkingMinutes(sh("2026-03-07T03:00"), 60));
        assertEquals(sh("2026-03-09T09:00"), CN.plusWorkingMinutes(sh("2026-03-09T07:13:45"), 0));
        assertEquals(sh("2026-03-10T09:00"), CN.plusWorkingMinutes(sh("2026-03-09T18:00"), 0));
        assertEquals(sh("2026-03-09T10:17"), CN.plusWorkingMinutes(sh("2026-03-09T10:17"), 0));
        assertEquals(Optional.of(sh("2026-03-07T03:00")), CN.nextNonWorkingInstant(sh("2026-03-07T03:00")));
    }

    @Test
    void partialMinutesNeverCount() {
        assertEquals(sh("2026-03-09T11:01"), CN.plusWorkingMinutes(sh("2026-03-09T10:00:30"), 60));
        assertEquals(60, CN.workingMinutesBetween(sh("2026-03-09T10:00:30"), sh("2026-03-09T11:01")));
        assertEquals(0, CN.workingMinutesBetween(sh("2026-03-09T10:00"), sh("2026-03-09T10:00:59.999")));
        assertEquals(1, CN.workingMinutesBetween(sh("2026-03-09T10:00"), sh("2026-03-09T10:01:59")));
        assertEquals(sh("2026-03-10T09:00"), CN.nextWorkingInstant(sh("2026-03-09T17:59:30")));
        assertTrue(CN.isWorking(sh("2026-03-09T17:59:30")));
    }

    @Test
    void aZoneThatIsNotTheServersAcrossTheSpringChange() {
        TimeZone server = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            BusinessCalendar ny = BusinessCalendar.builder("ny", NEW_YORK).weekdays("09:00-17:00").build();
            // Fri 2026-03-06 16:00 EST (21:00Z) + 120 → Mon 2026-03-09 10:00 EDT (14:00Z), over the 03-08 change
            assertEquals(Instant.parse("2026-03-09T14:00:00Z"),
                    ny.plusWorkingMinutes(Instant.parse("2026-03-06T21:00:00Z"), 120));
            assertEquals(120, ny.workingMinutesBetween(Instant.parse("2026-03-06T21:00:00Z"),
                    Instant.parse("2026-03-09T14:00:00Z")));
            assertEquals(Instant.parse("2026-03-09T13:00:00Z"),
                    ny.nextWorkingInstant(Instant.parse("2026-03-07T12:00:00Z")));
        } finally {
            TimeZone.setDefault(server);
        }
    }

    @Test
    void workingTimeIsRealTimeOnTheDaysOfADstChange() {
        BusinessCalendar sundays = BusinessCalendar.builder("sun", NEW_YORK)
                .ranges(List.of("00:00-24:00"), DayOfWeek.SUNDAY).build();
        Instant springSunday = LocalDateTime.parse("2026-03-08T00:00").atZone(NEW_YORK).toInstant();
        Instant autumnSunday = LocalDateTime.parse("2026-11-01T00:00").atZone(NEW_YORK).toInstant();
        assertEquals(23 * 60, sundays.workingMinutesBetween(springSunday, springSunday.plusSeconds(86400 * 2)));
        assertEquals(25 * 60, sundays.workingMinutesBetween(autumnSunday, autumnSunday.plusSeconds(86400 * 2)));
        assertEquals(Instant.parse("2026-03-09T04:00:00Z"), sundays.plusWorkingMinutes(springSunday, 23 * 60));
        BusinessCalendar night = BusinessCalendar.builder("night", NEW_YORK)
                .ranges(List.of("00:00-03:00"), DayOfWeek.SUNDAY).build();
        assertEquals(240, night.workingMinutesBetween(autumnSunday, autumnSunday.plusSeconds(86400)));
        assertEquals(Instant.parse("2026-11-01T08:00:00Z"), night.plusWorkingMinutes(autumnSunday, 240));
    }

    @Test
    void aPauseAndResumeAddsTheTwoIntervals() {
        Instant opened = sh("2026-03-09T10:00");
        Instant paused = sh("2026-03-09T11:00");
        Instant resumed = sh("2026-03-10T16:00");
        long used = CN.workingMinutesBetween(opened, paused);
        Instant due = CN.plusWorkingMinutes(resumed, 480 - used);
        assertEquals(60, used);
        assertEquals(sh("2026-03-11T14:00"), due);
        assertEquals(480, used + CN.workingMinutesBetween(resumed, due));
    }

    @Test
    void largeMinuteCountsSkipWholeWeeksExactly() {
        BusinessCalendar utc = BusinessCalendar.builder("utc", ZoneOffset.UTC).weekdays("09:00-18:00").build();
        // 1,000,000 = 370 weeks × 2,700 + 1,000 (Monday 540 + Tuesday 460)
        Instant start = Instant.parse("2026-03-09T09:00:00Z");
        assertEquals(Instant.parse("2033-04-12T16:40:00Z"), utc.plusWorkingMinutes(start, 1_000_000));
        assertEquals(1_000_000, utc.workingMinutesBetween(start, Instant.parse("2033-04-12T16:40:00Z")));
        assertEquals(Instant.parse("2033-04-08T18:00:00Z"), utc.plusWorkingMinutes(start, 999_000));
    }

    @Test
    void arithmeticAgreesWithCountingMinuteByMinute() {
        BusinessCalendar ny = BusinessCalendar.builder("ny", NEW_YORK).weekdays("08:00-12:00", "13:00-17:30")
                .ranges(List.of("00:00-03:00", "22:00-24:00"), DayOfWeek.SUNDAY)
                .holiday(java.time.LocalDate.parse("2026-11-26"), "Thanksgiving")
                .makeUpDay(java.time.LocalDate.parse("2026-11-28"), "make-up").build();
        java.util.Random random = new java.util.Random(42);
        for (BusinessCalendar calendar : List.of(CN, ny)) {
            for (int i = 0; i < 60; i++) {
                Instant start = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextLong(3L * 365 * 86400));
                long minutes = random.nextInt(30_000);
                Instant due = calendar.plusWorkingMinutes(start, minutes);
                assertEquals(MinuteCounter.plus(calendar, start, minutes), due, calendar.key() + " " + start);
                assertEquals(minutes, calendar.workingMinutesBetween(start, due));
            }
        }
    }

    @Test
    void twentyFourSevenCountsEveryMinute() {
        Instant at = Instant.parse("2026-02-14T03:04:05Z");
        assertEquals(Instant.parse("2026-02-14T05:05:00Z"), BusinessCalendar.ALWAYS.plusWorkingMinutes(at, 120));
        // 03:04:05 counts from 03:05, and the day after's 03:04:05 back to 03:04: the two partial minutes drop
        assertEquals(1439, BusinessCalendar.ALWAYS.workingMinutesBetween(at, at.plusSeconds(86400)));
        assertEquals(1440, BusinessCalendar.ALWAYS.workingMinutesBetween(at.plusSeconds(55), at.plusSeconds(86455)));
        assertEquals(Optional.empty(), BusinessCalendar.ALWAYS.nextNonWorkingInstant(at));
        assertTrue(BusinessCalendar.ALWAYS.isWorking(at));
    }

    @Test
    void workingStretchesJoinAcrossMidnight() {
        BusinessCalendar nights = BusinessCalendar.builder("n", ZoneOffset.UTC)
                .ranges(List.of("20:00-24:00"), DayOfWeek.MONDAY).ranges(List.of("00:00-06:00"), DayOfWeek.TUESDAY)
                .build();
        assertEquals(Optional.of(Instant.parse("2026-03-10T06:00:00Z")),
                nights.nextNonWorkingInstant(Instant.parse("2026-03-09T21:00:00Z")));
        assertEquals(Instant.parse("2026-03-10T02:00:00Z"),
                nights.plusWorkingMinutes(Instant.parse("2026-03-09T20:00:00Z"), 360));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CN.plusWorkingMinutes(sh("2026-03-09T10:00"), -1));
        assertEquals(0, CN.workingMinutesBetween(sh("2026-03-09T12:00"), sh("2026-03-09T10:00")));
        assertThrows(IllegalArgumentException.class, () -> CalendarRange.parse("18:00-09:00"));
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.builder("x", SHANGHAI)
                .weekdays("09:00-12:00", "11:00-13:00").build());
        BusinessCalendar none = BusinessCalendar.builder("none", SHANGHAI).build();
        assertThrows(IllegalStateException.class, () -> none.plusWorkingMinutes(sh("2026-03-09T10:00"), 1));
    }
}
