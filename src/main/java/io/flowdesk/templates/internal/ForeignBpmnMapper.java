package io.flowdesk.templates.internal;

import io.flowdesk.templates.BpmnImport;
import io.flowdesk.workflow.ExpressionRules;
import io.flowdesk.workflow.FlowDeskBpmn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Rewrites BPMN from Camunda 7, Camunda 8 or Flowable modelers as FlowDesk BPMN. Diagram layout (BPMN DI) is
 * kept; tool metadata is dropped with a note; anything FlowDesk cannot run is reported once per element.
 */
public final class ForeignBpmnMapper {

    private static final Set<String> SUB_PROCESSES = Set.of("subProcess", "transaction", "adHocSubProcess");
    private static final Set<String> ROOT_DEFINITIONS = Set.of("message", "signal", "error", "escalation",
            "category", "itemDefinition");
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("scriptTask", "script tasks are not supported (they can run arbitrary code)"),
            Map.entry("businessRuleTask", "business rule tasks (DMN decisions) are not supported"),
            Map.entry("sendTask", "send tasks are not supported"),
            Map.entry("receiveTask", "receive tasks are not supported"),
            Map.entry("manualTask", "manual tasks are not supported; use a user task"),
            Map.entry("task", "untyped tasks are not supported; make it a user task"),
            Map.entry("callActivity", "call activities are not supported"),
            Map.entry("subProcess", "sub-processes are not supported"),
            Map.entry("transaction", "transactions are not supported"),
            Map.entry("adHocSubProcess", "ad-hoc sub-processes are not supported"),
            Map.entry("intermediateThrowEvent", "intermediate throw events are not supported"),
            Map.entry("inclusiveGateway", "inclusive gateways are not supported; use exclusive or parallel gateways"),
            Map.entry("eventBasedGateway", "event-based gateways are not supported"),
            Map.entry("complexGateway", "complex gateways are not supported"),
            Map.entry("laneSet", "lanes are not supported; remove the lanes (FlowDesk assigns work by department"
                    + " on each user task)"),
            Map.entry("multiInstanceLoopCharacteristics", "multi-instance is not supported"),
            Map.entry("standardLoopCharacteristics", "loops are not supported"));

    private final ImportReport report = new ImportReport();
    private final VendorMapping vendor = new VendorMapping(report);

    private ForeignBpmnMapper() {
    }

    /** See {@link BpmnImport#map(String)}. */
    public static BpmnImport.Result map(String xml) {
        return new ForeignBpmnMapper().run(xml);
    }

    private BpmnImport.Result run(String xml) {
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (SecureXml.Unreadable e) {
            report.fileError(e.getMessage(), e.doctype() ? "no-doctype" : "parse-error");
            return result(null);
        }
        Element root = doc.getDocumentElement();
        if (!BpmnScan.BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            report.fileError("The file is not BPMN 2.0: its root must be <definitions> in namespace "
                    + BpmnScan.BPMN, "parse-error");
            return result(null);
        }
        unwrapSinglePool(root);
        vendor.attributes(root);
        List<Element> processes = new ArrayList<>();
        for (Element child : SecureXml.children(root)) {
            String ns = child.getNamespaceURI();
            if (BpmnScan.DI_NAMESPACES.contains(ns)) {
                continue;
            }
            if (!BpmnScan.BPMN.equals(ns)) {
                report.problem(root, "<" + child.getTagName() + "> is not supported");
            } else if (child.getLocalName().equals("process")) {
                processes.add(child);
                child.setAttributeNS(null, "isExecutable", "true");
                visit(child);
            } else if (child.getLocalName().equals("collaboration")) {
                report.problem(child, "pools and message flows are not supported; remove the pools so that the"
                        + " diagram holds a single process");
            } else if (ROOT_DEFINITIONS.contains(child.getLocalName())) {
                report.dropped(child.getLocalName() + " definitions", root);
                SecureXml.remove(child);
            } else if (!child.getLocalName().equals("documentation") && !child.getLocalName().equals("extensionElements")) {
                report.problem(child, "<" + child.getLocalName() + "> is not supported");
            } else if (child.getLocalName().equals("extensionElements")) {
                vendor.extensions(child, root);
            }
        }
        if (processes.size() != 1) {
            report.fileError("A template has exactly one process (found " + processes.size() + ")", "one-process");
        }
        if (report.hasErrors()) {
            return result(null);
        }
        declareNamespaces(root);
        return result(SecureXml.write(doc));
    }

    private BpmnImport.Result result(String xml) {
        return new BpmnImport.Result(xml, report.errors(), report.notes());
    }

    private void visit(Element e) {
        String local = e.getLocalName();
        if (!BpmnScan.BPMN.equals(e.getNamespaceURI())) {
            report.problem(e, "<" + e.getTagName() + "> is not supported");
            return;
        }
        if (local.equals("extensionElements")) {
            vendor.extensions(e, (Element) e.getParentNode());
            return;
        }
        if (local.endsWith("EventDefinition")) {
            eventDefinition(e);
            return;
        }
        boolean supported = BpmnScan.ELEMENTS.contains(local);
        if (!supported) {
            report.problem(e, UNSUPPORTED.getOrDefault(local, "<" + local + "> is not supported"));
            if (SUB_PROCESSES.contains(local) || local.equals("laneSet")) {
                return;
            }
        }
        vendor.attributes(e);
        if (local.equals("conditionExpression")) {
            condition(e);
        } else if (Set.of("timeDuration", "timeDate", "timeCycle").contains(local)) {
            String text = e.getTextContent().trim();
            if (text.startsWith("=") || ExpressionRules.containsExpression(text)) {
                report.problem(e, "timer '" + text + "' must be an ISO-8601 literal such as PT4H, not an expression");
            }
        }
        for (Element child : SecureXml.children(e)) {
            boolean coveredByParent = !supported && BpmnScan.BPMN.equals(child.getNamespaceURI())
                    && !BpmnScan.ELEMENTS.contains(child.getLocalName());
            if (!coveredByParent) {
                visit(child);
            }
        }
    }

    private void eventDefinition(Element definition) {
        String kind = definition.getLocalName().replace("EventDefinition", "");
        Element event = (Element) definition.getParentNode();
        String eventType = event.getLocalName();
        if (!kind.equals("timer")) {
            report.problem(definition, kind.equals("terminate")
                    ? "terminate end events are not supported; use a plain end event"
                    : kind + " events are not supported");
        } else if (eventType.equals("startEvent") || eventType.equals("endEvent")) {
            report.problem(definition, "timer start events are not supported; FlowDesk starts a process per ticket");
        } else {
            vendor.attributes(definition);
            SecureXml.children(definition).forEach(this::visit);
        }
    }

    private void condition(Element expression) {
        String text = expression.getTextContent().trim();
        if (!expression.getAttribute("language").isEmpty()) {
            return;
        }
        String juel = text;
        if (text.startsWith("=")) {
            juel = FeelCondition.toJuel(text.substring(1));
            if (juel == null) {
                report.problem(expression, "FEEL condition '" + text + "' is not a simple comparison; rewrite it as"
                        + " ${...} (e.g. ${amount > 500 && approved})");
                return;
            }
            while (expression.getFirstChild() != null) {
                expression.removeChild(expression.getFirstChild());
            }
            expression.appendChild(expression.getOwnerDocument().createCDATASection(juel));
            report.note(ImportReport.label(ImportReport.owner(expression)) + ": FEEL condition '" + text + "' → "
                    + juel);
        }
        String problem = ExpressionRules.checkCondition(juel);
        if (problem != null) {
            report.problem(expression, "condition '" + text + "': " + problem);
        }
    }

    /** One pool around one process: drop the collaboration and the pool's shape, keep the process. */
    private void unwrapSinglePool(Element root) {
        List<Element> collaborations = SecureXml.children(root).stream()
                .filter(c -> BpmnScan.BPMN.equals(c.getNamespaceURI()) && c.getLocalName().equals("collaboration"))
                .toList();
        if (collaborations.size() != 1) {
            return;
        }
        Element collaboration = collaborations.get(0);
        List<Element> parts = SecureXml.children(collaboration);
        if (parts.size() != 1 || !parts.get(0).getLocalName().equals("participant")) {
            return;
        }
        Element participant = parts.get(0);
        Element process = SecureXml.children(root).stream()
                .filter(c -> c.getLocalName().equals("process")
                        && c.getAttribute("id").equals(participant.getAttribute("processRef")))
                .findFirst().orElse(null);
        if (process == null) {
            return;
        }
        String processId = process.getAttribute("id");
        if (process.getAttribute("name").isEmpty() && !participant.getAttribute("name").isEmpty()) {
            process.setAttributeNS(null, "name", participant.getAttribute("name"));
        }
        for (Element diagram : SecureXml.children(root)) {
            if (BpmnScan.DI_NAMESPACES.contains(diagram.getNamespaceURI())) {
                retargetDi(diagram, participant.getAttribute("id"), collaboration.getAttribute("id"), processId);
            }
        }
        SecureXml.remove(collaboration);
        report.note("Removed the pool '" + participant.getAttribute("id") + "' (" + participant.getAttribute("name")
                + ") and its collaboration; the process '" + processId + "' is kept");
    }

    private static void retargetDi(Element element, String participantId, String collaborationId, String processId) {
        String target = element.getAttribute("bpmnElement");
        if (target.equals(participantId)) {
            SecureXml.remove(element);
            return;
        }
        if (target.equals(collaborationId)) {
            element.setAttributeNS(null, "bpmnElement", processId);
        }
        for (Element child : SecureXml.children(element)) {
            retargetDi(child, participantId, collaborationId, processId);
        }
    }

    /** Declares flowable and flowdesk on the root; drops the Camunda, Zeebe and modeler declarations. */
    private static void declareNamespaces(Element root) {
        removeForeignDeclarations(root);
        String xmlns = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
        if (!root.hasAttributeNS(xmlns, "flowable")) {
            root.setAttributeNS(xmlns, "xmlns:flowable", FlowDeskBpmn.FLOWABLE_NS);
        }
        if (!root.hasAttributeNS(xmlns, "flowdesk")) {
            root.setAttributeNS(xmlns, "xmlns:flowdesk", FlowDeskBpmn.NS);
        }
    }

    private static void removeForeignDeclarations(Element element) {
        NamedNodeMap map = element.getAttributes();
        List<Attr> foreign = new ArrayList<>();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attr = (Attr) map.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())
                    && VendorMapping.FOREIGN_NAMESPACES.contains(attr.getValue())) {
                foreign.add(attr);
            }
        }
        foreign.forEach(element::removeAttributeNode);
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                removeForeignDeclarations(child);
            }
        }
    }
}
