package io.flowdesk.sla.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.sla.SlaPolicy;
import io.flowdesk.tickets.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SLA clocks of one ticket from its own history (docs/sla.md, "SLA semantics"): pure, no time but the
 * events', no policy. {@link #replay} folds {@link #apply} over every event of the ticket in stream order.
 */
public final class SlaEngine {

    /** What the history has built so far. */
    public static final class State {
        final List<ClockTrack> clocks = new ArrayList<>();
        int resolutionCycle;
        int nextResponses;
        boolean paused;

        public List<ClockTrack> clocks() {
            return clocks;
        }

        public boolean paused() {
            return paused;
        }

        ClockTrack open(String target, String taskId) {
            for (int i = clocks.size() - 1; i >= 0; i--) {
                ClockTrack c = clocks.get(i);
                if (c.isOpen() && c.target().equals(target) && c.taskId().equals(taskId)) {
                    return c;
                }
            }
            return null;
        }

        void start(ClockTrack clock) {
            clocks.add(clock);
            if (paused) {
                clock.pause(clock.startedAt());
            }
        }
    }

    private final Set<String> waitingStatuses;

    public SlaEngine(Set<String> waitingStatuses) {
        this.waitingStatuses = Set.copyOf(waitingStatuses);
    }

    public State replay(List<TicketEvent> history) {
        State state = new State();
        for (TicketEvent event : history) {
            apply(state, event);
        }
        return state;
    }

    public void apply(State state, TicketEvent event) {
        Instant at = event.at();
        switch (event.kind()) {
            case "CREATED" -> {
                state.resolutionCycle = 1;
                state.start(new ClockTrack(SlaPolicy.FIRST_RESPONSE, "", 1, at, null, null, null));
                state.start(new ClockTrack(SlaPolicy.RESOLUTION, "", 1, at, null, null, null));
            }
            case "REPLY" -> reply(state, event, at);
            case "STATUS_CHANGED" -> {
                boolean waiting = waitingStatuses.contains(event.details().path("to").asText());
                if (waiting && !state.paused) {
                    state.paused = true;
                    state.clocks.forEach(c -> c.pause(at));
                } else if (!waiting && state.paused) {
                    resume(state, at);
                }
            }
            case "TASK_STARTED" -> {
                Long minutes = positive(event.details().path("targetMinutes"));
                if (minutes != null && event.taskId() != null && state.open(SlaPolicy.STEP, event.taskId()) == null) {
                    JsonNode d = event.details();
                    state.start(new ClockTrack(SlaPolicy.STEP, event.taskId(), Math.max(1, state.resolutionCycle),
                            at, d.path("task").asText(null), d.path("taskEn").asText(null), minutes));
                }
            }
            case "TASK_COMPLETED", "TASK_CANCELLED" -> {
                ClockTrack step = event.taskId() == null ? null : state.open(SlaPolicy.STEP, event.taskId());
                if (step != null) {
                    step.stop(at);
                }
            }
            case "MIGRATED" -> {
                // a kept step whose plan says "recompute": its clock runs on against the new version's step target
                for (JsonNode step : event.details().path("steps")) {
                    ClockTrack clock = step.path("taskId").isTextual()
                            ? state.open(SlaPolicy.STEP, step.path("taskId").asText()) : null;
                    Long minutes = positive(step.path("targetMinutes"));
                    if (clock != null && "recompute".equals(step.path("deadline").asText()) && minutes != null) {
                        clock.retarget(minutes, step.path("toZh").asText(null), step.path("toEn").asText(null));
                    }
                }
            }
            case "ENDED" -> {
                state.clocks.forEach(c -> c.stop(at));
                state.paused = false;
            }
            case "REOPENED", "CONVERTED" -> { // a converted ticket starts over on its new flow (ADR 0049)
                state.clocks.forEach(c -> c.stop(at));
                state.paused = false;
                state.resolutionCycle++;
                state.start(new ClockTrack(SlaPolicy.RESOLUTION, "", state.resolutionCycle, at, null, null, null));
                startNextResponse(state, at);
            }
            default -> {
                // other kinds do not move a clock
            }
        }
    }

    private static void reply(State state, TicketEvent event, Instant at) {
        if (event.internal()) {
            return;
        }
        String author = event.details().path("authorKind").asText("");
        if ("staff".equals(author)) {
            ClockTrack first = state.open(SlaPolicy.FIRST_RESPONSE, "");
            if (first != null) {
                first.stop(at);
            }
            ClockTrack next = state.open(SlaPolicy.NEXT_RESPONSE, "");
            if (next != null) {
                next.stop(at);
            }
        } else if ("customer".equals(author)) {
            if (state.paused) {
                resume(state, at);
            }
            if (state.open(SlaPolicy.FIRST_RESPONSE, "") == null && state.open(SlaPolicy.NEXT_RESPONSE, "") == null
                    && state.resolutionCycle > 0) {
                startNextResponse(state, at);
            }
        }
    }

    private static void startNextResponse(State state, Instant at) {
        state.nextResponses++;
        state.start(new ClockTrack(SlaPolicy.NEXT_RESPONSE, "", state.nextResponses, at, null, null, null));
    }

    private static void resume(State state, Instant at) {
        state.paused = false;
        state.clocks.forEach(c -> c.resume(at));
    }

    private static Long positive(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            long minutes = Long.parseLong(value.asText().strip());
            return minutes > 0 ? minutes : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
