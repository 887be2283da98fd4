package io.flowdesk.templates.internal;

import io.flowdesk.workflow.ExpressionRules;
import io.flowdesk.workflow.FlowDeskBpmn;
import io.flowdesk.workflow.ServiceTaskCatalogue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Attributes and extension elements of Camunda 7, Camunda 8 (Zeebe), Flowable/Activiti and other tools on one BPMN
 * element: mapped to FlowDesk's Flowable subset, or removed with a note. Nothing here refuses a file: what ran
 * code is removed (the step stays, and the publish gate asks for a catalogue service or a form and department).
 */
final class VendorMapping {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    static final String ACTIVITI = "http://activiti.org/bpmn";
    static final Set<String> FOREIGN_NAMESPACES = Set.of(CAMUNDA, ZEEBE, MODELER, ACTIVITI);

    private static final Set<String> CODE = Set.of("class", "expression", "delegateExpression", "type", "topic",
            "resultVariable", "script", "scriptFormat", "decisionRef", "calledElement", "taskDefinition", "connector",
            "executionListener", "taskListener", "eventListener", "inputOutput", "field", "in", "out", "ioMapping",
            "taskHeaders", "calledDecision", "failedJobRetryTimeCycle", "mapException");
    private static final Set<String> PEOPLE = Set.of("assignee", "candidateUsers", "owner", "candidateStarterUsers",
            "candidateStarterGroups", "initiator");
    private static final List<String> FORM_PREFIXES = List.of("embedded:", "camunda-forms:", "deployment:", "app:",
            "bpmn:", "forms/");

    private final ImportReport report;
    private String startForm;

    VendorMapping(ImportReport report) {
        this.report = report;
    }

    /** The start form named by a start event, when it maps to a FlowDesk form key. */
    String startForm() {
        return startForm;
    }

    /** Maps or removes every attribute of a BPMN element. */
    void attributes(Element e) {
        NamedNodeMap map = e.getAttributes();
        List<Attr> attrs = new ArrayList<>();
        for (int i = 0; i < map.getLength(); i++) {
            attrs.add((Attr) map.item(i));
        }
        for (Attr attr : attrs) {
            String ns = attr.getNamespaceURI() == null ? "" : attr.getNamespaceURI();
            String local = attr.getLocalName();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) || BpmnScan.DI_NAMESPACES.contains(ns)
                    || BpmnScan.COSMETIC_NAMESPACES.contains(ns)) {
                continue;
            }
            if (FlowDeskBpmn.NS.equals(ns)) {
                if (!BpmnScan.FLOWDESK_ATTRIBUTES.getOrDefault(e.getLocalName(), Set.of()).contains(local)) {
                    drop(e, attr, "flowdesk:" + local);
                }
            } else if (ns.isEmpty()) {
                if (!BpmnScan.PLAIN_ATTRIBUTES.contains(local)) {
                    drop(e, attr, local);
                }
            } else if (BpmnScan.XSI.equals(ns)) {
                if (!local.equals("type")) {
                    drop(e, attr, "xsi:" + local);
                }
            } else if (FlowDeskBpmn.FLOWABLE_NS.equals(ns) || ACTIVITI.equals(ns) || CAMUNDA.equals(ns)) {
                engineAttribute(e, attr, FlowDeskBpmn.FLOWABLE_NS.equals(ns) ? "flowable:" : ACTIVITI.equals(ns)
                        ? "activiti:" : "camunda:");
            } else {
                drop(e, attr, attr.getName());
            }
        }
    }

    private void drop(Element e, Attr attr, String what) {
        report.dropped(what, e);
        e.removeAttributeNode(attr);
    }

    /** camunda:, flowable: and activiti: attributes share their meaning. */
    private void engineAttribute(Element e, Attr attr, String prefix) {
        String local = attr.getLocalName();
        String value = attr.getValue();
        String element = e.getLocalName();
        e.removeAttributeNode(attr);
        boolean userTask = element.equals("userTask");
        if ((local.equals("formKey") || local.equals("formRef")) && userTask) {
            formKey(e, value, prefix + local);
        } else if ((local.equals("formKey") || local.equals("formRef")) && element.equals("startEvent")) {
            startFormOf(e, value);
        } else if (local.equals("candidateGroups") && userTask) {
            if (ExpressionRules.containsExpression(value)) {
                report.note(e, "groupsExpression", value);
            } else {
                groups(e, Arrays.asList(value.split(",")));
            }
        } else if (local.equals("delegateExpression") && element.equals("serviceTask")
                && ServiceTaskCatalogue.IDS.contains(value.replaceAll("^\\$\\{|}$", ""))) {
            e.setAttributeNS(FlowDeskBpmn.FLOWABLE_NS, "flowable:delegateExpression", value);
        } else if (PEOPLE.contains(local)) {
            report.note(e, "people", prefix + local + "=\"" + value + "\"");
        } else if (CODE.contains(local)) {
            report.note(e, "code", prefix + local + "=\"" + value + "\"");
        } else {
            report.dropped(prefix + local, e);
        }
    }

    /** Maps or removes the children of an {@code extensionElements} of {@code host}; removes it when empty. */
    void extensions(Element ext, Element host) {
        boolean catalogueService = host.getLocalName().equals("serviceTask")
                && !host.getAttributeNS(FlowDeskBpmn.FLOWABLE_NS, "delegateExpression").isEmpty();
        for (Element child : SecureXml.children(ext)) {
            String ns = child.getNamespaceURI() == null ? "" : child.getNamespaceURI();
            String local = child.getLocalName();
            if (FlowDeskBpmn.FLOWABLE_NS.equals(ns) && local.equals("field") && catalogueService) {
                continue;
            }
            if (ZEEBE.equals(ns)) {
                zeebe(child, host);
            } else if (CAMUNDA.equals(ns) || FlowDeskBpmn.FLOWABLE_NS.equals(ns) || ACTIVITI.equals(ns)) {
                String prefix = CAMUNDA.equals(ns) ? "camunda:" : ACTIVITI.equals(ns) ? "activiti:" : "flowable:";
                if (local.equals("formData") || local.equals("formProperty")) {
                    report.note(host, "formFields", fieldIds(child));
                } else if (CODE.contains(local) || local.endsWith("Listener") || local.startsWith("event")) {
                    report.note(host, "code", prefix + local);
                } else {
                    report.dropped(prefix + local, host);
                }
            } else {
                report.dropped("<" + child.getTagName() + ">", host);
            }
            SecureXml.remove(child);
        }
        if (SecureXml.children(ext).isEmpty()) {
            SecureXml.remove(ext);
        }
    }

    private static String fieldIds(Element formData) {
        List<String> ids = new ArrayList<>();
        if (!formData.getAttribute("id").isEmpty()) {
            ids.add(formData.getAttribute("id"));
        }
        for (Element field : SecureXml.children(formData)) {
            if (!field.getAttribute("id").isEmpty()) {
                ids.add(field.getAttribute("id"));
            }
        }
        return String.join(", ", ids);
    }

    private void zeebe(Element child, Element host) {
        boolean userTask = host.getLocalName().equals("userTask");
        String local = child.getLocalName();
        switch (local) {
            case "formDefinition" -> {
                String key = !child.getAttribute("formId").isEmpty() ? child.getAttribute("formId")
                        : child.getAttribute("formKey");
                if (!child.getAttribute("externalReference").isEmpty()) {
                    report.note(host, "externalForm", child.getAttribute("externalReference"));
                } else if (userTask) {
                    formKey(host, key, "zeebe:formDefinition");
                } else if (host.getLocalName().equals("startEvent")) {
                    startFormOf(host, key);
                } else {
                    report.dropped("zeebe:formDefinition", host);
                }
            }
            case "assignmentDefinition" -> {
                for (String people : List.of("assignee", "candidateUsers")) {
                    if (!child.getAttribute(people).isEmpty()) {
                        report.note(host, "people", "zeebe:" + people + "=\"" + child.getAttribute(people) + "\"");
                    }
                }
                String groups = child.getAttribute("candidateGroups").trim();
                if (!groups.isEmpty() && userTask) {
                    List<String> names = groups.startsWith("=") ? FeelCondition.stringList(groups.substring(1))
                            : Arrays.asList(groups.split(","));
                    if (names == null) {
                        report.note(host, "groupsExpression", groups);
                    } else {
                        groups(host, names);
                    }
                }
            }
            case "userTaskForm" -> report.note(host, "embeddedForm", child.getAttribute("id"));
            // on a user task it only names the job type of Zeebe's task worker: harmless metadata
            case "taskDefinition" -> {
                if (userTask) {
                    report.dropped("zeebe:taskDefinition", host);
                } else {
                    report.note(host, "code", "zeebe:taskDefinition type=\"" + child.getAttribute("type") + "\"");
                }
            }
            case "script", "calledElement", "calledDecision", "ioMapping", "taskHeaders", "loopCharacteristics",
                    "subscription" -> report.note(host, "code", "zeebe:" + local);
            default -> report.dropped("zeebe:" + local, host);
        }
    }

    private void startFormOf(Element start, String raw) {
        String key = bareFormKey(raw);
        if (key != null && startForm == null) {
            startForm = key;
            report.note(start, "startForm", raw, key);
        } else {
            report.note(start, "formUnmapped", raw);
        }
    }

    private void formKey(Element task, String raw, String source) {
        String key = bareFormKey(raw);
        if (key == null) {
            report.note(task, "formUnmapped", raw);
            return;
        }
        task.setAttributeNS(FlowDeskBpmn.FLOWABLE_NS, "flowable:formKey", key);
        if (!key.equals(raw)) {
            report.note(task, "form", raw, key);
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
}
