package io.flowdesk.templates.internal;

import java.util.Map;
import org.flowable.bpmn.model.FlowElement;

/**
 * How gate messages name BPMN elements for a business analyst: the kind of element and its label (the name
 * where it has one, else the id), e.g. {@code User task '审批'}.
 */
final class Labels {

    private static final Map<String, String> KINDS = Map.of(
            "sequenceFlow", "Flow",
            "subProcess", "Sub-process",
            "intermediateCatchEvent", "Intermediate event",
            "conditionExpression", "Condition",
            "extensionElements", "Extension elements",
            "definitions", "BPMN file");

    private Labels() {
    }

    /** "User task" for {@code userTask}, "Call activity" for {@code callActivity}, and so on. */
    static String kind(String localName) {
        String known = KINDS.get(localName);
        if (known != null) {
            return known;
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < localName.length(); i++) {
            char c = localName.charAt(i);
            if (i == 0) {
                words.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c)) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(c);
            }
        }
        return words.toString();
    }

    /** {@code <Kind> '<label>'}. */
    static String of(String localName, String label) {
        return kind(localName) + " '" + label + "'";
    }

    /** {@code <Kind> '<name or id>'} of a parsed element. */
    static String of(FlowElement element) {
        String simple = element.getClass().getSimpleName();
        return of(Character.toLowerCase(simple.charAt(0)) + simple.substring(1), label(element));
    }

    /** {@code Process '<name or id>'}. */
    static String of(org.flowable.bpmn.model.Process process) {
        return of("process", process.getName() != null && !process.getName().isBlank() ? process.getName()
                : process.getId());
    }

    /** The name where the element has one, else its id. */
    static String label(FlowElement element) {
        return element.getName() != null && !element.getName().isBlank() ? element.getName() : element.getId();
    }
}
