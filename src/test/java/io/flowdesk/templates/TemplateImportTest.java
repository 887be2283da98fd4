package io.flowdesk.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.templates.internal.PublishGateTest;
import io.flowdesk.workflow.WorkflowEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of templates with bad ones among them: the bad are rejected by name, the good still load. */
@QuarkusTest
class TemplateImportTest {

    @Inject
    TemplateImporter importer;

    @Inject
    TemplateService templates;

    @Inject
    WorkflowEngine engine;

    @TempDir
    Path root;

    private void folder(String key, String body, String prolog) throws Exception {
        Path dir = Files.createDirectories(root.resolve(key).resolve("forms"));
        Files.writeString(dir.getParent().resolve("template.json"), """
                {"key":"%s","name":{"zh-CN":"导入测试","en":"Import test"},"ticketType":"test","startForm":"%s-form"}"""
                .formatted(key, key));
        Files.writeString(dir.resolve(key + "-form.json"), PublishGateTest.FORM);
        String xml = PublishGateTest.bpmn(body.replace("test-form", key + "-form")).replace("gate-test", key);
        Files.writeString(dir.getParent().resolve("process.bpmn"), prolog == null ? xml
                : xml.replace("<definitions", prolog + "\n<definitions"));
    }

    @Test
    void badFoldersAreRejectedNamingTheElementAndGoodOnesLoad() throws Throwable {
        String good = PublishGateTest.VALID_BODY;
        folder("imp-good", good, null);
        folder("imp-script", good.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>", """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="runScript"/>
                <scriptTask id="runScript" scriptFormat="javascript"><script>java.lang.System.exit(1)</script></scriptTask>
                <sequenceFlow id="f4" sourceRef="runScript" targetRef="end"/>"""), null);
        folder("imp-class", good.replace("<sequenceFlow id=\"f3\" sourceRef=\"approve\" targetRef=\"end\"/>", """
                <sequenceFlow id="f3" sourceRef="approve" targetRef="callJava"/>
                <serviceTask id="callJava" flowable:class="com.example.Evil"/>
                <sequenceFlow id="f4" sourceRef="callJava" targetRef="end"/>"""), null);
        folder("imp-doctype", good, "<!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        folder("imp-noform", good.replace("name=\"审批\" flowable:formKey=\"test-form\"", "name=\"审批\""), null);

        Map<String, ImportResult> results = VertxContextSupport.subscribeAndAwait(() -> importer.importDirectory(root))
                .stream().collect(Collectors.toMap(ImportResult::folder, Function.identity()));

        assertEquals(ImportResult.PUBLISHED, results.get("imp-good").outcome());
        assertRejectedAt(results.get("imp-script"), "runScript");
        assertRejectedAt(results.get("imp-class"), "callJava");
        assertRejectedAt(results.get("imp-doctype"), "process.bpmn");
        assertRejectedAt(results.get("imp-noform"), "approve");
        for (String rejected : List.of("imp-script", "imp-class", "imp-doctype", "imp-noform")) {
            assertEquals(0, engine.processEngine().getRepositoryService().createDeploymentQuery()
                    .deploymentKey(rejected).count(), rejected + " must not be deployed");
        }
        assertEquals(1, VertxContextSupport.subscribeAndAwait(() -> templates.latestPublished("imp-good")).version());

        // importing the same content again publishes nothing new
        Map<String, ImportResult> again = VertxContextSupport.subscribeAndAwait(() -> importer.importDirectory(root))
                .stream().collect(Collectors.toMap(ImportResult::folder, Function.identity()));
        assertEquals(ImportResult.UNCHANGED, again.get("imp-good").outcome());

        // a change makes version 2; the shipped templates are untouched by all of this
        folder("imp-good", good.replace("name=\"受理\"", "name=\"受理（新）\""), null);
        Map<String, ImportResult> changed = VertxContextSupport.subscribeAndAwait(() -> importer.importDirectory(root))
                .stream().collect(Collectors.toMap(ImportResult::folder, Function.identity()));
        assertEquals(ImportResult.PUBLISHED, changed.get("imp-good").outcome());
        assertEquals(2, changed.get("imp-good").version());
    }

    private static void assertRejectedAt(ImportResult result, String element) {
        assertEquals(ImportResult.REJECTED, result.outcome(), result.toString());
        assertTrue(result.errors().stream().anyMatch(e -> e.pointer().equals(element)),
                "expected an error naming " + element + ": " + result.errors());
    }
}
