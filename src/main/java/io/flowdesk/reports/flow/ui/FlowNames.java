package io.flowdesk.reports.flow.ui;

import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Readable names of a diagram's sequence flows: "Repair → Acceptance", with the flow's own name when it has one. */
final class FlowNames {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String FLOWDESK = "https://flowdesk.io/schema/bpmn";

    private FlowNames() {
    }

    static Map<String, String> of(String xml, boolean zh) {
        Map<String, String> result = new LinkedHashMap<>();
        if (xml == null) {
            return result;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            Map<String, String> names = new HashMap<>();
            NodeList all = document.getElementsByTagNameNS(BPMN, "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if (element.hasAttribute("id")) {
                    names.put(element.getAttribute("id"), name(element, zh));
                }
            }
            NodeList flows = document.getElementsByTagNameNS(BPMN, "sequenceFlow");
            for (int i = 0; i < flows.getLength(); i++) {
                Element flow = (Element) flows.item(i);
                String own = name(flow, zh);
                String path = names.getOrDefault(flow.getAttribute("sourceRef"), flow.getAttribute("sourceRef"))
                        + " → " + names.getOrDefault(flow.getAttribute("targetRef"), flow.getAttribute("targetRef"));
                result.put(flow.getAttribute("id"), own.isEmpty() ? path : path + " (" + own + ")");
            }
        } catch (Exception e) {
            // an unreadable diagram shows the flows by id
        }
        return result;
    }

    /** The diagram with its English names ({@code flowdesk:nameEn}) as the names bpmn-js draws; as is for zh. */
    static String localized(String xml, boolean zh) {
        if (zh || xml == null) {
            return xml;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            NodeList all = document.getElementsByTagNameNS(BPMN, "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                String en = element.getAttributeNS(FLOWDESK, "nameEn");
                if (!en.isEmpty()) {
                    element.setAttribute("name", en);
                }
            }
            var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            var out = new java.io.StringWriter();
            transformer.transform(new javax.xml.transform.dom.DOMSource(document),
                    new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            return xml;
        }
    }

    private static String name(Element element, boolean zh) {
        String en = element.getAttributeNS(FLOWDESK, "nameEn");
        String name = element.getAttribute("name");
        return !zh && !en.isEmpty() ? en : name;
    }
}
