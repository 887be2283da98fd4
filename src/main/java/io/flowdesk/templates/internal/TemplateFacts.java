package io.flowdesk.templates.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.Json;
import io.flowdesk.workflow.FlowDeskBpmn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The parts of a template that matter for its behaviour, flattened to {@code property → text} per BPMN element,
 * form field or template: what a version diff compares. Layout (BPMN DI, form order and sections) is left out.
 */
public final class TemplateFacts {

    /**
     * The facts of one thing.
     *
     * @param label a name for humans
     * @param properties property to value, in a stable reading order
     */
    public record Facts(String label, Map<String, String> properties) {
    }

    private static final List<String> BPMN_ORDER = List.of("type", "name", "flowdesk:nameEn", "flowdesk:ticketStatus",
            "flowable:formKey", "flowable:candidateGroups", "flowable:delegateExpression", "field", "default",
            "condition", "timer", "event", "sourceRef", "targetRef", "attachedToRef", "cancelActivity");
    private static final List<String> FIELD_ORDER = List.of("type", "widget", "label", "required", "enum", "options",
            "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
            "pattern", "readOnly", "sensitive", "visibleWhen");
    private static final Set<String> FOLDED = Set.of("conditionExpression", "extensionElements", "incoming",
            "outgoing", "documentation", "text", "timeDuration", "timeDate", "timeCycle");
    private static final Set<String> LANGUAGE_MAPS = Set.of("name", "description", "label", "help", "placeholder");

    private TemplateFacts() {
    }

    /** Every element of the process (and the process itself) by id. */
    public static Map<String, Facts> bpmn(String xml) {
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (SecureXml.Unreadable e) {
            throw new IllegalArgumentException("process.bpmn: " + e.getMessage(), e);
        }
        Map<String, Facts> elements = new TreeMap<>();
        for (Element child : SecureXml.children(doc.getDocumentElement())) {
            if (BpmnScan.BPMN.equals(child.getNamespaceURI()) && child.getLocalName().equals("process")) {
                collect(child, elements);
            }
        }
        return elements;
    }

    private static void collect(Element element, Map<String, Facts> into) {
        String local = element.getLocalName();
        if (!BpmnScan.BPMN.equals(element.getNamespaceURI()) || FOLDED.contains(local)
                || local.endsWith("EventDefinition")) {
            return;
        }
        if (!element.getAttribute("id").isEmpty()) {
            into.put(element.getAttribute("id"), element(element));
        }
        SecureXml.children(element).forEach(child -> collect(child, into));
    }

    private static Facts element(Element e) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("type", e.getLocalName());
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr attr = (Attr) attrs.item(i);
            String ns = attr.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) || "id".equals(attr.getName())) {
                continue;
            }
            String key = ns == null || ns.isEmpty() ? attr.getLocalName()
                    : FlowDeskBpmn.FLOWABLE_NS.equals(ns) ? "flowable:" + attr.getLocalName()
                    : FlowDeskBpmn.NS.equals(ns) ? "flowdesk:" + attr.getLocalName() : attr.getName();
            props.put(key, attr.getValue());
        }
        for (Element child : SecureXml.children(e)) {
            String local = child.getLocalName();
            String text = child.getTextContent().trim();
            if (local.equals("conditionExpression")) {
                props.put("condition", text);
            } else if (local.equals("timerEventDefinition")) {
                List<String> parts = new ArrayList<>();
                SecureXml.children(child).forEach(t -> parts.add(t.getLocalName() + " " + t.getTextContent().trim()));
                props.put("timer", String.join(", ", parts));
            } else if (local.endsWith("EventDefinition")) {
                props.merge("event", local.replace("EventDefinition", ""), (a, b) -> a + ", " + b);
            } else if (local.equals("documentation") || local.equals("text")) {
                props.put(local, text);
            } else if (local.equals("extensionElements")) {
                for (Element field : SecureXml.children(child)) {
                    if (FlowDeskBpmn.FLOWABLE_NS.equals(field.getNamespaceURI()) && field.getLocalName().equals("field")) {
                        String value = field.hasAttribute("stringValue") ? field.getAttribute("stringValue")
                                : field.getTextContent().trim();
                        props.put("field " + field.getAttribute("name"), value);
                    }
                }
            }
        }
        String label = props.getOrDefault("name", props.getOrDefault("flowdesk:nameEn", e.getAttribute("id")));
        return new Facts(label, ordered(props, BPMN_ORDER));
    }

    /** The top-level fields of a form schema with their x-ui entries, by field key. */
    public static Map<String, Facts> formFields(JsonNode schema) {
        Map<String, Facts> fields = new TreeMap<>();
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        JsonNode ui = schema.path("x-ui").path("fields");
        schema.path("properties").fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            Map<String, String> props = new LinkedHashMap<>();
            flatten(entry.getValue(), props, "");
            props.put("required", String.valueOf(required.contains(key)));
            flatten(ui.path(key), props, "x-ui.");
            JsonNode label = ui.path(key).path("label");
            String name = label.path("zh-CN").asText(label.path("en").asText(key));
            fields.put(key, new Facts(name.isBlank() ? key : name, ordered(props, FIELD_ORDER)));
        });
        return fields;
    }

    /** A form as a whole: its title, for labels. */
    public static String formTitle(String key, JsonNode schema) {
        JsonNode title = schema.path("x-ui").path("title");
        return title.path("zh-CN").asText(title.path("en").asText(schema.path("title").asText(key)));
    }

    /** The template.json properties a version diff reports. */
    public static Facts template(JsonNode metadata) {
        Map<String, String> props = new LinkedHashMap<>();
        JsonNode subset = Json.MAPPER.createObjectNode();
        for (String key : List.of("key", "name", "description", "ticketType", "public", "startForm",
                "partnersMayReplyToCustomer")) {
            if (metadata.has(key)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) subset).set(key, metadata.get(key));
            }
        }
        flatten(subset, props, "");
        return new Facts(metadata.path("name").path("zh-CN").asText(metadata.path("key").asText()), props);
    }

    /** Scalars as text, language maps as {@code label.en}, anything else as canonical JSON. */
    private static void flatten(JsonNode node, Map<String, String> into, String collisionPrefix) {
        node.fields().forEachRemaining(entry -> {
            String key = into.containsKey(entry.getKey()) ? collisionPrefix + entry.getKey() : entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isValueNode()) {
                into.put(key, value.asText());
            } else if (value.isObject() && LANGUAGE_MAPS.contains(entry.getKey())) {
                value.fields().forEachRemaining(l -> into.put(key + "." + l.getKey(),
                        l.getValue().isValueNode() ? l.getValue().asText() : Json.canonical(l.getValue())));
            } else {
                into.put(key, Json.canonical(value));
            }
        });
    }

    private static Map<String, String> ordered(Map<String, String> props, List<String> order) {
        Comparator<String> byRank = Comparator.comparingInt(k -> rank(k, order));
        Map<String, String> sorted = new LinkedHashMap<>();
        props.keySet().stream().sorted(byRank.thenComparing(Comparator.naturalOrder()))
                .forEach(k -> sorted.put(k, props.get(k)));
        return sorted;
    }

    private static int rank(String key, List<String> order) {
        String base = key.contains(" ") ? key.substring(0, key.indexOf(' ')) : key.replaceFirst("\\..*$", "");
        int index = order.indexOf(base);
        return index < 0 ? order.size() : index;
    }
}
