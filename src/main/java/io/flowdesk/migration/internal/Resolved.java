package io.flowdesk.migration.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.forms.FormDefinition;
import io.flowdesk.migration.MigrationPlan;
import io.flowdesk.migration.internal.EngineMigration.Model;
import io.flowdesk.migration.internal.EngineMigration.Step;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * A plan with everything it needs resolved (versions, definitions, forms): the mapping of each source step, the
 * fills of new required fields, and the one check both the preview and the run apply to a ticket (ADR 0047).
 */
public final class Resolved {

    /** A source version: its number, template version row id and definition. */
    public record Source(int version, long versionId, Model model) {
    }

    /** A source step's target (null: none), how it matched, and what its deadline does. */
    public record Mapping(Step source, Step target, String match, String deadline) {

        public String change() {
            if (target == null) {
                return "none";
            }
            if (!source.id().equals(target.id())) {
                return "moved";
            }
            return source.nameZh().equals(target.nameZh()) && source.nameEn().equals(target.nameEn()) ? "same"
                    : "renamed";
        }
    }

    /** A new required field: a value to fill, or null to leave it for the step (ask). */
    public record Fill(String field, Text label, JsonNode value) {
    }

    public final String templateKey;
    public final Map<Integer, Source> sources;
    public final int targetVersion;
    public final long targetVersionId;
    public final Model target;
    public final Map<String, Mapping> mappings;
    public final List<Fill> fills;
    public final FormDefinition targetStartForm;
    /** The target's step forms by form key (to see whether the landing step asks for a missing field). */
    public final Map<String, FormDefinition> targetForms;
    public final Set<String> keptFields;
    public final Set<String> offFormFields;
    private final BiFunction<FormDefinition, JsonNode, List<FieldError>> validator;

    public Resolved(String templateKey, Map<Integer, Source> sources, int targetVersion, long targetVersionId,
            Model target, Map<String, Mapping> mappings, List<Fill> fills, FormDefinition targetStartForm,
            Map<String, FormDefinition> targetForms, Set<String> keptFields, Set<String> offFormFields,
            BiFunction<FormDefinition, JsonNode, List<FieldError>> validator) {
        this.templateKey = templateKey;
        this.sources = sources;
        this.targetVersion = targetVersion;
        this.targetVersionId = targetVersionId;
        this.target = target;
        this.mappings = mappings;
        this.fills = fills;
        this.targetStartForm = targetStartForm;
        this.targetForms = targetForms;
        this.keptFields = keptFields;
        this.offFormFields = offFormFields;
        this.validator = validator;
    }

    public static Text name(Step step) {
        return Text.bilingual(step.nameZh(), step.nameEn());
    }

    /** The outcome of the check for one ticket: a refusal (naming the step or field), or how it moves. */
    public record Verdict(Text refusal, String refusedStep, String rule, Map<String, String> engineMappings,
            Map<String, Object> variables, List<Map<String, Object>> steps, ObjectNode filled) {

        static Verdict refuse(Text why, String step, String rule) {
            return new Verdict(why, step, rule, Map.of(), Map.of(), List.of(), null);
        }
    }

    /** The check of one running ticket at {@code active} (its executions' activity ids) with its data. */
    public Verdict check(int sourceVersion, List<String> active, String dataJson) {
        Source source = sources.get(sourceVersion);
        if (source == null) {
            return Verdict.refuse(Text.of("migration.refuse.notSource", String.valueOf(sourceVersion)), null,
                    "not-source");
        }
        List<String> branches = active.stream().filter(a -> source.model().steps().containsKey(a)
                || source.model().joins().contains(a)).toList();
        if (branches.isEmpty()) {
            return Verdict.refuse(Text.of("migration.refuse.noStep"), null, "no-step");
        }
        Map<String, String> engineMappings = new LinkedHashMap<>();
        List<Map<String, Object>> steps = new ArrayList<>();
        Set<String> targets = new TreeSet<>();
        List<Step> landing = new ArrayList<>();
        for (String id : branches) {
            if (source.model().joins().contains(id)) {
                if (!target.joins().contains(id)) {
                    return Verdict.refuse(Text.of("migration.refuse.parallelLost", Text.literal(id)), id,
                            "parallel-lost");
                }
                targets.add(id);
                continue;
            }
            Mapping mapping = mappings.get(id);
            Step from = source.model().steps().get(id);
            if (mapping == null || mapping.target() == null) {
                return branches.size() > 1
                        ? Verdict.refuse(Text.of("migration.refuse.parallelLost", name(from)), id, "parallel-lost")
                        : Verdict.refuse(Text.of("migration.refuse.noMapping", name(from)), id, "no-mapping");
            }
            if (!targets.add(mapping.target().id())) {
                return Verdict.refuse(Text.of("migration.refuse.parallelLost", name(from)), id, "parallel-lost");
            }
            engineMappings.put(id, mapping.target().id());
            landing.add(mapping.target());
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("from", id);
            step.put("to", mapping.target().id());
            step.put("fromZh", from.nameZh());
            step.put("fromEn", from.nameEn());
            step.put("toZh", mapping.target().nameZh());
            step.put("toEn", mapping.target().nameEn());
            step.put("change", new Mapping(from, mapping.target(), mapping.match(), mapping.deadline()).change());
            step.put("formKey", mapping.target().formKey());
            step.put("deadline", id.equals(mapping.target().id()) ? mapping.deadline() : MigrationPlan.RECOMPUTE);
            step.put("targetMinutes", mapping.target().targetMinutes());
            steps.add(step);
        }
        if (branches.size() > 1 && !target.parallel()) {
            return Verdict.refuse(Text.of("migration.refuse.parallelLost", name(source.model().steps()
                    .getOrDefault(branches.get(0), new Step(branches.get(0), branches.get(0), branches.get(0), null,
                            null)))), branches.get(0), "parallel-lost");
        }
        ObjectNode data = Json.parseObject(dataJson == null ? "{}" : dataJson);
        ObjectNode filled = Json.MAPPER.createObjectNode();
        Map<String, Object> variables = new HashMap<>();
        Set<String> asked = new TreeSet<>();
        for (Fill fill : fills) {
            if (data.hasNonNull(fill.field())) {
                continue;
            }
            if (fill.value() == null) {
                boolean stepAsks = landing.stream().anyMatch(s -> s.formKey() != null && targetForms.containsKey(s
                        .formKey()) && targetForms.get(s.formKey()).schema().path("properties").has(fill.field()));
                if (!stepAsks) {
                    return Verdict.refuse(Text.of("migration.refuse.missingField", fill.label()), null,
                            "missing-field");
                }
                asked.add(fill.field());
                continue;
            }
            filled.set(fill.field(), fill.value());
            variables.put(fill.field(), Json.MAPPER.convertValue(fill.value(), Object.class));
        }
        if (targetStartForm != null) {
            ObjectNode onForm = Json.MAPPER.createObjectNode();
            targetStartForm.schema().path("properties").fieldNames().forEachRemaining(f -> {
                if (data.has(f)) {
                    onForm.set(f, data.get(f));
                } else if (filled.has(f)) {
                    onForm.set(f, filled.get(f));
                }
            });
            for (FieldError error : validator.apply(targetStartForm, onForm)) {
                String field = error.pointer() == null ? "" : error.pointer().replaceFirst("^/data/?", "");
                if ("required".equals(error.rule()) && asked.stream().anyMatch(field::startsWith)) {
                    continue;
                }
                return Verdict.refuse(Text.of("migration.refuse.data", error.text()), null, "data-rejected");
            }
        }
        return new Verdict(null, null, null, engineMappings, variables, steps, filled);
    }

    /** The plan as shown to a reader. */
    public MigrationPlan.Plan plan(Locale locale) {
        List<MigrationPlan.StepMapping> steps = new ArrayList<>();
        for (Mapping m : mappings.values()) {
            steps.add(new MigrationPlan.StepMapping(m.source().id(), name(m.source()).in(locale),
                    m.target() == null ? null : m.target().id(), m.target() == null ? null : name(m.target()).in(locale),
                    m.match(), m.change(), m.deadline(), m.source().targetMinutes(),
                    m.target() == null ? null : m.target().targetMinutes()));
        }
        List<MigrationPlan.FieldFill> fields = fills.stream().map(f -> new MigrationPlan.FieldFill(f.field(),
                f.label().in(locale), f.value() == null ? MigrationPlan.ASK : MigrationPlan.DEFAULT, f.value())).toList();
        List<MigrationPlan.StepOption> options = target.steps().values().stream()
                .map(s -> new MigrationPlan.StepOption(s.id(), name(s).in(locale))).toList();
        return new MigrationPlan.Plan(templateKey, List.copyOf(sources.keySet()), targetVersion, steps, fields,
                List.copyOf(keptFields), List.copyOf(offFormFields), options);
    }
}
