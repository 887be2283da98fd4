package io.flowdesk.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.Json;
import io.flowdesk.templates.TemplateImporter;
import io.flowdesk.templates.TemplatePackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shipped templates under a key of their own (forms too, so other tests' templates stay as shipped), and changed
 * versions of them: the kinds of change a migration must carry.
 */
public final class ChangedTemplates {

    private ChangedTemplates() {
    }

    /** The shipped template {@code shipped} as template {@code key}: its process id and form keys prefixed. */
    public static TemplatePackage copy(String shipped, String key) {
        TemplatePackage pkg = TemplateImporter.read(Path.of("process-templates", shipped));
        String bpmn = pkg.bpmnXml().replace("<process id=\"" + shipped + "\"", "<process id=\"" + key + "\"");
        Map<String, JsonNode> forms = new TreeMap<>();
        for (var e : pkg.forms().entrySet()) {
            forms.put(key + "-" + e.getKey(), e.getValue());
            bpmn = bpmn.replace("flowable:formKey=\"" + e.getKey() + "\"", "flowable:formKey=\"" + key + "-" + e
                    .getKey() + "\"");
        }
        ObjectNode meta = pkg.metadata().deepCopy();
        meta.put("key", key);
        meta.put("startForm", key + "-" + pkg.metadata().path("startForm").asText());
        meta.putObject("name").put("zh-CN", "迁移测试 " + key).put("en", "Migration test " + key);
        return new TemplatePackage(key, meta, bpmn, forms);
    }

    /**
     * it-incident, changed: a step added before diagnosis (triage), diagnosis renamed, on-call diagnosis removed
     * (P1 goes to diagnosis), and a new required start field {@code impact} with a default.
     */
    public static TemplatePackage incidentV2(TemplatePackage v1) {
        String key = v1.key();
        String bpmn = withoutDiagram(v1.bpmnXml());
        bpmn = bpmn.replaceAll("\\s*<userTask id=\"taskOncallDiagnosis\"[^>]*/>", "");
        bpmn = bpmn.replaceAll("\\s*<sequenceFlow id=\"flowOncallToRepair\"[^>]*/>", "");
        bpmn = bpmn.replace("targetRef=\"taskOncallDiagnosis\"", "targetRef=\"taskDiagnosis\"");
        bpmn = bpmn.replace("<sequenceFlow id=\"flowToDiagnosis\" name=\"常规\" flowdesk:nameEn=\"Normal\" sourceRef="
                + "\"gwUrgency\" targetRef=\"taskDiagnosis\"/>", "<sequenceFlow id=\"flowToDiagnosis\" name=\"常规\""
                        + " flowdesk:nameEn=\"Normal\" sourceRef=\"gwUrgency\" targetRef=\"taskTriage\"/>\n"
                        + "    <sequenceFlow id=\"flowTriageToDiagnosis\" sourceRef=\"taskTriage\" targetRef="
                        + "\"taskDiagnosis\"/>");
        bpmn = bpmn.replace("<userTask id=\"taskDiagnosis\" name=\"诊断\" flowdesk:nameEn=\"Diagnosis\"",
                "<userTask id=\"taskTriage\" name=\"分诊\" flowdesk:nameEn=\"Triage\" flowable:formKey=\"" + key
                        + "-incident-diagnosis\" flowable:candidateGroups=\"it-support\" flowdesk:ticketStatus=\"OPEN\""
                        + " flowdesk:targetMinutes=\"30\"/>\n    <userTask id=\"taskDiagnosis\" name=\"故障诊断\""
                        + " flowdesk:nameEn=\"Fault diagnosis\"");
        if (!bpmn.contains("taskTriage") || bpmn.contains("taskOncallDiagnosis")) {
            throw new IllegalStateException("the shipped it-incident changed; update this fixture");
        }
        Map<String, JsonNode> forms = new TreeMap<>(v1.forms());
        ObjectNode report = forms.get(key + "-incident-report").deepCopy();
        ((ObjectNode) report.path("properties")).putObject("impact").put("type", "string").put("default", "medium")
                .putArray("enum").add("low").add("medium").add("high");
        ((com.fasterxml.jackson.databind.node.ArrayNode) report.path("required")).add("impact");
        ObjectNode ui = (ObjectNode) report.path("x-ui");
        ((com.fasterxml.jackson.databind.node.ArrayNode) ui.path("order")).add("impact");
        ObjectNode field = ((ObjectNode) ui.path("fields")).putObject("impact");
        field.put("widget", "select");
        field.putObject("label").put("zh-CN", "影响范围").put("en", "Impact");
        ObjectNode options = field.putObject("options");
        options.putObject("low").put("zh-CN", "低").put("en", "Low");
        options.putObject("medium").put("zh-CN", "中").put("en", "Medium");
        options.putObject("high").put("zh-CN", "高").put("en", "High");
        forms.put(key + "-incident-report", report);
        return new TemplatePackage(v1.folder(), v1.metadata(), bpmn, forms);
    }

    /** bug-escalation with the fix step renamed: the parallel branches stay. */
    public static TemplatePackage bugV2(TemplatePackage v1) {
        String bpmn = v1.bpmnXml().replace("name=\"研发修复\" flowdesk:nameEn=\"Engineering fix\"",
                "name=\"研发修复（新）\" flowdesk:nameEn=\"Engineering fix (new)\"");
        return new TemplatePackage(v1.folder(), v1.metadata(), bpmn, v1.forms());
    }

    private static String withoutDiagram(String bpmn) {
        return bpmn.replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "");
    }

    /** Writes a package as a process-templates folder under {@code root}. */
    public static void write(TemplatePackage pkg, Path root) throws IOException {
        Path dir = root.resolve(pkg.key());
        Files.createDirectories(dir.resolve("forms"));
        Files.writeString(dir.resolve("template.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                pkg.metadata()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("process.bpmn"), pkg.bpmnXml(), StandardCharsets.UTF_8);
        for (var e : pkg.forms().entrySet()) {
            Files.writeString(dir.resolve("forms").resolve(e.getKey() + ".json"), Json.MAPPER
                    .writerWithDefaultPrettyPrinter().writeValueAsString(e.getValue()), StandardCharsets.UTF_8);
        }
    }
}
