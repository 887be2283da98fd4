package io.flowdesk.templates.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormProfile;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.TemplatePackage;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.workflow.FlowDeskBpmn;
import io.flowdesk.workflow.ServiceTaskCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;

/**
 * The publish gate: a published BPMN and its forms are untrusted. Every rule names the element (or file and
 * JSON pointer) it fails on. Nothing is deployed unless {@link #check} returns no errors.
 */
public final class PublishGate {

    public static final int MAX_BPMN_BYTES = 1024 * 1024;

    static final Set<String> BUILT_IN_VARIABLES = Set.of("ticketPriority", "ticketType", "ticketNumber", "ticketId",
            "true", "false", "null", "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty", "div", "mod",
            "instanceof");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    private PublishGate() {
    }

    /** All problems of a template package; empty means it may be published. */
    public static List<FieldError> check(TemplatePackage pkg, Set<String> departments) {
        List<FieldError> errors = new ArrayList<>();
        checkMetadata(pkg, errors);
        Map<String, JsonNode> forms = pkg.forms();
        for (Map.Entry<String, JsonNode> form : forms.entrySet()) {
            if (!KEY.matcher(form.getKey()).matches()) {
                errors.add(new FieldError("forms/" + form.getKey() + ".json",
                        "Form key '" + form.getKey() + "' may only use lower-case letters, digits and '-': rename it", "form-key"));
            }
            int bytes = Json.write(form.getValue()).getBytes(StandardCharsets.UTF_8).length;
            for (FieldError e : FormProfile.check(form.getValue(), bytes)) {
                errors.add(new FieldError("forms/" + form.getKey() + ".json#" + e.pointer(), e.message(),
                        "form-profile:" + e.rule()));
            }
        }
        String xml = pkg.bpmnXml();
        if (xml == null || xml.isBlank()) {
            errors.add(new FieldError("process.bpmn", "The template has no process diagram (process.bpmn): draw or import one", "bpmn-missing"));
            return errors;
        }
        if (xml.getBytes(StandardCharsets.UTF_8).length > MAX_BPMN_BYTES) {
            errors.add(new FieldError("process.bpmn", "The process diagram is larger than " + MAX_BPMN_BYTES + " bytes: simplify it", "size"));
            return errors;
        }
        String upper = xml.toUpperCase(Locale.ROOT);
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            errors.add(new FieldError("process.bpmn", "The BPMN file declares a DOCTYPE or entities: remove them (they could read files on the server)", "no-doctype"));
            return errors;
        }
        if (!BpmnScan.scan(xml, errors)) {
            return errors;
        }
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(BpmnScan.secureReader(xml));
        } catch (RuntimeException | XMLStreamException e) {
            errors.add(new FieldError("process.bpmn", "The process diagram cannot be read (" + rootMessage(e) + "): export it again from the designer", "parse-error"));
            return errors;
        }
        checkModel(pkg, model, departments, errors);
        return errors;
    }

    private static void checkMetadata(TemplatePackage pkg, List<FieldError> errors) {
        JsonNode meta = pkg.metadata();
        if (meta == null || !meta.isObject()) {
            errors.add(new FieldError("template.json", "template.json is missing or not a JSON object: export the template again", "metadata"));
            return;
        }
        if (!KEY.matcher(meta.path("key").asText("")).matches()) {
            errors.add(new FieldError("template.json#/key",
                    "The template key must be 2-64 lower-case letters, digits or '-', starting with a letter: change it", "metadata"));
        }
        for (String language : FormProfile.LANGUAGES) {
            if (meta.path("name").path(language).asText("").isBlank()) {
                errors.add(new FieldError("template.json#/name/" + language, "The template has no name in " + language + ": enter one",
                        "metadata"));
            }
        }
        if (meta.path("ticketType").asText("").isBlank()) {
            errors.add(new FieldError("template.json#/ticketType", "The template has no ticket type: enter one", "metadata"));
        }
        String startForm = meta.path("startForm").asText("");
        if (startForm.isBlank() || !pkg.forms().containsKey(startForm)) {
            errors.add(new FieldError("template.json#/startForm",
                    "The start form '" + startForm + "' is not one of the template's forms: pick one of "
                    + new TreeSet<>(pkg.forms().keySet()), "metadata"));
        }
    }

    private static void checkModel(TemplatePackage pkg, BpmnModel model, Set<String> departments,
            List<FieldError> errors) {
        if (model.getProcesses().size() != 1) {
            errors.add(new FieldError("process.bpmn", "A template has exactly one process (found "
                    + model.getProcesses().size() + "): keep one pool/process in the diagram", "one-process"));
            return;
        }
        org.flowable.bpmn.model.Process process = model.getMainProcess();
        if (!process.isExecutable()) {
            errors.add(new FieldError(process.getId(), Labels.of(process) + " is not marked executable: set"
                    + " isExecutable=\"true\"", "executable"));
        }
        FlowGraph graph = FlowGraph.of(process);
        Map<String, List<ConditionRules.FieldDef>> allFields = ConditionRules.fields(pkg.forms(),
                new TreeSet<>(pkg.forms().keySet()));

        List<StartEvent> starts = new ArrayList<>();
        List<EndEvent> ends = new ArrayList<>();
        for (FlowElement element : process.getFlowElements()) {
            switch (element) {
                case StartEvent start -> {
                    starts.add(start);
                    if (!start.getEventDefinitions().isEmpty()) {
                        errors.add(new FieldError(start.getId(), Labels.of(start) + " has a timer or message: make"
                                + " it a plain start event (tickets start the process)", "start-event"));
                    }
                    if (start.getFormKey() != null) {
                        errors.add(new FieldError(start.getId(), Labels.of(start) + " has a form: remove it and set"
                                + " the start form in the template settings (template.json startForm)", "start-event"));
                    }
                }
                case EndEvent end -> {
                    ends.add(end);
                    if (!end.getEventDefinitions().isEmpty()) {
                        errors.add(new FieldError(end.getId(), Labels.of(end) + " has an event definition: make it a"
                                + " plain end event", "end-event"));
                    }
                    String status = end.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TICKET_STATUS);
                    if (status != null && !TicketStatus.FOR_ENDS.contains(status)) {
                        errors.add(new FieldError(end.getId(), Labels.of(end) + " sets ticket status '" + status
                                + "': pick one of " + TicketStatus.FOR_ENDS, "ticket-status"));
                    }
                }
                case UserTask task -> checkUserTask(task, pkg, departments, errors);
                case ServiceTask task -> {
                    if (task.getImplementation() == null || task.getImplementationType() == null
                            || !"delegateExpression".equals(task.getImplementationType())) {
                        errors.add(new FieldError(task.getId(), Labels.of(task) + " does not say what it does: pick"
                                + " one of the catalogue services " + new TreeSet<>(ServiceTaskCatalogue.IDS)
                                + " in the properties panel", "service-task-catalogue"));
                    } else {
                        ServiceTaskRules.check(task, departments, errors);
                    }
                }
                case ExclusiveGateway gateway -> checkExclusive(process, gateway, graph, pkg, allFields, errors);
                case ParallelGateway gateway -> {
                    for (SequenceFlow flow : gateway.getOutgoingFlows()) {
                        if (flow.getConditionExpression() != null) {
                            errors.add(new FieldError(flow.getId(), Labels.of(flow) + " leaves "
                                    + BpmnScan.lower(Labels.of(gateway)) + ", where all paths are taken: remove its"
                                    + " condition, or use an exclusive gateway", "gateway-condition"));
                        }
                    }
                }
                case BoundaryEvent boundary -> checkTimer(boundary, boundary.getEventDefinitions(), errors);
                case IntermediateCatchEvent catchEvent -> checkTimer(catchEvent, catchEvent.getEventDefinitions(),
                        errors);
                case SequenceFlow flow -> {
                    if (flow.getConditionExpression() != null && !(process.getFlowElement(flow.getSourceRef())
                            instanceof ExclusiveGateway)) {
                        errors.add(new FieldError(flow.getId(), Labels.of(flow) + " has a condition but does not"
                                + " leave an exclusive gateway: remove the condition or put a gateway before it",
                                "gateway-condition"));
                    }
                }
                default -> {
                }
            }
        }
        if (starts.size() != 1) {
            errors.add(new FieldError(process.getId(), Labels.of(process) + " needs exactly one start event (found "
                    + starts.size() + "): keep one", "start-event"));
        }
        if (ends.isEmpty()) {
            errors.add(new FieldError(process.getId(), Labels.of(process) + " has no end event: add one",
                    "end-event"));
        }
        if (starts.size() == 1 && !ends.isEmpty()) {
            checkReachability(process, starts.get(0), graph, errors);
        }
    }

    private static void checkUserTask(UserTask task, TemplatePackage pkg, Set<String> departments,
            List<FieldError> errors) {
        String subject = Labels.of(task);
        String formKey = task.getFormKey();
        if (formKey == null || formKey.isBlank()) {
            errors.add(new FieldError(task.getId(), subject + " has no form: pick one in the properties panel",
                    "user-task-form"));
        } else if (!pkg.forms().containsKey(formKey)) {
            errors.add(new FieldError(task.getId(), subject + " uses form '" + formKey + "', which is not part of this"
                    + " template: pick one of " + new TreeSet<>(pkg.forms().keySet()), "unknown-form"));
        }
        List<String> groups = task.getCandidateGroups();
        if (groups == null || groups.isEmpty()) {
            errors.add(new FieldError(task.getId(), subject + " has no department: pick the department that works on"
                    + " it in the properties panel", "user-task-group"));
        } else {
            for (String group : groups) {
                if (!departments.contains(group)) {
                    errors.add(new FieldError(task.getId(), subject + " names department '" + group + "', which does"
                            + " not exist: pick one of " + new TreeSet<>(departments), "unknown-department"));
                }
            }
        }
        if (task.getAssignee() != null || !task.getCandidateUsers().isEmpty()) {
            errors.add(new FieldError(task.getId(), subject + " names a person: remove it; FlowDesk's routing picks"
                    + " people within the department", "attribute-not-allowed"));
        }
        String status = task.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TICKET_STATUS);
        if (status != null && !TicketStatus.FOR_TASKS.contains(status)) {
            errors.add(new FieldError(task.getId(), subject + " sets ticket status '" + status + "': pick one of "
                    + TicketStatus.FOR_TASKS, "ticket-status"));
        }
        if (!task.getTaskListeners().isEmpty() || !task.getExecutionListeners().isEmpty()) {
            errors.add(new FieldError(task.getId(), subject + " has listeners, which could run code: remove them",
                    "element-not-allowed"));
        }
    }

    private static void checkExclusive(org.flowable.bpmn.model.Process process, ExclusiveGateway gateway,
            FlowGraph graph, TemplatePackage pkg, Map<String, List<ConditionRules.FieldDef>> allFields,
            List<FieldError> errors) {
        String subject = Labels.of(gateway);
        List<SequenceFlow> outgoing = gateway.getOutgoingFlows();
        if (outgoing.isEmpty()) {
            errors.add(new FieldError(gateway.getId(), subject + " has no outgoing flow: connect it to the next step",
                    "dead-end"));
            return;
        }
        Map<String, List<ConditionRules.FieldDef>> before = ConditionRules.fields(pkg.forms(),
                ConditionRules.formsBefore(process, graph, gateway.getId(), startForm(pkg)));
        String defaultFlow = gateway.getDefaultFlow();
        boolean hasDefault = defaultFlow != null && !defaultFlow.isBlank();
        if (outgoing.size() > 1 && !hasDefault) {
            String field = ConditionRules.uncovered(outgoing, before);
            if (field != null) {
                errors.add(new FieldError(gateway.getId(), subject + " has no default flow, so a case no condition"
                        + " matches would get stuck: " + (field.isEmpty() ? "add a default flow"
                                : "add a default flow or cover every value of " + field), "gateway-default"));
            }
        }
        for (SequenceFlow flow : outgoing) {
            boolean isDefault = flow.getId().equals(defaultFlow);
            String condition = flow.getConditionExpression();
            if (!isDefault && outgoing.size() > 1 && (condition == null || condition.isBlank())) {
                errors.add(new FieldError(flow.getId(), Labels.of(flow) + " from " + BpmnScan.lower(subject)
                        + " has no condition: add one, or make it the gateway's default flow", "gateway-condition"));
            }
            if (isDefault && condition != null && !condition.isBlank()) {
                errors.add(new FieldError(flow.getId(), Labels.of(flow) + " is the default flow of "
                        + BpmnScan.lower(subject) + " and must not have a condition: remove the condition",
                        "gateway-condition"));
            }
            ConditionRules.checkCondition(gateway, flow, allFields, before, errors);
        }
    }

    private static String startForm(TemplatePackage pkg) {
        return pkg.metadata() == null ? null : pkg.metadata().path("startForm").asText(null);
    }

    private static void checkTimer(FlowElement event, List<EventDefinition> definitions, List<FieldError> errors) {
        if (definitions.size() != 1 || !(definitions.get(0) instanceof TimerEventDefinition)) {
            errors.add(new FieldError(event.getId(), Labels.of(event) + " must be a timer (it is the only kind of"
                    + " event FlowDesk supports here): make it a timer or remove it", "timer-definition"));
        }
    }

    private static void checkReachability(org.flowable.bpmn.model.Process process, StartEvent start, FlowGraph graph,
            List<FieldError> errors) {
        List<FlowNode> nodes = new ArrayList<>();
        Set<String> endIds = new HashSet<>();
        for (FlowElement element : process.getFlowElements()) {
            if (element instanceof FlowNode node) {
                nodes.add(node);
                if (node instanceof EndEvent) {
                    endIds.add(node.getId());
                }
            }
        }
        Set<String> reachable = graph.forward(Set.of(start.getId()));
        Set<String> reachesEnd = graph.backward(endIds);
        for (FlowNode node : nodes) {
            if (!reachable.contains(node.getId())) {
                errors.add(new FieldError(node.getId(), Labels.of(node) + " cannot be reached from the start:"
                        + " connect it with a flow or remove it", "unreachable"));
            } else if (!reachesEnd.contains(node.getId())) {
                errors.add(new FieldError(node.getId(), Labels.of(node) + " never leads to an end event: add a flow"
                        + " from it towards an end", "dead-end"));
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
