package io.flowdesk.templates.internal;

import io.flowdesk.shared.Text;
import io.flowdesk.templates.BpmnImport;
import io.flowdesk.workflow.ExpressionRules;
import io.flowdesk.workflow.FlowDeskBpmn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Rewrites BPMN from Camunda 7, Camunda 8, Flowable or any BPMN 2.0 modeler as a FlowDesk draft. Diagram layout
 * (BPMN DI) is kept; tool metadata and layout-only parts (lanes, data objects, groups, other pools) are dropped
 * with a note; steps FlowDesk cannot run stay in the diagram without their code, so the publish gate names them
 * until they are replaced. Refuses only what is unsafe to store or is not BPMN.
 */
public final class ForeignBpmnMapper {

    /** Removed with a note: they only document or lay out the process. */
    private static final Set<String> LAYOUT_ONLY = Set.of("dataObject", "dataObjectReference", "dataStoreReference",
            "dataInputAssociation", "dataOutputAssociation", "property", "ioSpecification", "group", "category",
            "dataStore", "ioBinding");
    private static final Set<String> LOOPS = Set.of("multiInstanceLoopCharacteristics", "standardLoopCharacteristics");
    private static final Set<String> ROOT_DEFINITIONS = Set.of("message", "signal", "error", "escalation",
            "category", "itemDefinition", "dataStore", "interface", "resource", "operation", "correlationProperty",
            "globalTask", "partnerRole", "partnerEntity", "endPoint");
    /** Element kinds the notes name in the reader's language ({@code import.kind.*}). */
    static final Set<String> KINDS = Set.of("scriptTask", "sendTask", "receiveTask", "manualTask",
            "businessRuleTask", "task", "callActivity", "subProcess", "transaction", "adHocSubProcess",
            "inclusiveGateway", "eventBasedGateway", "complexGateway", "intermediateThrowEvent");

    private final ImportReport report = new ImportReport();
    private final VendorMapping vendor = new VendorMapping(report);

    private ForeignBpmnMapper() {
    }

    /** See {@link BpmnImport#map(String)}. */
    public static BpmnImport.Result map(String xml) {
        return new ForeignBpmnMapper().run(xml);
    }

    private BpmnImport.Result run(String xml) {
        if (xml != null && xml.getBytes(StandardCharsets.UTF_8).length > PublishGate.MAX_BPMN_BYTES) {
            report.refuse("size", "import.refused.size", PublishGate.MAX_BPMN_BYTES / 1024);
            return result(null);
        }
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (SecureXml.Unreadable e) {
            if (e.doctype()) {
                report.refuse("no-doctype", "import.refused.doctype");
            } else {
                report.refuse("parse-error", "import.refused.unreadable");
            }
            return result(null);
        }
        Element root = doc.getDocumentElement();
        if (!BpmnScan.BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            report.refuse("parse-error", "import.refused.notBpmn");
            return result(null);
        }
        keepOnePool(root);
        vendor.attributes(root);
        List<Element> processes = new ArrayList<>();
        for (Element child : SecureXml.children(root)) {
            String ns = child.getNamespaceURI();
            String local = child.getLocalName();
            if (BpmnScan.DI_NAMESPACES.contains(ns)) {
                continue;
            }
            if (!BpmnScan.BPMN.equals(ns)) {
                report.dropped("<" + child.getTagName() + ">", root);
                SecureXml.remove(child);
            } else if (local.equals("process")) {
                processes.add(child);
            } else if (local.equals("extensionElements")) {
                vendor.extensions(child, root);
            } else if (!local.equals("documentation")) {
                report.dropped(ROOT_DEFINITIONS.contains(local) ? local : "<" + local + ">", root);
                SecureXml.remove(child);
            }
        }
        if (processes.isEmpty()) {
            report.refuse("one-process", "import.refused.noProcess");
            return result(null);
        }
        Element main = processes.stream().filter(p -> "true".equals(p.getAttribute("isExecutable"))).findFirst()
                .orElse(processes.get(0));
        for (Element other : processes) {
            if (other != main) {
                report.note(other, "otherProcess");
                SecureXml.remove(other);
            }
        }
        main.setAttributeNS(null, "isExecutable", "true");
        visit(main);
        removeDangling(root);
        if (SecureXml.children(root).stream().noneMatch(c -> BpmnScan.DI_NAMESPACES.contains(c.getNamespaceURI()))) {
            report.note(null, "noDiagram");
        }
        declareNamespaces(root);
        return result(SecureXml.write(doc));
    }

    private BpmnImport.Result result(String xml) {
        return new BpmnImport.Result(xml, report.refusals(), xml == null ? List.of() : report.notes(),
                xml == null ? null : vendor.startForm());
    }

    private void visit(Element e) {
        String local = e.getLocalName();
        if (!BpmnScan.BPMN.equals(e.getNamespaceURI())) {
            report.dropped("<" + e.getTagName() + ">", (Element) e.getParentNode());
            SecureXml.remove(e);
            return;
        }
        if (local.equals("extensionElements")) {
            vendor.extensions(e, (Element) e.getParentNode());
            return;
        }
        if (local.equals("laneSet")) {
            lanes(e);
            return;
        }
        if (LAYOUT_ONLY.contains(local)) {
            report.note(e, "layoutOnly", kind(local));
            SecureXml.remove(e);
            return;
        }
        if (LOOPS.contains(local)) {
            report.note(e, "loop");
            SecureXml.remove(e);
            return;
        }
        if (local.equals("script")) {
            report.note(e, "code", "script");
            SecureXml.remove(e);
            return;
        }
        if (local.endsWith("EventDefinition")) {
            eventDefinition(e);
            return;
        }
        if (!BpmnScan.ELEMENTS.contains(local) && !e.getAttribute("id").isEmpty()) {
            // kept where it is, without its code: the publish gate names it until it is replaced
            report.note(e, "unsupported", kind(local));
        }
        vendor.attributes(e);
        if (local.equals("conditionExpression")) {
            condition(e);
        }
        for (Element child : SecureXml.children(e)) {
            visit(child);
        }
    }

    private static Text kind(String local) {
        return KINDS.contains(local) ? Text.of("import.kind." + local) : Text.literal(local);
    }

    private void lanes(Element laneSet) {
        for (Element lane : laneSet.getElementsByTagNameNS(BpmnScan.BPMN, "lane").getLength() == 0 ? List.<Element>of()
                : descendants(laneSet, "lane")) {
            int steps = 0;
            for (Element ref : SecureXml.children(lane)) {
                if (ref.getLocalName().equals("flowNodeRef")) {
                    steps++;
                }
            }
            report.note(lane, "lane", steps);
        }
        SecureXml.remove(laneSet);
    }

    private static List<Element> descendants(Element parent, String local) {
        List<Element> found = new ArrayList<>();
        for (Element child : SecureXml.children(parent)) {
            if (local.equals(child.getLocalName())) {
                found.add(child);
            }
            found.addAll(descendants(child, local));
        }
        return found;
    }

    private void eventDefinition(Element definition) {
        String kind = definition.getLocalName().replace("EventDefinition", "");
        Element event = (Element) definition.getParentNode();
        String eventType = event.getLocalName();
        if (eventType.equals("startEvent")) {
            report.note(event, "startTrigger", kind);
            SecureXml.remove(definition);
        } else if (kind.equals("terminate") && eventType.equals("endEvent")) {
            report.note(event, "terminate");
            SecureXml.remove(definition);
        } else if (kind.equals("timer")) {
            vendor.attributes(definition);
            SecureXml.children(definition).forEach(this::visit);
        } else {
            // the trigger's details (message, error, condition…) are gone; the event stays for the gate to name
            for (Element child : SecureXml.children(definition)) {
                SecureXml.remove(child);
            }
            vendor.attributes(definition);
            report.note(event, "event", kind);
        }
    }

    private void condition(Element expression) {
        String text = expression.getTextContent().trim();
        if (!text.startsWith("=")) {
            return;
        }
        String juel = FeelCondition.toJuel(text.substring(1));
        if (juel == null) {
            report.note(expression, "feelKept", text);
            return;
        }
        while (expression.getFirstChild() != null) {
            expression.removeChild(expression.getFirstChild());
        }
        expression.appendChild(expression.getOwnerDocument().createCDATASection(juel));
        String problem = ExpressionRules.checkCondition(juel);
        report.note(expression, problem == null ? "feel" : "feelKept", text, juel);
    }

    /**
     * A template is one process: of a collaboration keep the pool whose process is executable (else the first with
     * a process); drop the other pools, message flows and the pools' shapes with a note.
     */
    private void keepOnePool(Element root) {
        for (Element collaboration : SecureXml.children(root)) {
            if (!BpmnScan.BPMN.equals(collaboration.getNamespaceURI())
                    || !collaboration.getLocalName().equals("collaboration")) {
                continue;
            }
            Element keep = null;
            for (Element part : SecureXml.children(collaboration)) {
                if (part.getLocalName().equals("participant") && !part.getAttribute("processRef").isEmpty()) {
                    Element process = process(root, part.getAttribute("processRef"));
                    boolean executable = process != null && "true".equals(process.getAttribute("isExecutable"));
                    if (keep == null || executable && !"true".equals(process(root, keep.getAttribute("processRef"))
                            .getAttribute("isExecutable"))) {
                        keep = process == null ? keep : part;
                    }
                }
            }
            for (Element part : SecureXml.children(collaboration)) {
                if (part.getLocalName().equals("participant") && part != keep) {
                    report.note(part, "otherPool");
                } else if (part.getLocalName().equals("messageFlow")) {
                    report.note(part, "messageFlow");
                }
            }
            if (keep != null) {
                Element process = process(root, keep.getAttribute("processRef"));
                if (process.getAttribute("name").isEmpty() && !keep.getAttribute("name").isEmpty()) {
                    process.setAttributeNS(null, "name", keep.getAttribute("name"));
                }
                report.note(keep, "pool", process.getAttribute("id"));
                for (Element diagram : SecureXml.children(root)) {
                    if (BpmnScan.DI_NAMESPACES.contains(diagram.getNamespaceURI())) {
                        retargetDi(diagram, collaboration.getAttribute("id"), process.getAttribute("id"));
                    }
                }
                for (Element part : SecureXml.children(collaboration)) {
                    if (part.getLocalName().equals("participant") && part != keep
                            && !part.getAttribute("processRef").isEmpty()) {
                        Element other = process(root, part.getAttribute("processRef"));
                        if (other != null && other != process) {
                            SecureXml.remove(other);
                        }
                    }
                }
            }
            SecureXml.remove(collaboration);
        }
    }

    private static Element process(Element root, String id) {
        return SecureXml.children(root).stream().filter(c -> BpmnScan.BPMN.equals(c.getNamespaceURI())
                && c.getLocalName().equals("process") && c.getAttribute("id").equals(id)).findFirst().orElse(null);
    }

    private static void retargetDi(Element element, String collaborationId, String processId) {
        if (element.getAttribute("bpmnElement").equals(collaborationId)) {
            element.setAttributeNS(null, "bpmnElement", processId);
        }
        for (Element child : SecureXml.children(element)) {
            retargetDi(child, collaborationId, processId);
        }
    }

    /** Shapes and edges of removed elements, and associations and flow references to them, go too. */
    private static void removeDangling(Element root) {
        Set<String> ids = new HashSet<>();
        collectIds(root, ids);
        for (Element child : SecureXml.children(root)) {
            if (BpmnScan.DI_NAMESPACES.contains(child.getNamespaceURI())) {
                removeDanglingDi(child, ids);
            } else if (child.getLocalName().equals("process")) {
                removeDanglingRefs(child, ids);
            }
        }
    }

    private static void collectIds(Element element, Set<String> ids) {
        if (!BpmnScan.DI_NAMESPACES.contains(element.getNamespaceURI()) && !element.getAttribute("id").isEmpty()) {
            ids.add(element.getAttribute("id"));
        }
        SecureXml.children(element).forEach(c -> collectIds(c, ids));
    }

    private static void removeDanglingDi(Element element, Set<String> ids) {
        String target = element.getAttribute("bpmnElement");
        boolean plane = element.getLocalName().equals("BPMNPlane");
        if (!target.isEmpty() && !ids.contains(target) && !plane) {
            SecureXml.remove(element);
            return;
        }
        SecureXml.children(element).forEach(c -> removeDanglingDi(c, ids));
    }

    private static void removeDanglingRefs(Element process, Set<String> ids) {
        for (Element child : SecureXml.children(process)) {
            String local = child.getLocalName();
            if (local.equals("association") && (!ids.contains(child.getAttribute("sourceRef"))
                    || !ids.contains(child.getAttribute("targetRef")))) {
                SecureXml.remove(child);
                continue;
            }
            if (local.equals("sequenceFlow") && (!ids.contains(child.getAttribute("sourceRef"))
                    || !ids.contains(child.getAttribute("targetRef")))) {
                SecureXml.remove(child);
                continue;
            }
            for (Element ref : SecureXml.children(child)) {
                if ((ref.getLocalName().equals("incoming") || ref.getLocalName().equals("outgoing"))
                        && !ids.contains(ref.getTextContent().trim())) {
                    SecureXml.remove(ref);
                }
            }
            if (Set.of("subProcess", "transaction", "adHocSubProcess").contains(local)) {
                removeDanglingRefs(child, ids);
            }
        }
    }

    /** Declares flowable and flowdesk on the root; drops the Camunda, Zeebe, Activiti and modeler declarations. */
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
