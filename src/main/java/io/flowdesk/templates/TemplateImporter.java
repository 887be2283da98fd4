package io.flowdesk.templates;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Json;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Imports every folder of {@code process-templates/} through the publish gate. One bad folder is reported and
 * skipped; the others still load. Re-importing unchanged content publishes nothing.
 */
@ApplicationScoped
public class TemplateImporter {

    private static final Logger LOG = Logger.getLogger(TemplateImporter.class);
    private static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    @Inject
    TemplateService templates;

    /** Reads folders (blocking file I/O: call from a worker or start-up thread), then publishes each. */
    public Uni<List<ImportResult>> importDirectory(Path root) {
        List<Object> packages = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            LOG.warnf("No template folder at %s; nothing imported", root.toAbsolutePath());
            return Uni.createFrom().item(List.of());
        }
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(Files::isDirectory).sorted().forEach(folder -> {
                try {
                    packages.add(read(folder));
                } catch (RuntimeException e) {
                    packages.add(new ImportResult(folder.getFileName().toString(), folder.getFileName().toString(),
                            ImportResult.REJECTED, null, List.of(new FieldError(folder.getFileName().toString(),
                                    e.getMessage(), "unreadable"))));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Multi.createFrom().iterable(packages).onItem().transformToUniAndConcatenate(item -> {
            if (item instanceof ImportResult rejected) {
                return Uni.createFrom().item(rejected);
            }
            TemplatePackage pkg = (TemplatePackage) item;
            return templates.publish(pkg).onFailure().recoverWithItem(e -> new ImportResult(pkg.folder(), pkg.key(),
                    ImportResult.REJECTED, null, List.of(new FieldError(pkg.folder(), String.valueOf(e.getMessage()),
                            "publish-failed"))));
        }).invoke(TemplateImporter::log).collect().asList();
    }

    /** Reads one folder: template.json, the BPMN it names (default process.bpmn) and forms/*.json. */
    public static TemplatePackage read(Path folder) {
        String name = folder.getFileName().toString();
        JsonNode metadata = Json.parse(readText(folder.resolve("template.json"), name + "/template.json"));
        String bpmnFile = metadata.path("bpmn").asText("process.bpmn");
        if (bpmnFile.contains("/") || bpmnFile.contains("\\") || bpmnFile.startsWith(".")) {
            throw new IllegalArgumentException(name + "/template.json: bpmn must be a file name in the folder");
        }
        String bpmn = readText(folder.resolve(bpmnFile), name + "/" + bpmnFile);
        Map<String, JsonNode> forms = new TreeMap<>();
        Path formDir = folder.resolve("forms");
        if (Files.isDirectory(formDir)) {
            try (Stream<Path> files = Files.list(formDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    String key = file.getFileName().toString().replaceFirst("\\.json$", "");
                    forms.put(key, Json.parse(readText(file, name + "/forms/" + file.getFileName())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TemplatePackage(name, metadata, bpmn, forms);
    }

    private static String readText(Path file, String label) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(label + " is missing");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(label + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(label + " cannot be read: " + e.getMessage());
        } catch (io.flowdesk.shared.InvalidInput e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage());
        }
    }

    private static void log(ImportResult result) {
        if (ImportResult.REJECTED.equals(result.outcome())) {
            LOG.errorf("Template folder '%s' REJECTED by the publish gate; nothing of it was deployed:", result.folder());
            for (FieldError error : result.errors()) {
                LOG.errorf("  %s [%s] %s", error.pointer(), error.rule(), error.message());
            }
        } else {
            LOG.infof("Template '%s': %s (version %d)", result.key(), result.outcome(), result.version());
        }
    }
}
