package io.flowdesk.templates;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.internal.ForeignBpmnMapper;
import java.util.List;

/**
 * Imports BPMN drawn for another engine (Camunda 7, Camunda 8 / Zeebe, Flowable, or any BPMN 2.0 modeler) as a
 * FlowDesk draft: what maps is mapped (forms, departments, FEEL comparisons), tool metadata and layout-only parts
 * are dropped with a note, and what FlowDesk cannot run stays in the diagram (stripped of its code) so that the
 * publish gate reports it on that element until the analyst replaces it. The diagram layout is kept. Only what is
 * unsafe to store or not BPMN at all is refused.
 */
public final class BpmnImport {

    private BpmnImport() {
    }

    /**
     * One thing the importer did, for the person importing.
     *
     * @param element the BPMN element it concerns (its id), or {@code process.bpmn} for the file
     * @param text what was mapped, dropped or left for the analyst (catalogue keys {@code import.note.*})
     */
    public record Note(String element, Text text) {
    }

    /**
     * The outcome of an import.
     *
     * @param xml the FlowDesk draft BPMN, or null when the file is refused
     * @param errors why the file is refused (pointer {@code process.bpmn}); empty when a draft was made
     * @param notes what was mapped, dropped or left as a lint problem
     * @param startForm the form key the foreign start event named, when it maps to one (else null)
     */
    public record Result(String xml, List<FieldError> errors, List<Note> notes, String startForm) {

        public Result {
            errors = List.copyOf(errors);
            notes = List.copyOf(notes);
        }

        /** True when a draft can be made. */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Maps one BPMN text. Never throws for bad input; refusals are in {@link Result#errors()}. */
    public static Result map(String xml) {
        return ForeignBpmnMapper.map(xml);
    }
}
