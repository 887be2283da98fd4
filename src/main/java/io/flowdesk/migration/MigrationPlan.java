package io.flowdesk.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/** The shapes of a migration plan at the edges (REST, views); texts are in the reader's language. */
public final class MigrationPlan {

    private MigrationPlan() {
    }

    /** Keep a kept step's deadline as it is, or let it run against the new version's step target. */
    public static final String KEEP = "keep";
    public static final String RECOMPUTE = "recompute";
    /** A new required field is filled with a value, or left for the step that lands the ticket to ask. */
    public static final String DEFAULT = "default";
    public static final String ASK = "ask";

    /**
     * What an analyst asks for: a template, its source versions (empty: every version older than the target), the
     * target, and the choices that override FlowDesk's proposal (per source step and per new required field).
     */
    public record Request(String templateKey, List<Integer> sourceVersions, Integer targetVersion,
            List<StepChoice> steps, List<FieldChoice> fields) {

        public Request {
            sourceVersions = sourceVersions == null ? List.of() : List.copyOf(sourceVersions);
            steps = steps == null ? List.of() : List.copyOf(steps);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /** {@code target} blank or null: the step has no counterpart (its tickets cannot move). */
    public record StepChoice(String source, String target, String deadline) {
    }

    public record FieldChoice(String field, String fill, JsonNode value) {
    }

    /**
     * One source step and what it becomes. {@code match}: id, name, form, manual or none; {@code change}: same,
     * renamed, moved (another step) or none.
     */
    public record StepMapping(String source, String sourceName, String target, String targetName, String match,
            String change, String deadline, Long sourceMinutes, Long targetMinutes) {
    }

    /** A required field of the target's start form that tickets of a source version may lack. */
    public record FieldFill(String field, String label, String fill, JsonNode value) {
    }

    public record StepOption(String id, String name) {
    }

    /**
     * The plan: the mapping of every active step, the data kept (on the form, or kept in the ticket but no longer on
     * the form), the new required fields and how they are filled.
     */
    public record Plan(String templateKey, List<Integer> sourceVersions, int targetVersion, List<StepMapping> steps,
            List<FieldFill> fields, List<String> keptFields, List<String> offFormFields, List<StepOption> targetSteps) {
    }

    /** How many running tickets sit in a source step and how many of them can move. */
    public record StepCount(String step, String name, int tickets, int movable) {
    }

    /** A ticket that cannot move, and why (naming the step or field). */
    public record Refusal(String number, String step, String reason, String rule) {
    }

    /** What would happen, before anything changes. */
    public record Preview(Plan plan, int total, int movable, List<StepCount> counts, List<Refusal> refusals) {
    }

    /** A run: its progress and the tickets that failed, with their reasons. */
    public record Run(long id, String templateKey, String sourceVersions, int targetVersion, String status,
            String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, int total, int moved, int failed,
            int pending, List<Refusal> failures) {
    }
}
