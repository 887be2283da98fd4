package io.flowdesk.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowdesk.templates.TemplateDiff.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reviewer sees what a new version changes in behaviour, and nothing for layout-only edits. */
class TemplateDiffTest {

    private static final Path SHIPPED = Path.of("process-templates", "ecommerce-refund");

    @TempDir
    Path tmp;

    private Path copyOfShipped() throws IOException {
        Path copy = tmp.resolve("ecommerce-refund");
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(SHIPPED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void sameTemplateHasNoChanges() {
        TemplatePackage shipped = TemplateImporter.read(SHIPPED);

        assertEquals(List.of(), TemplateDiff.between(shipped, shipped).changes());
    }

    @Test
    void layoutOnlyEditsProduceNoChanges() throws IOException {
        Path copy = copyOfShipped();
        edit(copy.resolve("process.bpmn"), "<dc:Bounds x=\"170\" y=\"200\"", "<dc:Bounds x=\"210\" y=\"260\"");
        edit(copy.resolve("process.bpmn"), "<di:waypoint x=\"116\" y=\"240\"/>", "<di:waypoint x=\"120\" y=\"250\"/>");

        assertEquals(List.of(), TemplateDiff.between(TemplateImporter.read(SHIPPED), TemplateImporter.read(copy))
                .changes());
    }

    @Test
    void behaviourChangesAreListedElementByElementAndFieldByField() throws IOException {
        Path copy = copyOfShipped();
        Path bpmn = copy.resolve("process.bpmn");
        edit(bpmn, "name=\"主管审批\" flowdesk:nameEn=\"Supervisor approval\"",
                "name=\"经理审批\" flowdesk:nameEn=\"Supervisor approval\"");
        edit(bpmn, "flowable:candidateGroups=\"warehouse\"", "flowable:candidateGroups=\"logistics\"");
        edit(bpmn, "<sequenceFlow id=\"flowToConfirm\" sourceRef=\"taskPayment\" targetRef=\"taskConfirm\"/>", """
                <sequenceFlow id="flowToAudit" sourceRef="taskPayment" targetRef="taskAudit"/>
                <userTask id="taskAudit" name="稽核" flowable:formKey="refund-payment" flowable:candidateGroups="finance"/>
                <sequenceFlow id="flowAuditToConfirm" sourceRef="taskAudit" targetRef="taskConfirm"/>""");
        edit(bpmn, "${accepted && refundAmount > 500}", "${accepted && refundAmount > 1000}");
        edit(bpmn, "<dc:Bounds x=\"170\" y=\"200\"", "<dc:Bounds x=\"210\" y=\"260\"");
        Path request = copy.resolve("forms/refund-request.json");
        edit(request, "\"description\": {\n      \"type\": \"string\",\n      \"maxLength\": 2000\n    },\n", "");
        edit(request, "\"reason\"\n  ],", "\"reason\",\n    \"contactPhone\"\n  ],");

        List<Change> changes = TemplateDiff.between(TemplateImporter.read(SHIPPED), TemplateImporter.read(copy))
                .changes();

        assertEquals(List.of(
                new Change("bpmn", "", "flowAuditToConfirm", "added", "flowAuditToConfirm",
                        List.of("type: sequenceFlow", "sourceRef: taskAudit", "targetRef: taskConfirm")),
                new Change("bpmn", "", "flowNeedsApproval", "changed", "金额超过 500",
                        List.of("condition: ${accepted && refundAmount > 500} → ${accepted && refundAmount > 1000}")),
                new Change("bpmn", "", "flowToAudit", "added", "flowToAudit",
                        List.of("type: sequenceFlow", "sourceRef: taskPayment", "targetRef: taskAudit")),
                new Change("bpmn", "", "flowToConfirm", "removed", "flowToConfirm",
                        List.of("type: sequenceFlow", "sourceRef: taskPayment", "targetRef: taskConfirm")),
                new Change("bpmn", "", "taskApproval", "changed", "经理审批", List.of("name: 主管审批 → 经理审批")),
                new Change("bpmn", "", "taskAudit", "added", "稽核", List.of("type: userTask", "name: 稽核",
                        "flowable:formKey: refund-payment", "flowable:candidateGroups: finance")),
                new Change("bpmn", "", "taskIntercept", "changed", "仓储拦截",
                        List.of("flowable:candidateGroups: warehouse → logistics")),
                new Change("form", "refund-request", "contactPhone", "changed", "联系电话",
                        List.of("required: false → true")),
                new Change("form", "refund-request", "description", "removed", "问题描述", List.of("type: string",
                        "widget: textarea", "label.en: Description", "label.zh-CN: 问题描述", "required: false",
                        "maxLength: 2000"))), changes);
    }

    @Test
    void metadataFieldTypesAndFormsAreReported() throws IOException {
        Path copy = copyOfShipped();
        edit(copy.resolve("template.json"), "\"public\": true", "\"public\": false");
        edit(copy.resolve("forms/refund-approval.json"), "\"type\": \"boolean\"", "\"type\": \"string\"");
        Files.delete(copy.resolve("forms/refund-intercept.json"));

        List<Change> changes = TemplateDiff.between(TemplateImporter.read(SHIPPED), TemplateImporter.read(copy))
                .changes();

        assertEquals(List.of(
                new Change("template", "", "ecommerce-refund", "changed", "电商售后退款", List.of("public: true → false")),
                new Change("form", "refund-approval", "approved", "changed", "审批结果",
                        List.of("type: boolean → string")),
                new Change("form", "refund-intercept", "", "removed", "仓储拦截", List.of())), changes);
    }
}
