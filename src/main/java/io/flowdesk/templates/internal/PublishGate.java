package io.flowdesk.templates.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormProfile;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.TemplatePackage;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.workflow.ExpressionRules;
import io.flowdesk.workflow.FlowDeskBpmn;
import io.flowdesk.workflow.ServiceTaskCatalogue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final Set<String> DI_NAMESPACES = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
    static final Set<String> COSMETIC_NAMESPACES = Set.of("http://www.omg.org/spec/BPMN/non-normative/color/1.0",
            "http://bpmn.io/schema/bpmn/biocolor/1.0");

    static final Set<String> ELEMENTS = Set.of("definitions", "process", "documentation", "startEvent", "endEvent",
            "userTask", "serviceTask", "exclusiveGateway", "parallelGateway", "sequenceFlow", "conditionExpression",
            "incoming", "outgoing", "boundaryEvent", "intermediateCatchEvent", "timerEventDefinition", "timeDuration",
            "timeDate", "timeCycle", "extensionElements", "textAnnotation", "text", "association");
    static final Set<String> PLAIN_ATTRIBUTES = Set.of("id", "name", "isExecutable", "sourceRef", "targetRef",
            "default", "attachedToRef", "cancelActivity", "targetNamespace", "exporter", "exporterVersion",
            "expressionLanguage", "typeLanguage", "gatewayDirection", "isInterrupting", "textFormat",
            "associationDirection", "isClosed", "processType");
    static final Map<String, Set<String>> FLOWABLE_ATTRIBUTES = Map.of(
            "userTask", Set.of("formKey", "candidateGroups"),
            "serviceTask", Set.of("delegateExpression"),
            "field", Set.of("name", "stringValue"));
    static final Map<String, Set<String>> FLOWDESK_ATTRIBUTES = Map.of(
            "process", Set.of(FlowDeskBpmn.NAME_EN),
            "userTask", Set.of(FlowDeskBpmn.NAME_EN, FlowDeskBpmn.TICKET_STATUS),
            "endEvent", Set.of(FlowDeskBpmn.NAME_EN, FlowDeskBpmn.TICKET_STATUS),
            "startEvent", Set.of(FlowDeskBpmn.NAME_EN),
            "serviceTask", Set.of(FlowDeskBpmn.NAME_EN),
            "exclusiveGateway", Set.of(FlowDeskBpmn.NAME_EN),
            "parallelGateway", Set.of(FlowDeskBpmn.NAME_EN),
            "sequenceFlow", Set.of(FlowDeskBpmn.NAME_EN),
            "boundaryEvent", Set.of(FlowDeskBpmn.NAME_EN),
            "intermediateCatchEvent", Set.of(FlowDeskBpmn.NAME_EN));
    static final Set<String> BUILT_IN_VARIABLES = Set.of("ticketPriority", "ticketType", "ticketNumber", "ticketId",
            "true", "false", "null", "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty", "div", "mod",
            "instanceof");
    private static final Pattern IDENTIFIER = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|(\\.)?\\s*([A-Za-z_][A-Za-z0-9_]*)");
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
                        "Form keys are lower-case letters, digits and '-'", "form-key"));
            }
            int bytes = Json.write(form.getValue()).getBytes(StandardCharsets.UTF_8).length;
            for (FieldError e : FormProfile.check(form.getValue(), bytes)) {
                errors.add(new FieldError("forms/" + form.getKey() + ".json#" + e.pointer(), e.message(),
                        "form-profile:" + e.rule()));
            }
        }
        String xml = pkg.bpmnXml();
        if (xml == null || xml.isBlank()) {
            errors.add(new FieldError("process.bpmn", "The template has no BPMN", "bpmn-missing"));
            return errors;
        }
        if (xml.getBytes(StandardCharsets.UTF_8).length > MAX_BPMN_BYTES) {
            errors.add(new FieldError("process.bpmn", "BPMN is larger than " + MAX_BPMN_BYTES + " bytes", "size"));
            return errors;
        }
        String upper = xml.toUpperCase(Locale.ROOT);
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            errors.add(new FieldError("process.bpmn", "DOCTYPE and entity declarations are not allowed", "no-doctype"));
            return errors;
        }
        List<String> conditionTexts = new ArrayList<>();
        if (!scanXml(xml, errors)) {
            return errors;
        }
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(secureReader(xml));
        } catch (RuntimeException | XMLStreamException e) {
            errors.add(new FieldError("process.bpmn", "The BPMN cannot be read: " + rootMessage(e), "parse-error"));
            return errors;
        }
        checkModel(pkg, model, departments, errors, conditionTexts);
        return errors;
    }

    private static void checkMetadata(TemplatePackage pkg, List<FieldError> errors) {
        JsonNode meta = pkg.metadata();
        if (meta == null || !meta.isObject()) {
            errors.add(new FieldError("template.json", "template.json is missing or not a JSON object", "metadata"));
            return;
        }
        if (!KEY.matcher(meta.path("key").asText("")).matches()) {
            errors.add(new FieldError("template.json#/key",
                    "key must be 2-64 lower-case letters, digits or '-', starting with a letter", "metadata"));
        }
        for (String language : FormProfile.LANGUAGES) {
            if (meta.path("name").path(language).asText("").isBlank()) {
                errors.add(new FieldError("template.json#/name/" + language, "Name in " + language + " is required",
                        "metadata"));
            }
        }
        if (meta.path("ticketType").asText("").isBlank()) {
            errors.add(new FieldError("template.json#/ticketType", "ticketType is required", "metadata"));
        }
        String startForm = meta.path("startForm").asText("");
        if (startForm.isBlank() || !pkg.forms().containsKey(startForm)) {
            errors.add(new FieldError("template.json#/startForm",
                    "startForm must name a form in forms/ (got '" + startForm + "')", "metadata"));
        }
    }

    /** Walks every element and attribute against the allow-lists. Returns false when the XML is unreadable. */
    private static boolean scanXml(String xml, List<FieldError> errors) {
        Deque<String> ids = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        try {
            XMLStreamReader reader = secureReader(xml);
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    errors.add(new FieldError("process.bpmn", "DOCTYPE and entities are not allowed", "no-doctype"));
                    return false;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = reader.getNamespaceURI();
                    String local = reader.getLocalName();
                    String id = reader.getAttributeValue(null, "id");
                    String where = id != null ? id : (ids.isEmpty() ? local : ids.peek() + "/" + local);
                    String parent = names.peek();
                    checkElement(ns, local, parent, where, reader, errors);
                    ids.push(id != null ? id : (ids.isEmpty() ? local : ids.peek()));
                    names.push(local);
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = names.pop();
                    String where = ids.pop();
                    checkText(local, where, text.toString(), errors);
                    text.setLength(0);
                }
            }
            return true;
        } catch (XMLStreamException e) {
            errors.add(new FieldError("process.bpmn", "The BPMN is not well-formed XML: " + e.getMessage(), "parse-error"));
            return false;
        }
    }

    private static void checkElement(String ns, String local, String parent, String where, XMLStreamReader reader,
            List<FieldError> errors) {
        boolean di = ns != null && DI_NAMESPACES.contains(ns);
        if (BPMN.equals(ns)) {
            if (!ELEMENTS.contains(local)) {
                errors.add(new FieldError(where, "<" + local + "> is not allowed in FlowDesk templates"
                        + (local.equals("scriptTask") ? " (script tasks can run arbitrary code)" : ""),
                        "element-not-allowed"));
            }
            if (local.equals("extensionElements") && !"serviceTask".equals(parent)) {
                errors.add(new FieldError(where, "extensionElements are only allowed on catalogue service tasks",
                        "element-not-allowed"));
            }
        } else if (FlowDeskBpmn.FLOWABLE_NS.equals(ns)) {
            if (!(local.equals("field") && "extensionElements".equals(parent))
                    && !(local.equals("string") && "field".equals(parent))) {
                errors.add(new FieldError(where, "<flowable:" + local + "> is not allowed (listeners, scripts and"
                        + " other engine extensions cannot be published)", "element-not-allowed"));
            }
        } else if (!di) {
            errors.add(new FieldError(where, "Element <" + local + "> from namespace " + ns + " is not allowed",
                    "element-not-allowed"));
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attrNs = reader.getAttributeNamespace(i);
            String attr = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            if (attrNs == null || attrNs.isEmpty()) {
                boolean fieldParameter = FlowDeskBpmn.FLOWABLE_NS.equals(ns) && local.equals("field")
                        && attr.equals("stringValue");
                if (!di && !fieldParameter && !PLAIN_ATTRIBUTES.contains(attr)) {
                    errors.add(new FieldError(where, "Attribute '" + attr + "' is not allowed on <" + local + ">",
                            "attribute-not-allowed"));
                }
            } else if (XSI.equals(attrNs)) {
                if (!attr.equals("type")) {
                    errors.add(new FieldError(where, "Attribute xsi:" + attr + " is not allowed", "attribute-not-allowed"));
                }
            } else if (FlowDeskBpmn.FLOWABLE_NS.equals(attrNs)) {
                if (!FLOWABLE_ATTRIBUTES.getOrDefault(local, Set.of()).contains(attr)) {
                    errors.add(new FieldError(where, "flowable:" + attr + " is not allowed on <" + local + ">"
                            + (Set.of("class", "expression", "delegateExpression", "type").contains(attr)
                                    ? " (only FlowDesk's service-task catalogue may run code)" : ""),
                            "attribute-not-allowed"));
                    continue;
                }
                if (attr.equals("delegateExpression")) {
                    String bean = value.startsWith("${") && value.endsWith("}") ? value.substring(2, value.length() - 1)
                            : "";
                    if (!ServiceTaskCatalogue.IDS.contains(bean)) {
                        errors.add(new FieldError(where, "Service task '" + value + "' is not in FlowDesk's catalogue "
                                + ServiceTaskCatalogue.IDS, "service-task-catalogue"));
                    }
                    continue;
                }
            } else if (FlowDeskBpmn.NS.equals(attrNs)) {
                if (!FLOWDESK_ATTRIBUTES.getOrDefault(local, Set.of()).contains(attr)) {
                    errors.add(new FieldError(where, "flowdesk:" + attr + " is not known on <" + local + ">",
                            "attribute-not-allowed"));
                }
            } else if (!di && !COSMETIC_NAMESPACES.contains(attrNs)) {
                errors.add(new FieldError(where, "Attribute " + attr + " from namespace " + attrNs
                        + " is not allowed on <" + local + ">", "attribute-not-allowed"));
            }
            if (ExpressionRules.containsExpression(value)) {
                errors.add(new FieldError(where, "Expressions are not allowed in attribute '" + attr
                        + "'; only gateway conditions may contain ${...}", "expression-not-allowed"));
            }
        }
    }

    private static void checkText(String local, String where, String text, List<FieldError> errors) {
        if (local.equals("conditionExpression")) {
            String problem = ExpressionRules.checkCondition(text);
            if (problem != null) {
                errors.add(new FieldError(where, "Condition '" + text.trim() + "': " + problem, "unsafe-expression"));
            }
        } else if (ExpressionRules.containsExpression(text)) {
            errors.add(new FieldError(where, "Expressions are not allowed in <" + local
                    + ">; only gateway conditions may contain ${...}", "expression-not-allowed"));
        }
        if (Set.of("timeDuration", "timeDate", "timeCycle").contains(local) && !validTimer(local, text.trim())) {
            errors.add(new FieldError(where, "Timer <" + local + "> must be an ISO-8601 literal (e.g. PT4H, P7D), got '"
                    + text.trim() + "'", "timer-definition"));
        }
    }

    private static boolean validTimer(String kind, String text) {
        return switch (kind) {
            case "timeDuration" -> parseDuration(text);
            case "timeDate" -> {
                try {
                    OffsetDateTime.parse(text);
                    yield true;
                } catch (RuntimeException e) {
                    yield false;
                }
            }
            default -> text.matches("R\\d*/P[0-9YMWDTHS.]+");
        };
    }

    private static boolean parseDuration(String text) {
        return text.matches("P(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?")
                && !text.equals("P") && !text.endsWith("T");
    }

    private static void checkModel(TemplatePackage pkg, BpmnModel model, Set<String> departments,
            List<FieldError> errors, List<String> conditionTexts) {
        if (model.getProcesses().size() != 1) {
            errors.add(new FieldError("process.bpmn", "A template has exactly one <process> (found "
                    + model.getProcesses().size() + ")", "one-process"));
            return;
        }
        org.flowable.bpmn.model.Process process = model.getMainProcess();
        if (!process.isExecutable()) {
            errors.add(new FieldError(process.getId(), "The process must be isExecutable=\"true\"", "executable"));
        }
        Set<String> formFields = new HashSet<>();
        pkg.forms().values().forEach(schema -> schema.path("properties").fieldNames().forEachRemaining(formFields::add));

        List<StartEvent> starts = new ArrayList<>();
        List<EndEvent> ends = new ArrayList<>();
        for (FlowElement element : process.getFlowElements()) {
            switch (element) {
                case StartEvent start -> {
                    starts.add(start);
                    if (!start.getEventDefinitions().isEmpty()) {
                        errors.add(new FieldError(start.getId(), "Start events must be plain (no timer or message)",
                                "start-event"));
                    }
                    if (start.getFormKey() != null) {
                        errors.add(new FieldError(start.getId(), "The start form is set in template.json (startForm),"
                                + " not on the start event", "start-event"));
                    }
                }
                case EndEvent end -> {
                    ends.add(end);
                    if (!end.getEventDefinitions().isEmpty()) {
                        errors.add(new FieldError(end.getId(), "Only plain end events are supported", "end-event"));
                    }
                    String status = end.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TICKET_STATUS);
                    if (status != null && !TicketStatus.FOR_ENDS.contains(status)) {
                        errors.add(new FieldError(end.getId(), "ticketStatus of an end event must be one of "
                                + TicketStatus.FOR_ENDS, "ticket-status"));
                    }
                }
                case UserTask task -> checkUserTask(task, pkg, departments, errors);
                case ServiceTask task -> {
                    if (task.getImplementation() == null || task.getImplementationType() == null
                            || !"delegateExpression".equals(task.getImplementationType())) {
                        errors.add(new FieldError(task.getId(), "A service task must name a catalogue entry "
                                + ServiceTaskCatalogue.IDS, "service-task-catalogue"));
                    }
                }
                case ExclusiveGateway gateway -> checkExclusive(gateway, formFields, errors);
                case ParallelGateway gateway -> {
                    for (SequenceFlow flow : gateway.getOutgoingFlows()) {
                        if (flow.getConditionExpression() != null) {
                            errors.add(new FieldError(flow.getId(), "Flows leaving a parallel gateway cannot have"
                                    + " conditions", "gateway-condition"));
                        }
                    }
                }
                case BoundaryEvent boundary -> checkTimer(boundary.getId(), boundary.getEventDefinitions(), errors);
                case IntermediateCatchEvent catchEvent -> checkTimer(catchEvent.getId(),
                        catchEvent.getEventDefinitions(), errors);
                case SequenceFlow flow -> {
                    if (flow.getConditionExpression() != null && !(process.getFlowElement(flow.getSourceRef())
                            instanceof ExclusiveGateway)) {
                        errors.add(new FieldError(flow.getId(), "Only flows leaving an exclusive gateway may have a"
                                + " condition", "gateway-condition"));
                    }
                }
                default -> {
                }
            }
        }
        if (starts.size() != 1) {
            errors.add(new FieldError(process.getId(), "A template needs exactly one start event (found "
                    + starts.size() + ")", "start-event"));
        }
        if (ends.isEmpty()) {
            errors.add(new FieldError(process.getId(), "A template needs at least one end event", "end-event"));
        }
        if (starts.size() == 1 && !ends.isEmpty()) {
            checkReachability(process, starts.get(0), errors);
        }
    }

    private static void checkUserTask(UserTask task, TemplatePackage pkg, Set<String> departments,
            List<FieldError> errors) {
        String formKey = task.getFormKey();
        if (formKey == null || formKey.isBlank()) {
            errors.add(new FieldError(task.getId(), "User task '" + label(task) + "' has no form (flowable:formKey)",
                    "user-task-form"));
        } else if (!pkg.forms().containsKey(formKey)) {
            errors.add(new FieldError(task.getId(), "User task '" + label(task) + "' uses form '" + formKey
                    + "' which is not in forms/", "unknown-form"));
        }
        List<String> groups = task.getCandidateGroups();
        if (groups == null || groups.isEmpty()) {
            errors.add(new FieldError(task.getId(), "User task '" + label(task)
                    + "' has no department (flowable:candidateGroups)", "user-task-group"));
        } else {
            for (String group : groups) {
                if (!departments.contains(group)) {
                    errors.add(new FieldError(task.getId(), "User task '" + label(task) + "' names department '"
                            + group + "' which does not exist", "unknown-department"));
                }
            }
        }
        if (task.getAssignee() != null || !task.getCandidateUsers().isEmpty()) {
            errors.add(new FieldError(task.getId(), "Assignees are set by FlowDesk's routing, not in the BPMN",
                    "attribute-not-allowed"));
        }
        String status = task.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TICKET_STATUS);
        if (status != null && !TicketStatus.FOR_TASKS.contains(status)) {
            errors.add(new FieldError(task.getId(), "ticketStatus of a user task must be one of "
                    + TicketStatus.FOR_TASKS, "ticket-status"));
        }
        if (!task.getTaskListeners().isEmpty() || !task.getExecutionListeners().isEmpty()) {
            errors.add(new FieldError(task.getId(), "Listeners are not allowed", "element-not-allowed"));
        }
    }

    private static void checkExclusive(ExclusiveGateway gateway, Set<String> formFields, List<FieldError> errors) {
        List<SequenceFlow> outgoing = gateway.getOutgoingFlows();
        if (outgoing.isEmpty()) {
            errors.add(new FieldError(gateway.getId(), "Exclusive gateway has no outgoing flow", "dead-end"));
            return;
        }
        String defaultFlow = gateway.getDefaultFlow();
        if (outgoing.size() > 1 && (defaultFlow == null || defaultFlow.isBlank())) {
            errors.add(new FieldError(gateway.getId(), "Exclusive gateway '" + label(gateway)
                    + "' needs a default flow so that every case leads somewhere", "gateway-default"));
        }
        for (SequenceFlow flow : outgoing) {
            boolean isDefault = flow.getId().equals(defaultFlow);
            String condition = flow.getConditionExpression();
            if (!isDefault && outgoing.size() > 1 && (condition == null || condition.isBlank())) {
                errors.add(new FieldError(flow.getId(), "Flow from gateway '" + label(gateway)
                        + "' needs a condition (or must be the default flow)", "gateway-condition"));
            }
            if (isDefault && condition != null && !condition.isBlank()) {
                errors.add(new FieldError(flow.getId(), "The default flow must not have a condition",
                        "gateway-condition"));
            }
            if (condition != null) {
                Matcher matcher = IDENTIFIER.matcher(condition.replace("${", " ").replace("}", " "));
                while (matcher.find()) {
                    String name = matcher.group(2);
                    if (name != null && matcher.group(1) == null && !BUILT_IN_VARIABLES.contains(name)
                            && !formFields.contains(name)) {
                        errors.add(new FieldError(flow.getId(), "Condition uses '" + name
                                + "' which is not a field of any form of this template", "unknown-field"));
                    }
                }
            }
        }
    }

    private static void checkTimer(String id, List<EventDefinition> definitions, List<FieldError> errors) {
        if (definitions.size() != 1 || !(definitions.get(0) instanceof TimerEventDefinition)) {
            errors.add(new FieldError(id, "Only timer events are supported here", "timer-definition"));
        }
    }

    private static void checkReachability(org.flowable.bpmn.model.Process process, StartEvent start,
            List<FieldError> errors) {
        Map<String, Set<String>> next = new HashMap<>();
        Map<String, Set<String>> previous = new HashMap<>();
        List<FlowNode> nodes = new ArrayList<>();
        for (FlowElement element : process.getFlowElements()) {
            if (element instanceof FlowNode node) {
                nodes.add(node);
            }
            if (element instanceof SequenceFlow flow) {
                next.computeIfAbsent(flow.getSourceRef(), k -> new LinkedHashSet<>()).add(flow.getTargetRef());
                previous.computeIfAbsent(flow.getTargetRef(), k -> new LinkedHashSet<>()).add(flow.getSourceRef());
            }
            if (element instanceof BoundaryEvent boundary && boundary.getAttachedToRefId() != null) {
                next.computeIfAbsent(boundary.getAttachedToRefId(), k -> new LinkedHashSet<>()).add(boundary.getId());
                previous.computeIfAbsent(boundary.getId(), k -> new LinkedHashSet<>()).add(boundary.getAttachedToRefId());
            }
        }
        Set<String> reachable = walk(Set.of(start.getId()), next);
        Set<String> endIds = new HashSet<>();
        nodes.stream().filter(n -> n instanceof EndEvent).forEach(n -> endIds.add(n.getId()));
        Set<String> reachesEnd = walk(endIds, previous);
        for (FlowNode node : nodes) {
            if (!reachable.contains(node.getId())) {
                errors.add(new FieldError(node.getId(), "'" + label(node) + "' cannot be reached from the start",
                        "unreachable"));
            } else if (!reachesEnd.contains(node.getId())) {
                errors.add(new FieldError(node.getId(), "'" + label(node) + "' never leads to an end event",
                        "dead-end"));
            }
        }
    }

    private static Set<String> walk(Set<String> from, Map<String, Set<String>> edges) {
        Set<String> seen = new HashSet<>(from);
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            for (String target : edges.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(target)) {
                    todo.push(target);
                }
            }
        }
        return seen;
    }

    private static String label(FlowElement element) {
        return element.getName() != null && !element.getName().isBlank() ? element.getName() : element.getId();
    }

    static XMLStreamReader secureReader(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory.createXMLStreamReader(new StringReader(xml));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
