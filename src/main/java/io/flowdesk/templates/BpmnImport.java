package io.flowdesk.templates;

import io.flowdesk.shared.FieldError;
import io.flowdesk.templates.internal.ForeignBpmnMapper;
import java.util.List;

/**
 * Imports BPMN drawn for another engine (Camunda 7, Camunda 8 / Zeebe, or Flowable) as FlowDesk BPMN: forms and
 * departments on user tasks are carried over, FEEL conditions become {@code ${...}}, modeler metadata is dropped,
 * the diagram layout is kept. Anything FlowDesk cannot run is reported with one error per BPMN element (rule
 * {@code import-unsupported}). The result still has to pass the publish gate together with its forms.
 */
public final class BpmnImport {

    private BpmnImport() {
    }

    /**
     * The outcome of an import.
     *
     * @param xml the FlowDesk BPMN, or null when there are errors
     * @param errors one per offending element (pointer = element id), or per file ({@code process.bpmn})
     * @param notes what was dropped or rewritten, for the person importing
     */
    public record Result(String xml, List<FieldError> errors, List<String> notes) {

        public Result {
            errors = List.copyOf(errors);
            notes = List.copyOf(notes);
        }

        /** True when the BPMN could be mapped. */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Maps one BPMN text. Never throws for bad input; problems are in {@link Result#errors()}. */
    public static Result map(String xml) {
        return ForeignBpmnMapper.map(xml);
    }
}
