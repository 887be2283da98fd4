package io.flowdesk.sla.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The running and paused stretches of one SLA target in one cycle, as the ticket's history says; knows nothing of
 * policies or calendars (those turn it into deadlines: {@link ClockMath}).
 */
public final class ClockTrack {

    /** A pause; {@code end} null while it lasts. */
    public record Pause(Instant start, Instant end) {
    }

    private final String target;
    private final String taskId;
    private final int cycle;
    private final Instant startedAt;
    private String labelZh;
    private String labelEn;
    private Long stepMinutes;
    private final List<Pause> pauses = new ArrayList<>();
    private Instant stoppedAt;

    public ClockTrack(String target, String taskId, int cycle, Instant startedAt, String labelZh, String labelEn,
            Long stepMinutes) {
        this.target = target;
        this.taskId = taskId;
        this.cycle = cycle;
        this.startedAt = startedAt;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.stepMinutes = stepMinutes;
    }

    void pause(Instant at) {
        if (isOpen() && !isPaused()) {
            pauses.add(new Pause(at, null));
        }
    }

    void resume(Instant at) {
        if (isPaused()) {
            Pause last = pauses.remove(pauses.size() - 1);
            pauses.add(new Pause(last.start(), at.isBefore(last.start()) ? last.start() : at));
        }
    }

    /** A step moved to another template version keeps its start and pauses and takes the new step's target (ADR 0047). */
    void retarget(Long minutes, String zh, String en) {
        stepMinutes = minutes;
        labelZh = zh == null ? labelZh : zh;
        labelEn = en == null ? labelEn : en;
    }

    void stop(Instant at) {
        if (isOpen()) {
            resume(at);
            stoppedAt = at;
        }
    }

    public boolean isOpen() {
        return stoppedAt == null;
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).end() == null;
    }

    public Instant pausedSince() {
        return isPaused() ? pauses.get(pauses.size() - 1).start() : null;
    }

    public String target() {
        return target;
    }

    /** Empty for ticket-wide targets; the task id for STEP. */
    public String taskId() {
        return taskId;
    }

    public int cycle() {
        return cycle;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The BPMN step's own target ({@code flowdesk:targetMinutes}), STEP only. */
    public Long stepMinutes() {
        return stepMinutes;
    }

    public List<Pause> pauses() {
        return Collections.unmodifiableList(pauses);
    }

    /** Where the deadline keys of this target and cycle begin: {@code sla:<ticket>:<target>[:<task>]:<cycle>:}. */
    public String keyPrefix(long ticketId) {
        return "sla:" + ticketId + ":" + target + (taskId.isEmpty() ? "" : ":" + taskId) + ":" + cycle + ":";
    }
}
