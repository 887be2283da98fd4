package io.flowdesk.templates.internal;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * DOM reading and writing of untrusted BPMN text: no DTD, no entities, no XInclude, no external fetches. Used by
 * the importer (which rewrites the tree) and the version diff (which only reads it).
 */
public final class SecureXml {

    /** Thrown when the text is not acceptable XML; the message is fit for a user. */
    public static final class Unreadable extends Exception {
        private final boolean doctype;

        Unreadable(String message, boolean doctype) {
            super(message);
            this.doctype = doctype;
        }

        /** True when the text was refused for declaring a DOCTYPE or entities. */
        public boolean doctype() {
            return doctype;
        }
    }

    private SecureXml() {
    }

    /** Parses namespace-aware, keeping CDATA sections and comments as they are. */
    public static Document parse(String xml) throws Unreadable {
        if (xml == null || xml.isBlank()) {
            throw new Unreadable("The BPMN is empty", false);
        }
        String upper = xml.toUpperCase(Locale.ROOT);
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            throw new Unreadable("DOCTYPE and entity declarations are not allowed", true);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            boolean doctype = String.valueOf(e.getMessage()).contains("DOCTYPE");
            throw new Unreadable(doctype ? "DOCTYPE and entity declarations are not allowed"
                    : "The BPMN is not well-formed XML: " + e.getMessage(), doctype);
        } catch (ParserConfigurationException | java.io.IOException e) {
            throw new Unreadable("The BPMN cannot be read: " + e.getMessage(), false);
        }
    }

    /** Writes the document as UTF-8 text with an XML declaration on its own line. */
    public static String write(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            doc.setXmlStandalone(true);
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            String text = out.toString();
            int end = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : -1;
            if (end > 1 && end < text.length() && text.charAt(end) != '\n') {
                text = text.substring(0, end) + "\n" + text.substring(end);
            }
            return text.endsWith("\n") ? text : text + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot write BPMN: " + e.getMessage(), e);
        }
    }

    /** The element children of a node, in document order (a copy, safe to modify the tree while iterating). */
    public static List<Element> children(Node parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    /** Removes an element together with the indentation before it. */
    public static void remove(Element element) {
        Node before = element.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getNodeValue().isBlank()) {
            before.getParentNode().removeChild(before);
        }
        element.getParentNode().removeChild(element);
    }
}
