package io.flowdesk.templates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.identity.Department;
import io.flowdesk.identity.DemoUsers;
import io.flowdesk.templates.TemplateImporter;
import io.flowdesk.templates.TemplatePackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every folder under process-templates/ passes the publish gate as shipped. */
class ShippedTemplatesGateTest {

    @Test
    void everyShippedTemplatePassesTheGate() throws Exception {
        Set<String> departments = DemoUsers.DEPARTMENTS.stream().map(Department::key).collect(Collectors.toSet());
        List<Path> folders;
        try (Stream<Path> list = Files.list(Path.of("process-templates"))) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(folders.size() >= 3, "the three shipped templates are there");
        for (Path folder : folders) {
            TemplatePackage pkg = TemplateImporter.read(folder);
            assertEquals(List.of(), PublishGate.check(pkg, departments), folder.toString());
            assertTrue(Files.isRegularFile(folder.resolve("README.md")), folder + " has a README");
        }
    }
}
