package io.flowdesk.reports.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.sla.BusinessCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The forecast model on synthetic series (ADR 0037). 2030-01-07 is a Monday. */
class HoltWintersTest {

    static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);
    /** Monday..Sunday: busy Monday, quiet weekend. */
    static final double[] WEEK = {140, 120, 115, 110, 100, 30, 20};

    static BusinessCalendar.Builder plain() {
        return BusinessCalendar.builder("test", ZoneId.of("Asia/Shanghai")).weekdays("09:00-18:00");
    }

    static double[] series(BusinessCalendar cal, int n, IntToDoubleFunction value) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = value.applyAsDouble(t);
        }
        return y;
    }

    static List<HoltWinters.Point> forecast(BusinessCalendar cal, double[] y, int days) {
        HoltWinters model = HoltWinters.fit(y, ForecastService.steps(cal, MONDAY, y.length));
        return model.forecast(ForecastService.steps(cal, MONDAY.plusDays(y.length), days));
    }

    @Test
    void aPureWeeklyPatternIsRecovered() {
        BusinessCalendar cal = plain().build();
        double[] y = series(cal, 8 * 7, t -> WEEK[t % 7]);
        List<HoltWinters.Point> f = forecast(cal, y, 14);
        for (int h = 0; h < 14; h++) {
            assertEquals(WEEK[(56 + h) % 7], f.get(h).expected(), 0.5, "day " + h);
        }
    }

    @Test
    void aTrendIsFollowed() {
        BusinessCalendar cal = plain().build();
        double[] y = series(cal, 10 * 7, t -> WEEK[t % 7] + 0.8 * t);
        List<HoltWinters.Point> f = forecast(cal, y, 14);
        for (int h = 0; h < 14; h++) {
            double truth = WEEK[(70 + h) % 7] + 0.8 * (70 + h);
            assertEquals(truth, f.get(h).expected(), 0.03 * truth, "day " + h);
        }
        // without the trend the last week's level (≈ 0.8 × 66) would be 5 to 16 tickets too low
        assertTrue(f.get(13).expected() > WEEK[(70 + 13) % 7] + 0.8 * 76);
    }

    @Test
    void theIntervalsCoverAboutEightyAndNinetyFivePercentOfNewPoints() {
        BusinessCalendar cal = plain().build();
        int in80 = 0;
        int in95 = 0;
        int total = 0;
        for (int seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            double[] all = series(cal, 10 * 7 + 14, t -> WEEK[t % 7] + 8 * random.nextGaussian());
            double[] y = java.util.Arrays.copyOf(all, 70);
            List<HoltWinters.Point> f = forecast(cal, y, 14);
            for (int h = 0; h < 14; h++) {
                double actual = all[70 + h];
                HoltWinters.Point p = f.get(h);
                in80 += actual >= p.low80() && actual <= p.high80() ? 1 : 0;
                in95 += actual >= p.low95() && actual <= p.high95() ? 1 : 0;
                total++;
            }
        }
        double c80 = in80 / (double) total;
        double c95 = in95 / (double) total;
        assertTrue(c80 > 0.74 && c80 < 0.87, "80 % interval covered " + c80);
        assertTrue(c95 > 0.91 && c95 < 0.985, "95 % interval covered " + c95);
    }

    @Test
    void aHolidayAheadIsLowAndAMakeUpSaturdayLikeAWorkday() {
        // history: 8 weeks with a three-day holiday (Wed..Fri of week 4) at 25 % of the workday volume;
        // ahead: a holiday on Tuesday of week 10 and a make-up working Saturday in the same week
        BusinessCalendar.Builder b = plain();
        for (int i = 0; i < 3; i++) {
            b.holiday(MONDAY.plusDays(3 * 7 + 2 + i), "past holiday");
        }
        LocalDate holiday = MONDAY.plusDays(9 * 7 + 1);
        LocalDate makeUp = MONDAY.plusDays(9 * 7 + 5);
        b.holiday(holiday, "holiday ahead").makeUpDay(makeUp, "调休");
        BusinessCalendar cal = b.build();
        double[] y = series(cal, 8 * 7, t -> cal.holidays().containsKey(MONDAY.plusDays(t)) ? 30 : WEEK[t % 7]);
        HoltWinters model = HoltWinters.fit(y, ForecastService.steps(cal, MONDAY, y.length));
        assertEquals(30 / 115.0, model.params().holidayRatio(), 0.03, "the observed holiday ratio");
        List<HoltWinters.Point> f = model.forecast(ForecastService.steps(cal, MONDAY.plusDays(56), 14));
        double tuesdayHoliday = f.get(7 + 1).expected();
        double makeUpSaturday = f.get(7 + 5).expected();
        double normalTuesday = f.get(1).expected();
        double normalSaturday = f.get(5).expected();
        assertEquals(30, tuesdayHoliday, 4, "the holiday at the observed ratio");
        assertTrue(tuesdayHoliday < 0.35 * normalTuesday);
        assertEquals(WEEK[0], makeUpSaturday, 3, "a make-up Saturday works like a Monday (the make-up weekday)");
        assertEquals(WEEK[5], normalSaturday, 3);
        assertEquals(DayType.HOLIDAY, DayType.of(cal, holiday));
        assertEquals(DayType.MAKEUP, DayType.of(cal, makeUp));
        assertEquals(DayType.WEEKEND, DayType.of(cal, MONDAY.plusDays(6)));
        assertEquals(DayType.WORKDAY, DayType.of(cal, MONDAY));
    }

    @Test
    void withoutAnyHolidayInTheHistoryAHolidayIsLikeAWeekendDay() {
        LocalDate holiday = MONDAY.plusDays(8 * 7 + 2);
        BusinessCalendar cal = plain().holiday(holiday, "new").build();
        double[] y = series(cal, 8 * 7, t -> WEEK[t % 7]);
        List<HoltWinters.Point> f = forecast(cal, y, 7);
        assertEquals((WEEK[5] + WEEK[6]) / 2, f.get(2).expected(), 2);
    }

    @Test
    void theHoldoutNeedsSevenWeeksAndMeasuresTheErrorOfTheLastFour() {
        BusinessCalendar cal = plain().build();
        double[] y = series(cal, 10 * 7, t -> WEEK[t % 7] + (t >= 42 ? 10 : 0));
        VolumeForecast.Holdout h = ForecastService.holdout(y, ForecastService.steps(cal, MONDAY, y.length));
        assertNotNull(h);
        assertEquals(28, h.days());
        assertTrue(h.mae() > 0 && h.mae() < 10.5, "a level shift inside the held-out weeks: mae " + h.mae());
        assertNotNull(h.mape());
        double[] pure = series(cal, 7 * 7, t -> WEEK[t % 7]);
        VolumeForecast.Holdout exact = ForecastService.holdout(pure, ForecastService.steps(cal, MONDAY, 49));
        assertEquals(0, exact.mae(), 0.1);
        assertEquals(0, exact.mape(), 0.1);
        assertNull(ForecastService.holdout(java.util.Arrays.copyOf(pure, 48), ForecastService.steps(cal, MONDAY,
                48)));
    }

    @Test
    void tooLittleHistoryGivesAMessageInsteadOfAForecast() {
        BusinessCalendar cal = plain().build();
        VolumeForecast f = ForecastService.build(null, cal, MONDAY.plusDays(20), MONDAY, new long[20], 14);
        assertTrue(f.forecast().isEmpty());
        assertEquals("Too little history for a forecast: tickets on 20 days so far, at least 21 days are needed.",
                f.message().in(java.util.Locale.ENGLISH));
        VolumeForecast ok = ForecastService.build(null, cal, MONDAY.plusDays(21), MONDAY, new long[21], 14);
        assertTrue(ok.available());
        assertEquals(14, ok.forecast().size());
    }
}
