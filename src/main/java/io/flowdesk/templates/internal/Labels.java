package io.flowdesk.templates.internal;

import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.flowdesk.workflow.FlowDeskBpmn;
import org.flowable.bpmn.model.FlowElement;

/**
 * How gate messages name BPMN elements for a business analyst: the kind of element and its label in the
 * reader's language (the name, or {@code flowdesk:nameEn} for English readers, else the id), e.g.
 * {@code User task 'Review'} / {@code 用户任务“受理”}. Kinds come from the catalogue ({@code lint.kind.*}, and
 * {@code lint.kind.lower.*} for use inside an English sentence); a kind the catalogue lacks is named by its XML
 * element name.
 */
final class Labels {

    private Labels() {
    }

    /** "User task" for {@code userTask}, "Call activity" for {@code callActivity}, and so on. */
    static Text kind(String localName) {
        return kindText("lint.kind.", localName);
    }

    /** As {@link #kind} but lower-case in English, for the middle of a sentence. */
    static Text kindInSentence(String localName) {
        return kindText("lint.kind.lower.", localName);
    }

    private static Text kindText(String prefix, String localName) {
        return Messages.pattern(Messages.EN, prefix + localName) != null ? Text.of(prefix + localName)
                : Text.of("lint.kind.other", localName);
    }

    /** {@code <Kind> '<label>'}. */
    static Text of(String localName, Text label) {
        return Text.of("lint.element", kind(localName), label);
    }

    /** {@code <kind> '<label>'} inside a sentence. */
    static Text inSentence(String localName, Text label) {
        return Text.of("lint.element", kindInSentence(localName), label);
    }

    /** {@code <Kind> '<name or id>'} of a parsed element. */
    static Text of(FlowElement element) {
        return of(localName(element), label(element));
    }

    static Text inSentence(FlowElement element) {
        return inSentence(localName(element), label(element));
    }

    /** {@code Process '<name or id>'}. */
    static Text of(org.flowable.bpmn.model.Process process) {
        return of("process", label(process.getName(), process.getAttributeValue(FlowDeskBpmn.NS,
                FlowDeskBpmn.NAME_EN), process.getId()));
    }

    /** The name in the reader's language where the element has one, else its id. */
    static Text label(FlowElement element) {
        return label(element.getName(), element.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.NAME_EN),
                element.getId());
    }

    /** {@code name} is the Chinese name (or the only one), {@code nameEn} the English one; the id stands in. */
    static Text label(String name, String nameEn, String id) {
        boolean hasName = name != null && !name.isBlank();
        boolean hasEn = nameEn != null && !nameEn.isBlank();
        if (!hasName && !hasEn) {
            return Text.literal(id);
        }
        return Text.bilingual(hasName ? name : nameEn, hasEn ? nameEn : name);
    }

    private static String localName(FlowElement element) {
        String simple = element.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
