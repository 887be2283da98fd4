package io.flowdesk.templates.internal;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Text;
import io.flowdesk.workflow.ExpressionRules;
import io.flowdesk.workflow.FlowDeskBpmn;
import io.flowdesk.workflow.ServiceTaskCatalogue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The publish gate's first pass over the raw BPMN XML: every element and attribute against the allow-lists,
 * expressions only in conditions, timers as ISO-8601 literals. Elements without an id are reported on the
 * nearest element that has one (event definitions on their event).
 */
final class BpmnScan {

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
            "userTask", Set.of(FlowDeskBpmn.NAME_EN, FlowDeskBpmn.TICKET_STATUS, FlowDeskBpmn.ASSIGNMENT,
                    FlowDeskBpmn.SKILLS, FlowDeskBpmn.TARGET_MINUTES),
            "endEvent", Set.of(FlowDeskBpmn.NAME_EN, FlowDeskBpmn.TICKET_STATUS),
            "startEvent", Set.of(FlowDeskBpmn.NAME_EN),
            "serviceTask", Set.of(FlowDeskBpmn.NAME_EN),
            "exclusiveGateway", Set.of(FlowDeskBpmn.NAME_EN),
            "parallelGateway", Set.of(FlowDeskBpmn.NAME_EN),
            "sequenceFlow", Set.of(FlowDeskBpmn.NAME_EN),
            "boundaryEvent", Set.of(FlowDeskBpmn.NAME_EN),
            "intermediateCatchEvent", Set.of(FlowDeskBpmn.NAME_EN));
    /** Why an element is missing from the allow-list, and what to use instead. */
    private static final Set<String> INSTEAD = Set.of("scriptTask", "inclusiveGateway", "subProcess", "callActivity",
            "messageEventDefinition", "signalEventDefinition");

    /** The element messages name for an open element: its pointer, local name and label (name, else id). */
    private record Owner(String where, String local, String label) {

        Text subject() {
            return Labels.of(local, Text.literal(label));
        }

        Text inSentence() {
            return Labels.inSentence(local, Text.literal(label));
        }
    }

    private BpmnScan() {
    }

    /** Walks every element and attribute against the allow-lists. Returns false when the XML is unreadable. */
    static boolean scan(String xml, List<FieldError> errors) {
        Deque<Owner> owners = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        try {
            XMLStreamReader reader = secureReader(xml);
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    errors.add(new FieldError("process.bpmn", Text.of("lint.bpmn.doctype"), "no-doctype"));
                    return false;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = reader.getLocalName();
                    String id = reader.getAttributeValue(null, "id");
                    String name = reader.getAttributeValue(null, "name");
                    Owner parent = owners.peek();
                    // an event definition is part of its event: report on the event the analyst can see
                    boolean definition = parent != null && local.endsWith("EventDefinition");
                    boolean own = id != null && !definition;
                    Owner self = own ? new Owner(id, local, name != null && !name.isBlank() ? name : id)
                            : parent != null ? parent : new Owner(local, local, local);
                    String where = own || definition ? self.where() : parent == null ? local
                            : parent.where() + "/" + local;
                    checkElement(reader.getNamespaceURI(), local, names.peek(), where, own, self, reader, errors);
                    owners.push(self);
                    names.push(local);
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    checkText(names.pop(), owners.pop(), text.toString(), errors);
                    text.setLength(0);
                }
            }
            return true;
        } catch (XMLStreamException e) {
            errors.add(new FieldError("process.bpmn", Text.of("lint.bpmn.notXml", e.getMessage()), "parse-error"));
            return false;
        }
    }

    private static void checkElement(String ns, String local, String parent, String where, boolean own, Owner self,
            XMLStreamReader reader, List<FieldError> errors) {
        boolean di = ns != null && DI_NAMESPACES.contains(ns);
        Text subject = self.subject();
        if (BPMN.equals(ns)) {
            if (!ELEMENTS.contains(local)) {
                Text instead = Text.of(INSTEAD.contains(local) ? "lint.instead." + local : "lint.instead.remove");
                errors.add(new FieldError(where, own ? Text.of("lint.scan.element", subject, instead)
                        : Text.of("lint.scan.contains", subject, Labels.kindInSentence(local), instead),
                        "element-not-allowed"));
            }
            if (local.equals("extensionElements") && !"serviceTask".equals(parent)) {
                errors.add(new FieldError(where, Text.of("lint.scan.extensions", subject), "element-not-allowed"));
            }
        } else if (FlowDeskBpmn.FLOWABLE_NS.equals(ns)) {
            if (!(local.equals("field") && "extensionElements".equals(parent))
                    && !(local.equals("string") && "field".equals(parent))) {
                errors.add(new FieldError(where, Text.of("lint.scan.flowable", subject, "<flowable:" + local + ">"),
                        "element-not-allowed"));
            }
        } else if (!di) {
            errors.add(new FieldError(where, Text.of("lint.scan.foreign", subject, "<" + local + ">", ns),
                    "element-not-allowed"));
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            checkAttribute(ns, local, where, subject, di, reader.getAttributeNamespace(i),
                    reader.getAttributeLocalName(i), reader.getAttributeValue(i), errors);
        }
    }

    private static void checkAttribute(String ns, String local, String where, Text subject, boolean di,
            String attrNs, String attr, String value, List<FieldError> errors) {
        String element = "<" + local + ">";
        if (attrNs == null || attrNs.isEmpty()) {
            boolean fieldParameter = FlowDeskBpmn.FLOWABLE_NS.equals(ns) && local.equals("field")
                    && attr.equals("stringValue");
            if (!di && !fieldParameter && !PLAIN_ATTRIBUTES.contains(attr)) {
                errors.add(new FieldError(where, Text.of("lint.scan.attribute", subject, attr, element),
                        "attribute-not-allowed"));
            }
        } else if (XSI.equals(attrNs)) {
            if (!attr.equals("type")) {
                errors.add(new FieldError(where, Text.of("lint.scan.attribute", subject, "xsi:" + attr, element),
                        "attribute-not-allowed"));
            }
        } else if (FlowDeskBpmn.FLOWABLE_NS.equals(attrNs)) {
            if (!FLOWABLE_ATTRIBUTES.getOrDefault(local, Set.of()).contains(attr)) {
                errors.add(new FieldError(where, Set.of("class", "expression", "delegateExpression", "type").contains(attr)
                        ? Text.of("lint.scan.flowableCode", subject, "flowable:" + attr, element)
                        : Text.of("lint.scan.attribute", subject, "flowable:" + attr, element),
                        "attribute-not-allowed"));
                return;
            }
            if (attr.equals("delegateExpression")) {
                String bean = value.startsWith("${") && value.endsWith("}") ? value.substring(2, value.length() - 1)
                        : "";
                if (!ServiceTaskCatalogue.IDS.contains(bean)) {
                    errors.add(new FieldError(where, Text.of("lint.scan.notCatalogue", subject, value,
                            ServiceTaskRules.catalogueNames()), "service-task-catalogue"));
                }
                return;
            }
        } else if (FlowDeskBpmn.NS.equals(attrNs)) {
            if (!FLOWDESK_ATTRIBUTES.getOrDefault(local, Set.of()).contains(attr)) {
                errors.add(new FieldError(where, Text.of("lint.scan.attribute", subject, "flowdesk:" + attr, element),
                        "attribute-not-allowed"));
            }
        } else if (!di && !COSMETIC_NAMESPACES.contains(attrNs)) {
            errors.add(new FieldError(where, Text.of("lint.scan.foreignAttribute", subject, attr, element, attrNs),
                    "attribute-not-allowed"));
        }
        if (ExpressionRules.containsExpression(value)) {
            errors.add(new FieldError(where, Text.of("lint.scan.expression", subject, attr), "expression-not-allowed"));
        }
    }

    private static void checkText(String local, Owner owner, String text, List<FieldError> errors) {
        String where = owner.where();
        if (local.equals("conditionExpression")) {
            Text problem = ExpressionRules.conditionProblem(text);
            if (problem != null) {
                errors.add(new FieldError(where, Text.of("lint.scan.unsafeCondition", text.trim(), owner.inSentence(),
                        problem), "unsafe-expression"));
            }
        } else if (ExpressionRules.containsExpression(text)) {
            errors.add(new FieldError(where, Text.of("lint.scan.expression", owner.subject(), "<" + local + ">"),
                    "expression-not-allowed"));
        }
        if (Set.of("timeDuration", "timeDate", "timeCycle").contains(local) && !validTimer(local, text.trim())) {
            errors.add(new FieldError(where, Text.of("lint.scan.timer", owner.inSentence(), text.trim()),
                    "timer-definition"));
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

    static XMLStreamReader secureReader(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory.createXMLStreamReader(new StringReader(xml));
    }
}
