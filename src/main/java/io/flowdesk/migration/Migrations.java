package io.flowdesk.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.audit.AuditLog;
import io.flowdesk.forms.FormDefinition;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.migration.MigrationPlan.FieldChoice;
import io.flowdesk.migration.MigrationPlan.Preview;
import io.flowdesk.migration.MigrationPlan.Refusal;
import io.flowdesk.migration.MigrationPlan.Request;
import io.flowdesk.migration.MigrationPlan.StepChoice;
import io.flowdesk.migration.MigrationPlan.StepCount;
import io.flowdesk.migration.internal.EngineMigration;
import io.flowdesk.migration.internal.EngineMigration.Model;
import io.flowdesk.migration.internal.EngineMigration.Step;
import io.flowdesk.migration.internal.Resolved;
import io.flowdesk.migration.internal.Resolved.Fill;
import io.flowdesk.migration.internal.Resolved.Mapping;
import io.flowdesk.migration.internal.Resolved.Source;
import io.flowdesk.migration.internal.Resolved.Verdict;
import io.flowdesk.migration.internal.RunRows;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.templates.TemplateVersions;
import io.flowdesk.workflow.EngineBridge;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moving running tickets to another version of their template (issue 17, ADR 0047): designers and admins build a plan
 * and preview it; admins start a run, which the migration worker carries out ticket by ticket on any node.
 */
@ApplicationScoped
public class Migrations {

    /** At most this many refused tickets are listed in a preview or a run (all are counted). */
    static final int LISTED = 200;

    @Inject
    TemplateService templates;

    @Inject
    TemplateVersions versions;

    @Inject
    FormService forms;

    @Inject
    EngineMigration engine;

    @Inject
    EngineBridge bridge;

    @Inject
    AuditLog audit;

    @Inject
    RunRows rows;

    /** The plan FlowDesk proposes for a request, with the request's choices applied. */
    public Uni<MigrationPlan.Plan> plan(CurrentUser user, Request request, Locale locale) {
        return mayPropose(user).chain(() -> resolve(request)).map(r -> r.plan(locale));
    }

    /** What a run of the plan would do now: tickets per source step, which cannot move and why. */
    public Uni<Preview> preview(CurrentUser user, Request request, Locale locale) {
        return mayPropose(user).chain(() -> resolve(request)).chain(r -> rows.running(r).chain(tickets -> bridge
                .call(() -> preview(r, tickets, locale))));
    }

    /** Starts a run of the plan over every ticket now running on its source versions (admin only). */
    public Uni<MigrationPlan.Run> start(CurrentUser user, Request request, Locale locale) {
        if (!user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("migration.error.runAdminOnly")));
        }
        return resolve(request).chain(r -> Panache.withTransaction(() -> rows.insertRun(r, request, user.username())
                .call(run -> audit.record(user.username(), "migration.started", "migration_run", String.valueOf(run
                        .id()), Map.of("template", r.templateKey, "from", r.sources.keySet().toString(), "to",
                                r.targetVersion, "tickets", run.total(), "plan", Json.MAPPER.valueToTree(request))))))
                .chain(run -> run(user, run.id(), locale));
    }

    /** A run's progress and its failed tickets. */
    public Uni<MigrationPlan.Run> run(CurrentUser user, long id, Locale locale) {
        return mayPropose(user).chain(() -> rows.run(id, locale, LISTED)).map(run -> {
            if (run == null) {
                throw new NotFound(Text.of("migration.error.runNotFound", String.valueOf(id)));
            }
            return run;
        });
    }

    /** The runs of a template, newest first. */
    public Uni<List<MigrationPlan.Run>> runs(CurrentUser user, String templateKey, Locale locale) {
        return mayPropose(user).chain(() -> rows.runs(templateKey, locale));
    }

    private static Uni<Void> mayPropose(CurrentUser user) {
        if (!user.has(Role.ADMIN) && !user.has(Role.DESIGNER)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("migration.error.designersOnly")));
        }
        return Uni.createFrom().voidItem();
    }

    private Preview preview(Resolved r, List<RunRows.Running> tickets, Locale locale) {
        Map<String, List<String>> active = engine.activeSteps(tickets.stream().map(RunRows.Running::processInstanceId)
                .toList());
        Map<String, int[]> counts = new LinkedHashMap<>();
        r.mappings.keySet().forEach(step -> counts.put(step, new int[2]));
        Map<String, List<String>> engineVerdicts = new HashMap<>();
        List<Refusal> refusals = new ArrayList<>();
        int movable = 0;
        int refused = 0;
        for (RunRows.Running t : tickets) {
            List<String> at = active.getOrDefault(t.processInstanceId(), List.of());
            Verdict v = r.check(t.version(), at, t.dataJson());
            if (v.refusal() == null) {
                String signature = t.version() + ":" + at;
                Map<String, String> engineMappings = v.engineMappings();
                List<String> messages = engineVerdicts.computeIfAbsent(signature, k -> engine.validate(
                        t.processInstanceId(), r.target.processDefinitionId(), engineMappings));
                if (!messages.isEmpty()) {
                    v = new Verdict(Text.of("migration.refuse.engine", String.join("; ", messages)), null, "engine",
                            Map.of(), Map.of(), List.of(), null);
                }
            }
            boolean ok = v.refusal() == null;
            for (String step : at) {
                int[] c = counts.get(step);
                if (c != null) {
                    c[0]++;
                    c[1] += ok ? 1 : 0;
                }
            }
            if (ok) {
                movable++;
            } else {
                refused++;
                if (refusals.size() < LISTED) {
                    refusals.add(new Refusal(t.number(), v.refusedStep(), v.refusal().in(locale), v.rule()));
                }
            }
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        r.sources.values().forEach(s -> s.model().steps().forEach(steps::putIfAbsent));
        List<StepCount> list = new ArrayList<>();
        counts.forEach((step, c) -> list.add(new StepCount(step, Resolved.name(steps.get(step)).in(locale), c[0],
                c[1])));
        return new Preview(r.plan(locale), movable + refused, movable, list, refusals);
    }

    /** Resolves a request: versions, definitions and forms, the proposed mapping with the choices applied. */
    public Uni<Resolved> resolve(Request request) {
        if (request == null || request.templateKey() == null || request.templateKey().isBlank()) {
            return Uni.createFrom().failure(InvalidInput.of("/templateKey", Text.of("migration.error.templateRequired"),
                    "required"));
        }
        String key = request.templateKey();
        return versions.list(key).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().failure(new NotFound(Text.of("template.error.notFound", key)));
            }
            Set<Integer> known = new TreeSet<>();
            list.forEach(v -> known.add(v.version()));
            Integer target = request.targetVersion();
            if (target == null || !known.contains(target)) {
                return Uni.createFrom().failure(InvalidInput.of("/targetVersion", Text.of(
                        "migration.error.targetUnknown", String.valueOf(target)), "target"));
            }
            List<Integer> sources = new ArrayList<>();
            if (request.sourceVersions().isEmpty()) {
                known.stream().filter(v -> v < target).forEach(sources::add);
            } else {
                for (Integer v : request.sourceVersions()) {
                    if (v == null || !known.contains(v) || v.equals(target)) {
                        return Uni.createFrom().failure(InvalidInput.of("/sourceVersions", Text.of(
                                "migration.error.sourceUnknown", String.valueOf(v)), "source"));
                    }
                    sources.add(v);
                }
            }
            if (sources.isEmpty()) {
                return Uni.createFrom().failure(InvalidInput.of("/sourceVersions", Text.of(
                        "migration.error.noSources", String.valueOf(target)), "source"));
            }
            List<Integer> all = new ArrayList<>(sources);
            all.add(target);
            Map<Integer, PublishedTemplate> published = new TreeMap<>();
            return Multi.createFrom().iterable(all).onItem().transformToUniAndConcatenate(v -> templates.version(key, v)
                    .invoke(p -> published.put(v, p))).collect().asList()
                    .chain(() -> bridge.call(() -> {
                        Map<Integer, Model> models = new TreeMap<>();
                        published.forEach((v, p) -> models.put(v, engine.model(p.processDefinitionId())));
                        return models;
                    }))
                    .chain(models -> loadForms(published, sources, target).map(formsByVersion -> build(key, request,
                            sources, target, published, models, formsByVersion)));
        });
    }

    /** Per version: its start form; for the target also its step forms (key {@code step:<formKey>}). */
    private Uni<Map<Integer, Map<String, FormDefinition>>> loadForms(Map<Integer, PublishedTemplate> published,
            List<Integer> sources, int target) {
        Map<Integer, Map<String, FormDefinition>> result = new TreeMap<>();
        List<Uni<Void>> loads = new ArrayList<>();
        for (var e : published.entrySet()) {
            PublishedTemplate p = e.getValue();
            Map<String, FormDefinition> into = result.computeIfAbsent(e.getKey(), k -> new HashMap<>());
            if (p.startForm() != null) {
                loads.add(forms.get(p.startForm().key(), p.startForm().version()).invoke(f -> into.put("start", f))
                        .replaceWithVoid());
            }
            if (e.getKey() == target) {
                p.forms().forEach((formKey, version) -> loads.add(forms.get(formKey, version)
                        .invoke(f -> into.put("step:" + formKey, f)).replaceWithVoid()));
            }
        }
        return Multi.createFrom().iterable(loads).onItem().transformToUniAndConcatenate(u -> u).collect().asList()
                .replaceWith(result);
    }

    private Resolved build(String key, Request request, List<Integer> sources, int target,
            Map<Integer, PublishedTemplate> published, Map<Integer, Model> models,
            Map<Integer, Map<String, FormDefinition>> formsByVersion) {
        Model targetModel = models.get(target);
        Map<Integer, Source> sourceMap = new TreeMap<>();
        for (int v : sources) {
            sourceMap.put(v, new Source(v, published.get(v).id(), models.get(v)));
        }
        // the steps of every source, newest version's names first
        Map<String, Step> sourceSteps = new LinkedHashMap<>();
        sources.stream().sorted(java.util.Comparator.reverseOrder()).forEach(v -> models.get(v).steps()
                .forEach(sourceSteps::putIfAbsent));
        Map<String, StepChoice> choices = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.steps().size(); i++) {
            StepChoice c = request.steps().get(i);
            if (c == null || c.source() == null || !sourceSteps.containsKey(c.source())) {
                errors.add(FieldError.of("/steps/" + i + "/source", Text.of("migration.error.stepUnknown",
                        c == null ? "" : String.valueOf(c.source())), "step"));
                continue;
            }
            if (c.target() != null && !c.target().isBlank() && !targetModel.steps().containsKey(c.target())) {
                errors.add(FieldError.of("/steps/" + i + "/target", Text.of("migration.error.targetStepUnknown",
                        Resolved.name(sourceSteps.get(c.source())), c.target()), "step"));
                continue;
            }
            if (c.deadline() != null && !c.deadline().isBlank() && !MigrationPlan.KEEP.equals(c.deadline())
                    && !MigrationPlan.RECOMPUTE.equals(c.deadline())) {
                errors.add(FieldError.of("/steps/" + i + "/deadline", Text.of("migration.error.deadline",
                        Resolved.name(sourceSteps.get(c.source()))), "deadline"));
                continue;
            }
            choices.put(c.source(), c);
        }
        Map<String, Mapping> mappings = new LinkedHashMap<>();
        for (Step s : sourceSteps.values()) {
            StepChoice c = choices.get(s.id());
            Step matched;
            String match;
            if (c != null && c.target() != null) {
                matched = c.target().isBlank() ? null : targetModel.steps().get(c.target());
                match = matched == null ? "none" : "manual";
            } else {
                matched = targetModel.steps().get(s.id());
                match = "id";
                if (matched == null) {
                    matched = targetModel.steps().values().stream().filter(t -> t.nameZh().equals(s.nameZh())
                            || t.nameEn().equalsIgnoreCase(s.nameEn())).findFirst().orElse(null);
                    match = "name";
                }
                if (matched == null && s.formKey() != null) {
                    List<Step> sameForm = targetModel.steps().values().stream().filter(t -> s.formKey().equals(t
                            .formKey())).toList();
                    matched = sameForm.size() == 1 ? sameForm.get(0) : null;
                    match = "form";
                }
                if (matched == null) {
                    match = "none";
                }
            }
            String deadline = c != null && c.deadline() != null && !c.deadline().isBlank() ? c.deadline()
                    : MigrationPlan.KEEP;
            mappings.put(s.id(), new Mapping(s, matched, match, deadline));
        }
        // new required fields of the target's start form that a source's start form did not require
        FormDefinition targetStart = formsByVersion.getOrDefault(target, Map.of()).get("start");
        Set<String> sourceRequired = null;
        Set<String> sourceFields = new TreeSet<>();
        for (int v : sources) {
            FormDefinition f = formsByVersion.getOrDefault(v, Map.of()).get("start");
            Set<String> required = new TreeSet<>();
            if (f != null) {
                f.schema().path("required").forEach(n -> required.add(n.asText()));
                f.schema().path("properties").fieldNames().forEachRemaining(sourceFields::add);
            }
            if (sourceRequired == null) {
                sourceRequired = required;
            } else {
                sourceRequired.retainAll(required);
            }
        }
        Map<String, FieldChoice> fieldChoices = new HashMap<>();
        for (int i = 0; i < request.fields().size(); i++) {
            FieldChoice c = request.fields().get(i);
            if (c == null || c.field() == null || targetStart == null || !targetStart.schema().path("properties").has(c
                    .field())) {
                errors.add(FieldError.of("/fields/" + i + "/field", Text.of("migration.error.fieldUnknown",
                        c == null ? "" : String.valueOf(c.field())), "field"));
                continue;
            }
            if (MigrationPlan.DEFAULT.equals(c.fill()) && (c.value() == null || c.value().isNull())) {
                errors.add(FieldError.of("/fields/" + i + "/value", Text.of("migration.error.defaultMissing",
                        label(targetStart, c.field())), "required"));
                continue;
            }
            fieldChoices.put(c.field(), c);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(Text.of("migration.error.plan"), errors);
        }
        List<Fill> fills = new ArrayList<>();
        Set<String> kept = new TreeSet<>();
        Set<String> offForm = new TreeSet<>(sourceFields);
        if (targetStart != null) {
            JsonNode props = targetStart.schema().path("properties");
            for (JsonNode n : targetStart.schema().path("required")) {
                String field = n.asText();
                if (sourceRequired != null && sourceRequired.contains(field)) {
                    continue;
                }
                FieldChoice c = fieldChoices.get(field);
                JsonNode value = c != null ? (MigrationPlan.ASK.equals(c.fill()) ? null : c.value())
                        : props.path(field).get("default");
                fills.add(new Fill(field, label(targetStart, field), value));
            }
            props.fieldNames().forEachRemaining(f -> {
                if (sourceFields.contains(f)) {
                    kept.add(f);
                }
            });
            offForm.removeAll(kept);
        }
        Map<String, FormDefinition> targetForms = new HashMap<>();
        formsByVersion.getOrDefault(target, Map.of()).forEach((k, f) -> {
            if (k.startsWith("step:")) {
                targetForms.put(k.substring(5), f);
            }
        });
        return new Resolved(key, sourceMap, target, published.get(target).id(), targetModel, mappings, fills,
                targetStart, targetForms, kept, offForm, (form, data) -> forms.validate(form, data, "/data",
                        Locale.ENGLISH));
    }

    static Text label(FormDefinition form, String field) {
        JsonNode label = form.schema().path("x-ui").path("fields").path(field).path("label");
        String zh = label.path("zh-CN").asText(field);
        String en = label.path("en").asText(zh);
        return Text.bilingual(zh, en);
    }
}
