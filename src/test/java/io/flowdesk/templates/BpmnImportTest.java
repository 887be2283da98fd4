package io.flowdesk.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.internal.PublishGate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** BPMN drawn in Camunda Modeler (7 and 8) or Flowable becomes a FlowDesk draft; what cannot run is left for the gate. */
class BpmnImportTest {

    private static final String FORM = """
            {"type":"object","properties":{"amount":{"type":"number"},"ok":{"type":"boolean"}},
             "x-ui":{"fields":{"amount":{"widget":"money","label":{"zh-CN":"金额","en":"Amount"}},
                               "ok":{"widget":"checkbox","label":{"zh-CN":"同意","en":"OK"}}}}}""";
    private static final Set<String> DEPARTMENTS = Set.of("customer-service", "finance");

    private static String fixture(String name) throws IOException {
        try (InputStream in = BpmnImportTest.class.getResourceAsStream("/import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The publish gate on the imported BPMN with a form named refund-review and two departments. */
    private static List<FieldError> gate(String xml) {
        TemplatePackage pkg = new TemplatePackage("imported", Json.parse("""
                {"key":"imported","name":{"zh-CN":"导入","en":"Imported"},"ticketType":"refund",
                 "startForm":"refund-review"}"""), xml, Map.of("refund-review", Json.parse(FORM)));
        return PublishGate.check(pkg, DEPARTMENTS);
    }

    @Test
    void camunda7ModelerFileMapsCleanlyAndPassesThePublishGate() throws IOException {
        BpmnImport.Result result = BpmnImport.map(fixture("camunda7-refund.bpmn"));

        assertEquals(List.of(), result.errors());
        String xml = result.xml();
        assertTrue(xml.contains("flowable:formKey=\"refund-review\""), xml);
        assertTrue(xml.contains("flowable:candidateGroups=\"customer-service\""), xml);
        assertTrue(xml.contains("flowable:candidateGroups=\"finance\""), xml);
        assertTrue(xml.contains("default=\"Flow_small\""), xml);
        assertTrue(xml.contains("${amount &gt; 500 &amp;&amp; ok}"), xml);
        assertTrue(xml.contains("xmlns:flowable=\"http://flowable.org/bpmn\""), xml);
        assertTrue(xml.contains("xmlns:flowdesk=\"https://flowdesk.io/schema/bpmn\""), xml);
        assertTrue(xml.contains("exporter=\"Camunda Modeler\""), xml);
        assertTrue(xml.contains("height=\"50\" width=\"50\" x=\"425\" y=\"92\""), "layout kept: " + xml);
        for (String gone : List.of("camunda", "modeler:", "historyTimeToLive", "asyncBefore", "executionPlatform")) {
            assertFalse(xml.contains(gone), gone + " should be gone: " + xml);
        }
        assertTrue(english(result).stream().anyMatch(n -> n.contains("camunda:historyTimeToLive")),
                english(result).toString());
        assertTrue(english(result).stream().anyMatch(n -> n.contains("modeler:executionPlatform")));
        assertEquals(List.of(), gate(xml));
    }

    @Test
    void unsupportedCamundaElementsBecomeADraftWhoseLintNamesThem() throws IOException {
        BpmnImport.Result result = BpmnImport.map(fixture("camunda7-unsupported.bpmn"));

        assertEquals(List.of(), result.errors());
        String xml = result.xml();
        for (String gone : List.of("java.lang", "com.acme.Notify", "camunda:", "demo\"")) {
            assertFalse(xml.contains(gone), gone + " should be gone: " + xml);
        }
        assertTrue(notesOn(result, "calc").stream().anyMatch(n -> n.key().equals("import.note.unsupported")));
        assertTrue(notesOn(result, "approve").stream().anyMatch(n -> n.key().equals("import.note.people")
                && n.toString().contains("camunda:assignee")), result.notes().toString());
        assertTrue(notesOn(result, "notify").stream().anyMatch(n -> n.key().equals("import.note.code")
                && n.toString().contains("com.acme.Notify")), result.notes().toString());
        List<String> lint = gate(xml).stream().map(FieldError::pointer).toList();
        assertTrue(lint.contains("calc") && lint.contains("notify"), lint.toString());
    }

    @Test
    void aZeebeUserTasksTaskDefinitionIsDroppedAsMetadataNotTreatedAsCode() throws IOException {
        String xml = fixture("camunda8-refund.bpmn").replaceFirst("(<bpmn:userTask id=\"review\"[^>]*>\\s*<bpmn:extensionElements>)",
                "$1<zeebe:taskDefinition type=\"io.camunda.zeebe:userTask\"/>");
        assertTrue(xml.contains("io.camunda.zeebe:userTask"), "fixture changed");

        BpmnImport.Result result = BpmnImport.map(xml);

        assertEquals(List.of(), result.errors());
        assertTrue(notesOn(result, "review").stream().anyMatch(n -> n.key().equals("import.note.dropped")
                && n.toString().contains("zeebe:taskDefinition")), result.notes().toString());
        assertTrue(notesOn(result, "review").stream().noneMatch(n -> n.key().equals("import.note.code")));
        assertEquals(List.of(), gate(result.xml()));
    }

    private static List<String> english(BpmnImport.Result result) {
        return result.notes().stream().map(n -> n.text().toString()).toList();
    }

    private static List<io.flowdesk.shared.Text> notesOn(BpmnImport.Result result, String element) {
        return result.notes().stream().filter(n -> n.element().equals(element)).map(BpmnImport.Note::text).toList();
    }

    @Test
    void camunda8FormsGroupsFeelConditionAndSinglePoolAreMapped() throws IOException {
        BpmnImport.Result result = BpmnImport.map(fixture("camunda8-refund.bpmn"));

        assertEquals(List.of(), result.errors());
        String xml = result.xml();
        assertTrue(xml.contains("flowable:candidateGroups=\"customer-service,finance\""), xml);
        assertTrue(xml.contains("flowable:candidateGroups=\"finance\""), xml);
        assertEquals(2, xml.split("flowable:formKey=\"refund-review\"", -1).length - 1, xml);
        assertTrue(xml.contains("<![CDATA[${amount > 500 && ok == true}]]>"), xml);
        assertTrue(xml.contains("name=\"Refunds\""), "pool name becomes the process name: " + xml);
        assertTrue(xml.contains("bpmnElement=\"refund_c8\""), "plane points at the process: " + xml);
        for (String gone : List.of("zeebe", "collaboration", "Participant_pool", "extensionElements")) {
            assertFalse(xml.contains(gone), gone + " should be gone: " + xml);
        }
        assertTrue(result.notes().stream().anyMatch(n -> n.element().equals("Participant_pool")
                && n.text().key().equals("import.note.pool")), result.notes().toString());
        assertEquals(List.of(), gate(xml));
    }

    @Test
    void feelThatIsMoreThanAComparisonIsKeptForTheLintWithANote() throws IOException {
        String xml = fixture("camunda8-refund.bpmn").replace("=amount &gt; 500 and ok = true",
                "=sum(items) &gt; 500").replace("=[&quot;customer-service&quot;,&quot;finance&quot;]", "=groupsOf(x)");

        BpmnImport.Result result = BpmnImport.map(xml);

        assertEquals(List.of(), result.errors());
        assertTrue(notesOn(result, "review").stream().anyMatch(n -> n.key().equals("import.note.groupsExpression")),
                result.notes().toString());
        assertTrue(notesOn(result, "fBig").stream().anyMatch(n -> n.key().equals("import.note.feelKept")),
                result.notes().toString());
        List<String> lint = gate(result.xml()).stream().map(FieldError::pointer).toList();
        assertTrue(lint.contains("review") && lint.contains("fBig"), lint.toString());
    }

    @Test
    void feelComparisonsWithAndOrNotBecomeOneJuelExpression() throws IOException {
        String base = fixture("camunda8-refund.bpmn");
        Map<String, String> cases = Map.of(
                "=amount &gt; 500", "${amount > 500}",
                "=not(ok) or amount &lt;= 10", "${!(ok) || amount <= 10}",
                "=(amount &gt;= 1 and ok != false)", "${(amount >= 1 && ok != false)}");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            BpmnImport.Result result = BpmnImport.map(base.replace("=amount &gt; 500 and ok = true", c.getKey()));

            assertEquals(List.of(), result.errors(), c.getKey());
            assertTrue(result.xml().contains("<![CDATA[" + c.getValue() + "]]>"), c.getKey() + ": " + result.xml());
        }
    }

    @Test
    void flowableTemplatePassesThroughUnchangedInMeaning() throws IOException {
        Path folder = Path.of("process-templates", "ecommerce-refund");
        TemplatePackage shipped = TemplateImporter.read(folder);

        BpmnImport.Result result = BpmnImport.map(Files.readString(folder.resolve("process.bpmn")));

        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.notes());
        TemplatePackage imported = new TemplatePackage(shipped.folder(), shipped.metadata(), result.xml(),
                shipped.forms());
        assertEquals(List.of(), TemplateDiff.between(shipped, imported).changes());
        assertEquals(List.of(), PublishGate.check(imported, Set.of("customer-service", "cs-supervisor", "warehouse",
                "finance")));
    }

    @Test
    void doctypeIsRejectedNamingTheFile() {
        BpmnImport.Result result = BpmnImport.map("""
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</definitions>""");

        assertNull(result.xml());
        assertEquals(1, result.errors().size());
        assertEquals("process.bpmn", result.errors().get(0).pointer());
        assertEquals("no-doctype", result.errors().get(0).rule());
    }

    @Test
    void lanesAreDroppedWithANoteAndTheRestStillPasses() throws IOException {
        String xml = fixture("camunda7-refund.bpmn").replace("<bpmn:startEvent id=\"StartEvent_1\"", """
                <bpmn:laneSet id="LaneSet_1"><bpmn:lane id="Lane_a" name="Finance"/></bpmn:laneSet>
                    <bpmn:startEvent id="StartEvent_1\"""");

        BpmnImport.Result result = BpmnImport.map(xml);

        assertEquals(List.of(), result.errors());
        assertFalse(result.xml().contains("laneSet"), result.xml());
        assertEquals(List.of("import.note.lane"), notesOn(result, "Lane_a").stream().map(
                io.flowdesk.shared.Text::key).toList());
        assertEquals(List.of(), gate(result.xml()));
    }
}
