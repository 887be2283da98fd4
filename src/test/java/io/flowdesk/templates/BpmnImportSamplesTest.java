package io.flowdesk.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.templates.internal.PublishGate;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Fourteen real BPMN files from Camunda 7, Camunda 8, Flowable and the bpmn-js examples (see
 * src/test/resources/import-samples/README.md): each becomes a draft that keeps its diagram, with notes for what
 * was dropped, and the publish gate refuses it, naming the steps FlowDesk cannot run.
 */
class BpmnImportSamplesTest {

    private static final Path SAMPLES = Path.of("src/test/resources/import-samples");
    private static final Set<String> DEPARTMENTS = Set.of("customer-service", "finance");

    static Stream<String> samples() throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("README.md")).sorted().toList()
                    .stream();
        }
    }

    @Test
    void thereAreFourteenSamples() throws Exception {
        assertEquals(14, samples().count());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleBecomesADraftThatKeepsTheDiagramAndTheGateRefusesUntilFixed(String sample) throws Exception {
        String original = Files.readString(SAMPLES.resolve(sample), StandardCharsets.UTF_8);

        BpmnImport.Result result = BpmnImport.map(original);

        assertEquals(List.of(), result.errors(), sample + " must become a draft, not be refused");
        String xml = result.xml();
        Document before = parse(original);
        Document after = parse(xml);

        // the diagram is kept: every element still in the draft keeps the shape it had
        Set<String> shapedBefore = shaped(before);
        Set<String> idsAfter = ids(after);
        Set<String> shapedAfter = shaped(after);
        int kept = 0;
        for (String id : shapedBefore) {
            if (idsAfter.contains(id)) {
                assertTrue(shapedAfter.contains(id), sample + ": " + id + " lost its shape");
                kept++;
            }
        }
        assertTrue(kept >= 3, sample + ": only " + kept + " shapes kept");
        for (String id : shapedAfter) {
            assertTrue(idsAfter.contains(id), sample + ": a shape points at the removed element " + id);
        }
        for (String gone : List.of("camunda.org/schema", "zeebe:", "camunda:", "activiti:")) {
            assertFalse(xml.contains(gone), sample + ": " + gone + " should be gone");
        }

        // notes: from the catalogue in both languages, naming their element by name or id
        assertFalse(result.notes().isEmpty(), sample + ": a foreign file always has something to note");
        Map<String, String> labels = labels(before);
        for (BpmnImport.Note note : result.notes()) {
            assertTrue(note.text().key().startsWith("import.note."), note.text().key());
            String en = note.text().in(Messages.EN);
            String zh = note.text().in(Messages.ZH);
            assertNotEquals(en, zh, note.text().key());
            assertFalse(en.matches(".*\\{\\d.*") || zh.matches(".*\\{\\d.*"), en);
            if (!note.element().equals("process.bpmn")) {
                String label = labels.getOrDefault(note.element(), note.element());
                assertTrue(en.contains(label) && zh.contains(label), sample + ": note does not name " + label + ": " + en);
            }
        }

        // the publish gate refuses the draft, at the very steps FlowDesk cannot run
        TemplatePackage pkg = new TemplatePackage("imported", Json.parse("""
                {"key":"imported","name":{"zh-CN":"导入","en":"Imported"},"ticketType":"imported","startForm":""}"""),
                xml, Map.of());
        List<FieldError> lint = PublishGate.check(pkg, DEPARTMENTS);
        assertFalse(lint.isEmpty(), sample);
        assertTrue(lint.stream().noneMatch(e -> e.rule().equals("parse-error")), sample + ": " + lint);
        Set<String> pointers = new HashSet<>(lint.stream().map(FieldError::pointer).toList());
        for (BpmnImport.Note note : result.notes()) {
            String key = note.text().key();
            boolean blocking = key.equals("import.note.unsupported") || key.equals("import.note.event")
                    || key.equals("import.note.code") && "serviceTask".equals(localName(after, note.element()));
            if (blocking) {
                // a step inside a sub-process is named through the sub-process, which the gate refuses as a whole
                List<String> named = selfAndAncestors(after, note.element());
                assertTrue(pointers.stream().anyMatch(named::contains), sample + ": the gate does not name "
                        + note.element() + ": " + lint);
            }
        }
    }

    @Test
    void harmlessThingsOfTheReportedFilesAreDroppedOrKeptNotRefused() throws Exception {
        BpmnImport.Result lanes = BpmnImport.map(Files.readString(SAMPLES.resolve("c7-job-announcement-lanes.bpmn")));
        assertFalse(lanes.xml().contains("isImmediate") || lanes.xml().contains("laneSet"), lanes.xml());
        assertTrue(lanes.notes().stream().anyMatch(n -> n.text().key().equals("import.note.lane")));
        assertTrue(lanes.notes().stream().anyMatch(n -> n.text().toString().contains("isImmediate")));

        BpmnImport.Result zeebe = BpmnImport.map(Files.readString(SAMPLES.resolve("c8-pr-created.bpmn")));
        assertTrue(zeebe.notes().stream().anyMatch(n -> n.text().key().equals("import.note.code")
                && n.text().toString().contains("zeebe:taskDefinition")), zeebe.notes().toString());

        BpmnImport.Result pizza = BpmnImport.map(Files.readString(SAMPLES.resolve("bpmnjs-pizza-collaboration.bpmn")));
        assertTrue(pizza.notes().stream().anyMatch(n -> n.text().key().equals("import.note.otherPool")));
        assertFalse(pizza.xml().contains("messageFlow") || pizza.xml().contains("participant"), pizza.xml());
    }

    @Test
    void doctypeEntitiesAndOversizeAreStillRefusedOutright() throws Exception {
        String sample = Files.readString(SAMPLES.resolve("c7-invoice-camunda-forms.bpmn"));
        String doctype = sample.replaceFirst("<bpmn2:definitions", "<!DOCTYPE definitions [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]>\n<bpmn2:definitions");
        String entityOnly = sample.replaceFirst("\\?>", "?>\n<!ENTITY x \"y\">");
        String oversize = sample.replace("</bpmn2:definitions>", "<!-- " + "x".repeat(PublishGate.MAX_BPMN_BYTES)
                + " --></bpmn2:definitions>");
        Map<String, String> expected = new HashMap<>(Map.of(doctype, "no-doctype", entityOnly, "no-doctype",
                oversize, "size", "<definitions", "parse-error", "<html/>", "parse-error"));
        for (Map.Entry<String, String> c : expected.entrySet()) {
            BpmnImport.Result result = BpmnImport.map(c.getKey());

            assertNull(result.xml());
            assertEquals(1, result.errors().size(), result.errors().toString());
            FieldError error = result.errors().get(0);
            assertEquals("process.bpmn", error.pointer());
            assertEquals(c.getValue(), error.rule());
            assertTrue(error.text().key().startsWith("import.refused."), error.text().key());
            assertNotEquals(error.message(Messages.EN), error.message(Messages.ZH));
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Set<String> shaped(Document doc) {
        Set<String> ids = new HashSet<>();
        for (String tag : List.of("BPMNShape", "BPMNEdge")) {
            NodeList shapes = doc.getElementsByTagNameNS("*", tag);
            for (int i = 0; i < shapes.getLength(); i++) {
                ids.add(((Element) shapes.item(i)).getAttribute("bpmnElement"));
            }
        }
        return ids;
    }

    private static Set<String> ids(Document doc) {
        Set<String> ids = new HashSet<>();
        NodeList all = doc.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Map<String, String> labels(Document doc) {
        Map<String, String> labels = new HashMap<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getAttribute("name").replaceAll("\\s+", " ").trim();
            if (!e.getAttribute("id").isEmpty()) {
                labels.putIfAbsent(e.getAttribute("id"), name.isEmpty() ? e.getAttribute("id") : name);
            }
        }
        return labels;
    }

    private static List<String> selfAndAncestors(Document doc, String id) {
        List<String> ids = new java.util.ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("id").equals(id)) {
                for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
                    ids.add(el.getAttribute("id"));
                }
            }
        }
        return ids;
    }

    private static String localName(Document doc, String id) {
        NodeList all = doc.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e.getLocalName();
            }
        }
        return null;
    }
}
