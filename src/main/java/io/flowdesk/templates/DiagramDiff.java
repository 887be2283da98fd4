package io.flowdesk.templates;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.templates.internal.SecureXml;
import io.flowdesk.templates.internal.TemplateFacts;
import io.flowdesk.templates.internal.TemplateFacts.Facts;
import io.flowdesk.workflow.FlowDeskBpmn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The element-level diff of two template versions, for drawing on their diagrams (ADR 0049): every BPMN element
 * that was added (only in the new diagram), removed (only in the old one) or changed (in both), with the changed
 * properties named by intent ({@code name}, {@code form}, {@code department}, {@code assignee}, {@code condition},
 * {@code timer}, …). A user task whose form kept its key but whose fields changed counts as changed too, with one
 * {@code formField} detail per field. The process element itself and diagram layout are not marks.
 */
public final class DiagramDiff {

    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String CHANGED = "changed";

    /** Raw BPMN property → the property a person reads; anything else keeps its raw name. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("flowdesk:nameEn", "nameEn"), Map.entry("flowable:formKey", "form"),
            Map.entry("flowable:candidateGroups", "department"), Map.entry("flowable:assignee", "assignee"),
            Map.entry("flowable:candidateUsers", "assignee"), Map.entry("flowdesk:assignment", "assignment"),
            Map.entry("flowdesk:skills", "skills"), Map.entry("flowdesk:targetMinutes", "target"),
            Map.entry("flowdesk:ticketStatus", "status"), Map.entry("condition", "condition"),
            Map.entry("timer", "timer"), Map.entry("default", "default"), Map.entry("type", "type"),
            Map.entry("sourceRef", "source"), Map.entry("targetRef", "target.ref"),
            Map.entry("attachedToRef", "attachedTo"), Map.entry("cancelActivity", "cancelActivity"));
    private static final Set<String> NOT_DRAWN = Set.of("process");

    /**
     * One changed property.
     *
     * @param property {@code name}, {@code nameEn}, {@code form}, {@code formField}, {@code department},
     *        {@code assignee}, {@code assignment}, {@code condition}, {@code timer}, {@code status}, … or a raw name
     * @param subject what the property belongs to when it is not the element itself: for {@code formField} the field
     *        key (added or removed field, whose label is the value) or {@code label · property}; else ""
     * @param before the old value, null when it was not set (or the element was added)
     * @param after the new value, null when it is no longer set (or the element was removed)
     */
    public record Detail(String property, String subject, String before, String after) {
    }

    /**
     * One element to mark.
     *
     * @param id the BPMN element id (the same in both diagrams for a changed element)
     * @param type the BPMN element type ({@code userTask}, {@code sequenceFlow}, …)
     * @param change {@link #ADDED}, {@link #REMOVED} or {@link #CHANGED}
     * @param nameZh the element's name (in the new version, or the old one when removed)
     * @param nameEn its English name, or the Chinese one when it has none
     * @param details what differs; for added/removed elements the properties they have
     */
    public record Mark(String id, String type, String change, String nameZh, String nameEn, List<Detail> details) {

        public Mark {
            details = List.copyOf(details);
        }

        /** The name in the reader's language, falling back to the id. */
        public String name(boolean zh) {
            String name = zh ? nameZh : nameEn;
            return name == null || name.isBlank() ? (nameZh == null || nameZh.isBlank() ? id : nameZh) : name;
        }
    }

    private final Map<String, Mark> marks;

    private DiagramDiff(Map<String, Mark> marks) {
        this.marks = Map.copyOf(marks);
    }

    /** Compares two packages; throws IllegalArgumentException when a BPMN cannot be read. */
    public static DiagramDiff between(TemplatePackage from, TemplatePackage to) {
        Map<String, Facts> before = TemplateFacts.bpmn(from.bpmnXml());
        Map<String, Facts> after = TemplateFacts.bpmn(to.bpmnXml());
        Map<String, Mark> marks = new TreeMap<>();
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            Facts old = before.get(id);
            Facts now = after.get(id);
            Facts present = now == null ? old : now;
            String type = present.properties().getOrDefault("type", "");
            if (NOT_DRAWN.contains(type)) {
                continue;
            }
            List<Detail> details = new ArrayList<>();
            String change;
            if (old == null || now == null) {
                change = old == null ? ADDED : REMOVED;
                present.properties().forEach((k, v) -> {
                    if (!"type".equals(k)) {
                        details.add(new Detail(property(k), "", old == null ? null : v, old == null ? v : null));
                    }
                });
            } else {
                change = CHANGED;
                for (String key : union(old.properties(), now.properties())) {
                    String a = old.properties().get(key);
                    String b = now.properties().get(key);
                    if (!Objects.equals(a, b)) {
                        details.add(new Detail(property(key), "", a, b));
                    }
                }
                String formKey = now.properties().get("flowable:formKey");
                if (formKey != null && formKey.equals(old.properties().get("flowable:formKey"))) {
                    details.addAll(formFields(from.forms().get(formKey), to.forms().get(formKey)));
                }
                if (details.isEmpty()) {
                    continue;
                }
            }
            String zh = present.properties().getOrDefault("name", "");
            String en = present.properties().getOrDefault("flowdesk:nameEn", zh);
            marks.put(id, new Mark(id, type, change, zh, en, details));
        }
        return new DiagramDiff(marks);
    }

    /** Every mark by element id. */
    public Map<String, Mark> marks() {
        return marks;
    }

    /** The marks to draw on the old diagram: removed and changed elements. */
    public Map<String, Mark> onOld() {
        return only(REMOVED);
    }

    /** The marks to draw on the new diagram: added and changed elements. */
    public Map<String, Mark> onNew() {
        return only(ADDED);
    }

    public boolean isEmpty() {
        return marks.isEmpty();
    }

    private Map<String, Mark> only(String side) {
        Map<String, Mark> result = new LinkedHashMap<>();
        marks.forEach((id, mark) -> {
            if (mark.change().equals(side) || mark.change().equals(CHANGED)) {
                result.put(id, mark);
            }
        });
        return result;
    }

    /** The fields of one form that differ, as {@code formField} details (subject: the field key). */
    private static List<Detail> formFields(JsonNode before, JsonNode after) {
        List<Detail> details = new ArrayList<>();
        if (before == null || after == null) {
            return details;
        }
        Map<String, Facts> a = TemplateFacts.formFields(before);
        Map<String, Facts> b = TemplateFacts.formFields(after);
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            Facts old = a.get(key);
            Facts now = b.get(key);
            if (old == null || now == null) {
                details.add(new Detail("formField", key, old == null ? null : old.label(),
                        now == null ? null : now.label()));
                continue;
            }
            for (String property : union(old.properties(), now.properties())) {
                String x = old.properties().get(property);
                String y = now.properties().get(property);
                if (!Objects.equals(x, y)) {
                    details.add(new Detail("formField", now.label() + " · " + property, x, y));
                }
            }
        }
        return details;
    }

    /**
     * The diagram as bpmn-js should draw it for a reader: English readers see {@code flowdesk:nameEn} where an
     * element has one; Chinese readers get it as is. An unreadable document is returned unchanged.
     */
    public static String localizedXml(String xml, boolean zh) {
        if (zh || xml == null) {
            return xml;
        }
        try {
            org.w3c.dom.Document doc = SecureXml.parse(xml);
            org.w3c.dom.NodeList all = doc.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                org.w3c.dom.Element element = (org.w3c.dom.Element) all.item(i);
                String en = element.getAttributeNS(FlowDeskBpmn.NS, "nameEn");
                if (!en.isEmpty()) {
                    element.setAttribute("name", en);
                }
            }
            return SecureXml.write(doc);
        } catch (SecureXml.Unreadable e) {
            return xml;
        }
    }

    private static String property(String raw) {
        if (raw.startsWith("field ")) {
            return "parameter " + raw.substring("field ".length());
        }
        return PROPERTIES.getOrDefault(raw, raw);
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }
}
