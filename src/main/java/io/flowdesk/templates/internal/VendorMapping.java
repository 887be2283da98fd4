package io.flowdesk.templates.internal;

import io.flowdesk.workflow.ExpressionRules;
import io.flowdesk.workflow.FlowDeskBpmn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Attributes and extension elements of Camunda 7, Camunda 8 (Zeebe) and Flowable on one BPMN element: mapped to
 * FlowDesk's Flowable subset, dropped as tool metadata, or reported as unsupported.
 */
final class VendorMapping {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    static final Set<String> FOREIGN_NAMESPACES = Set.of(CAMUNDA, ZEEBE, MODELER);

    private static final Set<String> CAMUNDA_METADATA = Set.of("historyTimeToLive", "versionTag", "asyncBefore",
            "asyncAfter", "exclusive", "jobPriority", "taskPriority", "isStartableInTasklist", "formRefBinding",
            "formRefVersion");
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "expression", "delegateExpression", "type",
            "topic", "resultVariable");
    private static final Set<String> PEOPLE_ATTRIBUTES = Set.of("assignee", "candidateUsers");
    private static final Set<String> DEFAULT_BPMN_ATTRIBUTES = Set.of("completionQuantity", "startQuantity",
            "isForCompensation", "instantiate", "implementation", "isClosed", "parallelMultiple");
    private static final List<String> FORM_PREFIXES = List.of("embedded:", "camunda-forms:", "deployment:", "app:",
            "bpmn:", "forms/");

    private final ImportReport report;

    VendorMapping(ImportReport report) {
        this.report = report;
    }

    /** Maps, drops or reports every attribute of a BPMN element. */
    void attributes(Element e) {
        NamedNodeMap map = e.getAttributes();
        List<Attr> attrs = new ArrayList<>();
        for (int i = 0; i < map.getLength(); i++) {
            attrs.add((Attr) map.item(i));
        }
        for (Attr attr : attrs) {
            String ns = attr.getNamespaceURI() == null ? "" : attr.getNamespaceURI();
            String local = attr.getLocalName();
            String value = attr.getValue();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) || BpmnScan.DI_NAMESPACES.contains(ns)
                    || BpmnScan.COSMETIC_NAMESPACES.contains(ns) || FlowDeskBpmn.NS.equals(ns)) {
                continue;
            }
            if (ns.isEmpty()) {
                if (DEFAULT_BPMN_ATTRIBUTES.contains(local)) {
                    report.dropped(local, e);
                    e.removeAttributeNode(attr);
                } else if (!BpmnScan.PLAIN_ATTRIBUTES.contains(local)) {
                    report.problem(e, "attribute '" + local + "' is not supported");
                }
            } else if (BpmnScan.XSI.equals(ns)) {
                if (!local.equals("type")) {
                    report.dropped("xsi:" + local, e);
                    e.removeAttributeNode(attr);
                }
            } else if (FlowDeskBpmn.FLOWABLE_NS.equals(ns)) {
                if (!BpmnScan.FLOWABLE_ATTRIBUTES.getOrDefault(e.getLocalName(), Set.of()).contains(local)) {
                    report.problem(e, unsupported("flowable:" + local, value));
                }
            } else if (MODELER.equals(ns)) {
                report.dropped("modeler:" + local, e);
                e.removeAttributeNode(attr);
            } else if (CAMUNDA.equals(ns)) {
                camunda(e, attr);
            } else if (ZEEBE.equals(ns) && local.startsWith("modelerTemplate")) {
                report.dropped("zeebe:" + local, e);
                e.removeAttributeNode(attr);
            } else {
                report.problem(e, "attribute " + attr.getName() + " (namespace " + ns + ") is not supported");
            }
        }
    }

    private void camunda(Element e, Attr attr) {
        String local = attr.getLocalName();
        String value = attr.getValue();
        boolean userTask = e.getLocalName().equals("userTask");
        if (CAMUNDA_METADATA.contains(local)) {
            report.dropped("camunda:" + local, e);
        } else if ((local.equals("formKey") || local.equals("formRef")) && userTask) {
            formKey(e, value, "camunda:" + local);
        } else if ((local.equals("formKey") || local.equals("formRef")) && e.getLocalName().equals("startEvent")) {
            report.note("Start event '" + e.getAttribute("id") + "' names form '" + value
                    + "'; FlowDesk takes the start form from template.json (startForm)");
        } else if (local.equals("candidateGroups") && userTask) {
            if (ExpressionRules.containsExpression(value)) {
                report.problem(e, "camunda:candidateGroups '" + value + "' is an expression; name department keys");
                return;
            }
            groups(e, Arrays.asList(value.split(",")));
        } else {
            report.problem(e, unsupported("camunda:" + local, value));
            return;
        }
        e.removeAttributeNode(attr);
    }

    /** Maps or reports the children of an {@code extensionElements} of {@code host}; removes it when empty. */
    void extensions(Element ext, Element host) {
        for (Element child : SecureXml.children(ext)) {
            String ns = child.getNamespaceURI();
            String local = child.getLocalName();
            if (FlowDeskBpmn.FLOWABLE_NS.equals(ns) && local.equals("field") && host.getLocalName().equals("serviceTask")) {
                continue;
            }
            if (ZEEBE.equals(ns) && zeebe(child, host)) {
                SecureXml.remove(child);
                continue;
            }
            String prefix = CAMUNDA.equals(ns) ? "camunda:" : ZEEBE.equals(ns) ? "zeebe:"
                    : FlowDeskBpmn.FLOWABLE_NS.equals(ns) ? "flowable:" : "";
            report.problem(host, (prefix.isEmpty() ? "<" + child.getTagName() + "> (namespace " + ns + ")"
                    : prefix + local) + " is not supported" + reason(local));
        }
        if (SecureXml.children(ext).isEmpty()) {
            SecureXml.remove(ext);
        }
    }

    /** Handles a zeebe extension; true when it was mapped or dropped (so it can be removed). */
    private boolean zeebe(Element child, Element host) {
        boolean userTask = host.getLocalName().equals("userTask");
        switch (child.getLocalName()) {
            case "formDefinition" -> {
                if (!child.getAttribute("externalReference").isEmpty()) {
                    report.problem(host, "external forms (zeebe externalReference) are not supported");
                    return false;
                }
                String key = !child.getAttribute("formId").isEmpty() ? child.getAttribute("formId")
                        : child.getAttribute("formKey");
                if (userTask) {
                    formKey(host, key, "zeebe:formDefinition");
                } else {
                    report.note(ImportReport.label(host) + " names form '" + key
                            + "'; FlowDesk takes the start form from template.json (startForm)");
                }
                return true;
            }
            case "assignmentDefinition" -> {
                for (String people : List.of("assignee", "candidateUsers")) {
                    if (!child.getAttribute(people).isEmpty()) {
                        report.problem(host, unsupported("zeebe " + people, child.getAttribute(people)));
                    }
                }
                String groups = child.getAttribute("candidateGroups").trim();
                if (!groups.isEmpty() && userTask) {
                    List<String> names = groups.startsWith("=") ? FeelCondition.stringList(groups.substring(1))
                            : Arrays.asList(groups.split(","));
                    if (names == null) {
                        report.problem(host, "zeebe candidateGroups '" + groups
                                + "' is a FEEL expression; name department keys");
                        return false;
                    }
                    groups(host, names);
                }
                return true;
            }
            case "userTask", "versionTag" -> {
                report.dropped("zeebe:" + child.getLocalName(), host);
                return true;
            }
            case "userTaskForm" -> {
                report.note("Dropped the embedded Camunda form '" + child.getAttribute("id")
                        + "'; FlowDesk forms live in forms/*.json");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void formKey(Element task, String raw, String source) {
        String key = bareFormKey(raw);
        if (key == null) {
            report.problem(task, source + " '" + raw + "' cannot be mapped to a FlowDesk form key");
            return;
        }
        task.setAttributeNS(FlowDeskBpmn.FLOWABLE_NS, "flowable:formKey", key);
        if (!key.equals(raw)) {
            report.note(ImportReport.label(task) + ": form '" + raw + "' → '" + key + "'");
        }
    }

    private void groups(Element task, List<String> names) {
        List<String> clean = names.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!clean.isEmpty()) {
            task.setAttributeNS(FlowDeskBpmn.FLOWABLE_NS, "flowable:candidateGroups", String.join(",", clean));
        }
    }

    /** {@code embedded:app:forms/refund.html}, {@code camunda-forms:deployment:refund.form} → {@code refund}. */
    static String bareFormKey(String raw) {
        String key = raw == null ? "" : raw.trim();
        if (key.startsWith("=") || ExpressionRules.containsExpression(key)) {
            return null;
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : FORM_PREFIXES) {
                if (key.startsWith(prefix)) {
                    key = key.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        for (String suffix : List.of(".json", ".form", ".html")) {
            if (key.endsWith(suffix)) {
                key = key.substring(0, key.length() - suffix.length());
                break;
            }
        }
        return key.matches("[A-Za-z0-9_.-]+") ? key : null;
    }

    private static String unsupported(String attribute, String value) {
        String local = attribute.substring(attribute.lastIndexOf(attribute.contains(":") ? ':' : ' ') + 1);
        return attribute + " '" + value + "' is not supported" + reason(local);
    }

    private static String reason(String local) {
        if (PEOPLE_ATTRIBUTES.contains(local)) {
            return " (FlowDesk routes people itself; set a department with candidateGroups)";
        }
        if (CODE_ATTRIBUTES.contains(local) || local.equals("taskDefinition") || local.equals("connector")) {
            return " (only FlowDesk's service-task catalogue may run code)";
        }
        if (local.endsWith("Listener") || local.equals("executionListeners") || local.equals("taskListeners")) {
            return " (listeners run code)";
        }
        return "";
    }
}
