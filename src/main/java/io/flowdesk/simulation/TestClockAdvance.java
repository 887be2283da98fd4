package io.flowdesk.simulation;

/**
 * What a designer asks of a test ticket's clock, exactly one of: {@code workingHours} (by the ticket's SLA calendar),
 * {@code days} (calendar days) or {@code to = "next-deadline"}.
 */
public record TestClockAdvance(Integer workingHours, Integer days, String to) {

    public static final String NEXT_DEADLINE = "next-deadline";

    public static TestClockAdvance workingHours(int hours) {
        return new TestClockAdvance(hours, null, null);
    }

    public static TestClockAdvance days(int days) {
        return new TestClockAdvance(null, days, null);
    }

    public static TestClockAdvance nextDeadline() {
        return new TestClockAdvance(null, null, NEXT_DEADLINE);
    }
}
