package io.flowdesk.templates;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.templates.internal.TemplateFacts;
import io.flowdesk.templates.internal.TemplateFacts.Facts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two versions of a template, for a reviewer before publishing: BPMN elements by id
 * (ignoring diagram layout), form fields by form and key, and template.json metadata. Changes are sorted by kind
 * (template, bpmn, form), scope and id.
 */
public final class TemplateDiff {

    private static final List<String> KINDS = List.of("template", "bpmn", "form");
    private static final String NONE = "—";

    /**
     * One change.
     *
     * @param kind {@code template}, {@code bpmn} or {@code form}
     * @param scope the form key for form changes, else {@code ""}
     * @param id the BPMN element id, the form field key ({@code ""} for a whole form), or the template key
     * @param change {@code added}, {@code removed} or {@code changed}
     * @param label the element, field or form name for humans
     * @param details {@code property: old → new} for changes; {@code property: value} for additions and removals
     */
    public record Change(String kind, String scope, String id, String change, String label, List<String> details) {

        public Change {
            details = List.copyOf(details);
        }
    }

    private final List<Change> changes;

    private TemplateDiff(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    /** Compares two template packages; throws IllegalArgumentException when a BPMN cannot be read. */
    public static TemplateDiff between(TemplatePackage from, TemplatePackage to) {
        List<Change> changes = new ArrayList<>();
        Facts oldMeta = TemplateFacts.template(from.metadata());
        Facts newMeta = TemplateFacts.template(to.metadata());
        compare("template", "", Map.of(to.key(), oldMeta), Map.of(to.key(), newMeta), changes);
        compare("bpmn", "", TemplateFacts.bpmn(from.bpmnXml()), TemplateFacts.bpmn(to.bpmnXml()), changes);
        TreeSet<String> formKeys = new TreeSet<>(from.forms().keySet());
        formKeys.addAll(to.forms().keySet());
        for (String key : formKeys) {
            JsonNode before = from.forms().get(key);
            JsonNode after = to.forms().get(key);
            if (before == null || after == null) {
                JsonNode form = before == null ? after : before;
                changes.add(new Change("form", key, "", before == null ? "added" : "removed",
                        TemplateFacts.formTitle(key, form), List.of()));
            } else {
                compare("form", key, TemplateFacts.formFields(before), TemplateFacts.formFields(after), changes);
            }
        }
        changes.sort(Comparator.comparingInt((Change c) -> KINDS.indexOf(c.kind())).thenComparing(Change::scope)
                .thenComparing(Change::id).thenComparing(Change::change));
        return new TemplateDiff(changes);
    }

    /** All changes, in a stable order; empty when the versions behave the same. */
    public List<Change> changes() {
        return changes;
    }

    /** True when nothing but layout differs. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static void compare(String kind, String scope, Map<String, Facts> before, Map<String, Facts> after,
            List<Change> into) {
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            Facts old = before.get(id);
            Facts now = after.get(id);
            if (old == null || now == null) {
                Facts present = old == null ? now : old;
                List<String> details = new ArrayList<>();
                present.properties().forEach((k, v) -> details.add(k + ": " + v));
                into.add(new Change(kind, scope, id, old == null ? "added" : "removed", present.label(), details));
                continue;
            }
            List<String> details = new ArrayList<>();
            for (String key : union(old.properties(), now.properties())) {
                String a = old.properties().get(key);
                String b = now.properties().get(key);
                if (!Objects.equals(a, b)) {
                    details.add(key + ": " + (a == null ? NONE : a) + " → " + (b == null ? NONE : b));
                }
            }
            if (!details.isEmpty()) {
                into.add(new Change(kind, scope, id, "changed", now.label(), details));
            }
        }
    }

    /** The keys of both maps: the old order first, then keys only the new one has. */
    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }
}
