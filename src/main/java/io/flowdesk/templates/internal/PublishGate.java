package io.flowdesk.templates.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormProfile;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
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
                errors.add(new FieldError("forms/" + form.getKey() + ".json", Text.of("lint.form.key", form.getKey()),
                        "form-key"));
            }
            int bytes = Json.write(form.getValue()).getBytes(StandardCharsets.UTF_8).length;
            for (FieldError e : FormProfile.check(form.getValue(), bytes)) {
                errors.add(new FieldError("forms/" + form.getKey() + ".json#" + e.pointer(), e.text(),
                        "form-profile:" + e.rule()));
            }
        }
        String xml = pkg.bpmnXml();
        if (xml == null || xml.isBlank()) {
            errors.add(new FieldError("process.bpmn", Text.of("lint.bpmn.missing"), "bpmn-missing"));
            return errors;
        }
        if (xml.getBytes(StandardCharsets.UTF_8).length > MAX_BPMN_BYTES) {
            errors.add(new FieldError("process.bpmn", Text.of("lint.bpmn.size", MAX_BPMN_BYTES), "size"));
            return errors;
        }
        String upper = xml.toUpperCase(Locale.ROOT);
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            errors.add(new FieldError("process.bpmn", Text.of("lint.bpmn.doctype"), "no-doctype"));
            return errors;
        }
        if (!BpmnScan.scan(xml, errors)) {
            return errors;
        }
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(BpmnScan.secureReader(xml));
        } catch (RuntimeException | XMLStreamException e) {
            errors.add(new FieldError("process.bpmn", Text.of("lint.bpmn.parse", rootMessage(e)), "parse-error"));
            return errors;
        }
        checkModel(pkg, model, departments, errors);
        return errors;
    }

    private static void checkMetadata(TemplatePackage pkg, List<FieldError> errors) {
        JsonNode meta = pkg.metadata();
        if (meta == null || !meta.isObject()) {
            errors.add(new FieldError("template.json", Text.of("lint.meta.missing"), "metadata"));
            return;
        }
        if (!KEY.matcher(meta.path("key").asText("")).matches()) {
            errors.add(new FieldError("template.json#/key", Text.of("lint.meta.key"), "metadata"));
        }
        for (String language : FormProfile.LANGUAGES) {
            if (meta.path("name").path(language).asText("").isBlank()) {
                errors.add(new FieldError("template.json#/name/" + language,
                        Text.of("lint.meta.name", Text.of("lint.language." + language)), "metadata"));
            }
        }
        if (meta.path("ticketType").asText("").isBlank()) {
            errors.add(new FieldError("template.json#/ticketType", Text.of("lint.meta.ticketType"), "metadata"));
        }
        String startForm = meta.path("startForm").asText("");
        if (startForm.isBlank() || !pkg.forms().containsKey(startForm)) {
            errors.add(new FieldError("template.json#/startForm",
                    Text.of("lint.meta.startForm", startForm, list(pkg.forms().keySet())), "metadata"));
        }
    }

    private static void checkModel(TemplatePackage pkg, BpmnModel model, Set<String> departments,
            List<FieldError> errors) {
        if (model.getProcesses().size() != 1) {
            errors.add(new FieldError("process.bpmn", Text.of("lint.process.count", model.getProcesses().size()),
                    "one-process"));
            return;
        }
        org.flowable.bpmn.model.Process process = model.getMainProcess();
        if (!process.isExecutable()) {
            errors.add(new FieldError(process.getId(), Text.of("lint.process.executable", Labels.of(process)),
                    "executable"));
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
                        errors.add(new FieldError(start.getId(), Text.of("lint.start.event", Labels.of(start)),
                                "start-event"));
                    }
                    if (start.getFormKey() != null) {
                        errors.add(new FieldError(start.getId(), Text.of("lint.start.form", Labels.of(start)),
                                "start-event"));
                    }
                }
                case EndEvent end -> {
                    ends.add(end);
                    if (!end.getEventDefinitions().isEmpty()) {
                        errors.add(new FieldError(end.getId(), Text.of("lint.end.event", Labels.of(end)), "end-event"));
                    }
                    String status = end.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TICKET_STATUS);
                    if (status != null && !TicketStatus.FOR_ENDS.contains(status)) {
                        errors.add(new FieldError(end.getId(), Text.of("lint.ticketStatus", Labels.of(end), status,
                                list(TicketStatus.FOR_ENDS)), "ticket-status"));
                    }
                }
                case UserTask task -> checkUserTask(task, pkg, departments, errors);
                case ServiceTask task -> {
                    if (task.getImplementation() == null || task.getImplementationType() == null
                            || !"delegateExpression".equals(task.getImplementationType())) {
                        errors.add(new FieldError(task.getId(), Text.of("lint.service.what", Labels.of(task),
                                ServiceTaskRules.catalogueNames()), "service-task-catalogue"));
                    } else {
                        ServiceTaskRules.check(task, departments, errors);
                    }
                }
                case ExclusiveGateway gateway -> checkExclusive(process, gateway, graph, pkg, allFields, errors);
                case ParallelGateway gateway -> {
                    for (SequenceFlow flow : gateway.getOutgoingFlows()) {
                        if (flow.getConditionExpression() != null) {
                            errors.add(new FieldError(flow.getId(), Text.of("lint.parallel.condition", Labels.of(flow),
                                    Labels.inSentence(gateway)), "gateway-condition"));
                        }
                    }
                }
                case BoundaryEvent boundary -> checkTimer(boundary, boundary.getEventDefinitions(), errors);
                case IntermediateCatchEvent catchEvent -> checkTimer(catchEvent, catchEvent.getEventDefinitions(),
                        errors);
                case SequenceFlow flow -> {
                    if (flow.getConditionExpression() != null && !(process.getFlowElement(flow.getSourceRef())
                            instanceof ExclusiveGateway)) {
                        errors.add(new FieldError(flow.getId(), Text.of("lint.flow.conditionNoGateway", Labels.of(flow)),
                                "gateway-condition"));
                    }
                }
                default -> {
                }
            }
        }
        if (starts.size() != 1) {
            errors.add(new FieldError(process.getId(), Text.of("lint.process.starts", Labels.of(process), starts.size()),
                    "start-event"));
        }
        if (ends.isEmpty()) {
            errors.add(new FieldError(process.getId(), Text.of("lint.process.noEnd", Labels.of(process)), "end-event"));
        }
        if (starts.size() == 1 && !ends.isEmpty()) {
            checkReachability(process, starts.get(0), graph, errors);
        }
    }

    private static void checkUserTask(UserTask task, TemplatePackage pkg, Set<String> departments,
            List<FieldError> errors) {
        Text subject = Labels.of(task);
        String formKey = task.getFormKey();
        if (formKey == null || formKey.isBlank()) {
            errors.add(new FieldError(task.getId(), Text.of("lint.userTask.noForm", subject), "user-task-form"));
        } else if (!pkg.forms().containsKey(formKey)) {
            errors.add(new FieldError(task.getId(), Text.of("lint.userTask.unknownForm", subject, formKey,
                    list(pkg.forms().keySet())), "unknown-form"));
        }
        List<String> groups = task.getCandidateGroups();
        if (groups == null || groups.isEmpty()) {
            errors.add(new FieldError(task.getId(), Text.of("lint.userTask.noGroup", subject), "user-task-group"));
        } else {
            for (String group : groups) {
                if (!departments.contains(group)) {
                    errors.add(new FieldError(task.getId(), Text.of("lint.department.unknown", subject, group,
                            list(departments)), "unknown-department"));
                }
            }
        }
        if (task.getAssignee() != null || !task.getCandidateUsers().isEmpty()) {
            errors.add(new FieldError(task.getId(), Text.of("lint.userTask.person", subject), "attribute-not-allowed"));
        }
        String status = task.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TICKET_STATUS);
        if (status != null && !TicketStatus.FOR_TASKS.contains(status)) {
            errors.add(new FieldError(task.getId(), Text.of("lint.ticketStatus", subject, status,
                    list(TicketStatus.FOR_TASKS)), "ticket-status"));
        }
        if (!task.getTaskListeners().isEmpty() || !task.getExecutionListeners().isEmpty()) {
            errors.add(new FieldError(task.getId(), Text.of("lint.listeners", subject), "element-not-allowed"));
        }
        RoutingRules.check(task, errors);
    }

    private static void checkExclusive(org.flowable.bpmn.model.Process process, ExclusiveGateway gateway,
            FlowGraph graph, TemplatePackage pkg, Map<String, List<ConditionRules.FieldDef>> allFields,
            List<FieldError> errors) {
        Text subject = Labels.of(gateway);
        Text inSentence = Labels.inSentence(gateway);
        List<SequenceFlow> outgoing = gateway.getOutgoingFlows();
        if (outgoing.isEmpty()) {
            errors.add(new FieldError(gateway.getId(), Text.of("lint.gateway.noOutgoing", subject), "dead-end"));
            return;
        }
        Map<String, List<ConditionRules.FieldDef>> before = ConditionRules.fields(pkg.forms(),
                ConditionRules.formsBefore(process, graph, gateway.getId(), startForm(pkg)));
        String defaultFlow = gateway.getDefaultFlow();
        boolean hasDefault = defaultFlow != null && !defaultFlow.isBlank();
        if (outgoing.size() > 1 && !hasDefault) {
            String field = ConditionRules.uncovered(outgoing, before);
            if (field != null) {
                errors.add(new FieldError(gateway.getId(), field.isEmpty()
                        ? Text.of("lint.gateway.noDefault", subject)
                        : Text.of("lint.gateway.noDefaultCover", subject, ConditionRules.fieldLabel(field, before)),
                        "gateway-default"));
            }
        }
        for (SequenceFlow flow : outgoing) {
            boolean isDefault = flow.getId().equals(defaultFlow);
            String condition = flow.getConditionExpression();
            if (!isDefault && outgoing.size() > 1 && (condition == null || condition.isBlank())) {
                errors.add(new FieldError(flow.getId(), Text.of("lint.flow.noCondition", Labels.of(flow), inSentence),
                        "gateway-condition"));
            }
            if (isDefault && condition != null && !condition.isBlank()) {
                errors.add(new FieldError(flow.getId(), Text.of("lint.flow.defaultWithCondition", Labels.of(flow),
                        inSentence), "gateway-condition"));
            }
            ConditionRules.checkCondition(gateway, flow, allFields, before, errors);
        }
    }

    private static String startForm(TemplatePackage pkg) {
        return pkg.metadata() == null ? null : pkg.metadata().path("startForm").asText(null);
    }

    private static void checkTimer(FlowElement event, List<EventDefinition> definitions, List<FieldError> errors) {
        if (definitions.size() != 1 || !(definitions.get(0) instanceof TimerEventDefinition)) {
            errors.add(new FieldError(event.getId(), Text.of("lint.timer.kind", Labels.of(event)), "timer-definition"));
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
                errors.add(new FieldError(node.getId(), Text.of("lint.unreachableElement", Labels.of(node)), "unreachable"));
            } else if (!reachesEnd.contains(node.getId())) {
                errors.add(new FieldError(node.getId(), Text.of("lint.deadEnd", Labels.of(node)), "dead-end"));
            }
        }
    }

    /** A sorted, comma-separated list of keys for a message. */
    static String list(java.util.Collection<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
