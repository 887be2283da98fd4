package io.flowdesk.templates;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A template as a zip in the {@code process-templates/} format: {@code <key>/template.json},
 * {@code <key>/process.bpmn}, {@code <key>/forms/<form>.json}. Reading accepts exactly those names (with or
 * without the folder) and nothing else: no other paths, no "..", bounded sizes.
 */
public final class TemplateArchive {

    public static final int MAX_ENTRY_BYTES = 2 * 1024 * 1024;
    public static final int MAX_ENTRIES = 200;
    private static final Pattern NAME = Pattern.compile(
            "(?:([a-z][a-z0-9-]{1,63})/)?(template\\.json|process\\.bpmn|forms/([a-z][a-z0-9-]{1,63})\\.json"
                    + "|README\\.md)");

    private TemplateArchive() {
    }

    public static byte[] write(TemplatePackage pkg) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            String folder = pkg.key() + "/";
            put(zip, folder + "template.json", Json.pretty(pkg.metadata()));
            put(zip, folder + "process.bpmn", pkg.bpmnXml());
            for (Map.Entry<String, JsonNode> form : new TreeMap<>(pkg.forms()).entrySet()) {
                put(zip, folder + "forms/" + form.getKey() + ".json", Json.pretty(form.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Reads a zip; every problem is reported by entry name, and a bad archive yields nothing. */
    public static TemplatePackage read(byte[] archive) {
        List<FieldError> errors = new ArrayList<>();
        String metadata = null;
        String bpmn = null;
        String folder = null;
        Map<String, JsonNode> forms = new TreeMap<>();
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++count > MAX_ENTRIES) {
                    throw new InvalidInput(Text.of("template.error.archiveTooManyEntries", String.valueOf(MAX_ENTRIES)),
                            List.of(new FieldError("archive", Text.of("template.error.archiveTooManyEntriesShort"), "archive")));
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                Matcher m = NAME.matcher(name);
                if (!m.matches()) {
                    errors.add(new FieldError(name, Text.of("template.error.archiveStrayEntry"), "archive"));
                    continue;
                }
                if (folder != null && m.group(1) != null && !folder.equals(m.group(1))) {
                    errors.add(new FieldError(name, Text.of("template.error.archiveManyFolders"), "archive"));
                    continue;
                }
                folder = m.group(1) != null ? m.group(1) : folder;
                String text = readEntry(zip, name);
                if (m.group(2).equals("template.json")) {
                    metadata = text;
                } else if (m.group(2).equals("process.bpmn")) {
                    bpmn = text;
                } else if (m.group(3) != null) {
                    try {
                        forms.put(m.group(3), Json.parse(text));
                    } catch (InvalidInput e) {
                        errors.add(new FieldError(name, Text.of("template.error.archiveBadJson", e.text()), "json"));
                    }
                }
            }
        } catch (IOException e) {
            throw InvalidInput.of("archive", Text.of("template.error.archiveNotZip"), "archive");
        }
        if (metadata == null) {
            errors.add(new FieldError("template.json", Text.of("template.error.archiveNoTemplateJson"), "archive"));
        }
        if (bpmn == null) {
            errors.add(new FieldError("process.bpmn", Text.of("template.error.archiveNoBpmn"), "archive"));
        }
        JsonNode meta = null;
        if (metadata != null) {
            try {
                meta = Json.parse(metadata);
            } catch (InvalidInput e) {
                errors.add(new FieldError("template.json", Text.of("template.error.archiveBadJson", e.text()), "json"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(Text.of("template.error.archiveCannotImport"), errors);
        }
        return new TemplatePackage(folder == null ? meta.path("key").asText("template") : folder, meta, bpmn, forms);
    }

    private static String readEntry(ZipInputStream zip, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new InvalidInput(Text.of("template.error.archiveEntryTooLarge", name, String.valueOf(MAX_ENTRY_BYTES)),
                        List.of(new FieldError(name, Text.of("template.error.archiveEntryTooLargeShort",
                                String.valueOf(MAX_ENTRY_BYTES)), "size")));
            }
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
