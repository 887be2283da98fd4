package io.flowdesk.templates.internal;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.BpmnImport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an import did: refusals of the whole file, and notes per BPMN element (dropped tool settings are gathered
 * into one note per element). Every sentence is a catalogue key ({@code import.*}).
 */
final class ImportReport {

    static final String FILE = "process.bpmn";
    private static final Set<String> CONTAINERS = Set.of("definitions", "process", "subProcess", "transaction",
            "adHocSubProcess", "collaboration", "laneSet");

    private final Map<Element, Set<String>> dropped = new LinkedHashMap<>();
    private final List<BpmnImport.Note> notes = new ArrayList<>();
    private final List<FieldError> refusals = new ArrayList<>();

    /** The file cannot become a draft at all. */
    void refuse(String rule, String key, Object... args) {
        refusals.add(new FieldError(FILE, Text.of(key, args), rule));
    }

    /** {@code what} (an attribute or extension name) was removed from the element owning {@code at}. */
    void dropped(String what, Element at) {
        dropped.computeIfAbsent(owner(at), k -> new LinkedHashSet<>()).add(what);
    }

    /** A note on the element owning {@code at}: key {@code import.note.<key>}, first argument its name or id. */
    void note(Element at, String key, Object... args) {
        Element owner = at == null ? null : owner(at);
        Object[] all = new Object[args.length + 1];
        all[0] = Text.literal(owner == null ? FILE : label(owner));
        System.arraycopy(args, 0, all, 1, args.length);
        notes.add(new BpmnImport.Note(owner == null || owner.getAttribute("id").isEmpty() ? FILE
                : owner.getAttribute("id"), Text.of("import.note." + key, all)));
    }

    boolean refused() {
        return !refusals.isEmpty();
    }

    List<FieldError> refusals() {
        return refusals;
    }

    List<BpmnImport.Note> notes() {
        List<BpmnImport.Note> all = new ArrayList<>();
        dropped.forEach((element, what) -> all.add(new BpmnImport.Note(element.getAttribute("id").isEmpty() ? FILE
                : element.getAttribute("id"), Text.of("import.note.dropped", Text.literal(label(element)),
                        Text.literal(String.join(", ", what))))));
        all.addAll(notes);
        return all;
    }

    /** The element a finding is reported on: itself if it sits directly in a container, else its nearest such ancestor. */
    static Element owner(Element element) {
        Element current = element;
        while (true) {
            Node parent = current.getParentNode();
            if (!(parent instanceof Element p) || (BpmnScan.BPMN.equals(current.getNamespaceURI())
                    && BpmnScan.BPMN.equals(p.getNamespaceURI()) && CONTAINERS.contains(p.getLocalName()))) {
                return current;
            }
            current = p;
        }
    }

    /** The element's name where it has one, else its id (else its tag). */
    static String label(Element element) {
        String name = element.getAttribute("name").replaceAll("\\s+", " ").trim();
        if (!name.isEmpty()) {
            return name;
        }
        String id = element.getAttribute("id");
        return id.isEmpty() ? element.getLocalName() : id;
    }
}
