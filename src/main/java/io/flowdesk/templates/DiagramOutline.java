package io.flowdesk.templates;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the designer's property panel needs to know about a BPMN: its nodes and flows with FlowDesk's attributes.
 * Read with a secure StAX reader (no DTD, no entities); an unreadable document yields an empty outline.
 */
public record DiagramOutline(String processId, Map<String, Node> nodes, Map<String, Flow> flows) {

    static final String FLOWABLE = "http://flowable.org/bpmn";
    static final String FLOWDESK = "https://flowdesk.io/schema/bpmn";

    /**
     * A flow node: its type is the BPMN local name (userTask, exclusiveGateway, boundaryEvent …); a user task's
     * routing and step target are the raw {@code flowdesk:assignment}, {@code flowdesk:skills} and
     * {@code flowdesk:targetMinutes} attributes (null when absent).
     */
    public record Node(String id, String type, String name, String nameEn, String formKey, String department,
            String ticketStatus, String delegate, Map<String, String> fields, String timer, String attachedTo,
            String defaultFlow, String assignment, String skills, String targetMinutes) {

        public String label() {
            return name != null && !name.isBlank() ? name : id;
        }
    }

    /** A sequence flow with its condition text (null when it has none). */
    public record Flow(String id, String name, String nameEn, String source, String target, String condition) {
    }

    public List<Flow> outgoing(String nodeId) {
        return flows.values().stream().filter(f -> nodeId.equals(f.source())).toList();
    }

    /**
     * Form keys filled before a node: the start form and the forms of user tasks from which the node can be
     * reached (a boundary event counts as leaving its task).
     */
    public Set<String> formsBefore(String nodeId, String startForm) {
        Set<String> forms = new LinkedHashSet<>();
        if (startForm != null && !startForm.isBlank()) {
            forms.add(startForm);
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(nodeId);
        while (!todo.isEmpty()) {
            String current = todo.pop();
            List<String> previous = new ArrayList<>();
            flows.values().stream().filter(f -> current.equals(f.target())).forEach(f -> previous.add(f.source()));
            Node node = nodes.get(current);
            if (node != null && node.attachedTo() != null) {
                previous.add(node.attachedTo());
            }
            for (String p : previous) {
                if (seen.add(p)) {
                    Node before = nodes.get(p);
                    if (before != null && "userTask".equals(before.type()) && before.formKey() != null) {
                        forms.add(before.formKey());
                    }
                    todo.push(p);
                }
            }
        }
        return forms;
    }

    public static DiagramOutline read(String xml) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Flow> flows = new LinkedHashMap<>();
        String processId = null;
        try {
            XMLInputFactory factory = XMLInputFactory.newInstance();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml == null ? "" : xml));
            int depth = 0;
            int processDepth = -1;
            Map<String, String> current = null;
            Map<String, String> fields = null;
            String currentType = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String local = r.getLocalName();
                    text.setLength(0);
                    if (local.equals("process") && processId == null) {
                        processId = r.getAttributeValue(null, "id");
                        processDepth = depth;
                    } else if (processDepth > 0 && depth == processDepth + 1) {
                        current = new LinkedHashMap<>();
                        fields = new LinkedHashMap<>();
                        currentType = local;
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            String prefix = FLOWABLE.equals(ns) ? "flowable:" : FLOWDESK.equals(ns) ? "flowdesk:" : "";
                            current.put(prefix + r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                    } else if (current != null && local.equals("field") && FLOWABLE.equals(r.getNamespaceURI())) {
                        fields.put(r.getAttributeValue(null, "name"), r.getAttributeValue(null, "stringValue"));
                    } else if (current != null && local.equals("timerEventDefinition")) {
                        current.putIfAbsent("timer", "");
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = r.getLocalName();
                    if (current != null && depth > processDepth + 1) {
                        if (local.equals("conditionExpression")) {
                            current.put("condition", text.toString().trim());
                        } else if (local.startsWith("time") && !local.equals("timerEventDefinition")) {
                            current.put("timer", text.toString().trim());
                        }
                    }
                    if (current != null && depth == processDepth + 1) {
                        String id = current.get("id");
                        if (id != null && currentType.equals("sequenceFlow")) {
                            flows.put(id, new Flow(id, current.get("name"), current.get("flowdesk:nameEn"),
                                    current.get("sourceRef"), current.get("targetRef"), current.get("condition")));
                        } else if (id != null) {
                            nodes.put(id, new Node(id, currentType, current.get("name"), current.get("flowdesk:nameEn"),
                                    current.get("flowable:formKey"), current.get("flowable:candidateGroups"),
                                    current.get("flowdesk:ticketStatus"), current.get("flowable:delegateExpression"),
                                    new LinkedHashMap<>(fields), current.get("timer"), current.get("attachedToRef"),
                                    current.get("default"), current.get("flowdesk:assignment"),
                                    current.get("flowdesk:skills"), current.get("flowdesk:targetMinutes")));
                        }
                        current = null;
                    }
                    if (depth == processDepth) {
                        processDepth = -2;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            return new DiagramOutline(processId, nodes, flows);
        }
        return new DiagramOutline(processId, nodes, flows);
    }
}
