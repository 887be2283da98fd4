package io.flowdesk.templates.internal;

import io.flowdesk.shared.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an import found: problems grouped per BPMN element (one error each, listing everything unsupported on it)
 * and notes on what was dropped or rewritten.
 */
final class ImportReport {

    static final String RULE = "import-unsupported";
    private static final Set<String> CONTAINERS = Set.of("definitions", "process", "subProcess", "transaction",
            "adHocSubProcess", "collaboration", "laneSet");

    private final Map<Element, List<String>> problems = new LinkedHashMap<>();
    private final Map<String, Set<String>> dropped = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<FieldError> fileErrors = new ArrayList<>();

    /** Records a problem on the element that owns {@code at} (the nearest flow element, process or root). */
    void problem(Element at, String message) {
        problems.computeIfAbsent(owner(at), k -> new ArrayList<>()).add(message);
    }

    /** A problem with the file as a whole. */
    void fileError(String message, String rule) {
        fileErrors.add(new FieldError("process.bpmn", message, rule));
    }

    /** Records that {@code what} (e.g. {@code camunda:asyncBefore}) was dropped from the element owning {@code at}. */
    void dropped(String what, Element at) {
        dropped.computeIfAbsent(what, k -> new LinkedHashSet<>()).add(label(owner(at)));
    }

    void note(String note) {
        notes.add(note);
    }

    boolean hasErrors() {
        return !problems.isEmpty() || !fileErrors.isEmpty();
    }

    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>(fileErrors);
        problems.forEach((element, messages) -> {
            String id = element.getAttribute("id");
            errors.add(new FieldError(id.isEmpty() ? "process.bpmn" : id, element.getLocalName()
                    + (id.isEmpty() ? "" : " '" + id + "'") + ": " + String.join("; ", messages), RULE));
        });
        return errors;
    }

    List<String> notes() {
        List<String> all = new ArrayList<>();
        dropped.forEach((what, where) -> all.add("Dropped " + what + " (not used by FlowDesk) on "
                + String.join(", ", where)));
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

    static String label(Element element) {
        String id = element.getAttribute("id");
        return element.getLocalName() + (id.isEmpty() ? "" : " '" + id + "'");
    }
}
