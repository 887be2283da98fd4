package io.flowdesk.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowdesk.shared.InvalidInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A template error reaches the reader in their language, not as an English literal. */
class TemplateErrorTextTest {

    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    @Test
    void anArchiveWithoutProcessSaysSoInBothLanguages() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("refund/template.json"));
            zip.write("{\"key\":\"refund\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        InvalidInput e = assertThrows(InvalidInput.class, () -> TemplateArchive.read(bytes.toByteArray()));
        assertEquals("无法导入该模板压缩包", e.message(ZH));
        assertEquals("The template archive cannot be imported", e.message(Locale.ENGLISH));
        var missing = e.errors().stream().filter(f -> f.pointer().equals("process.bpmn")).findFirst().orElseThrow();
        assertEquals("压缩包中没有 process.bpmn", missing.message(ZH));
        assertEquals("The archive has no process.bpmn", missing.message(Locale.ENGLISH));
    }

    @Test
    void aBrokenJsonEntryNamesTheEntryAndTheParserProblemInTheReadersLanguage() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("refund/template.json"));
            zip.write("{not json".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        InvalidInput e = assertThrows(InvalidInput.class, () -> TemplateArchive.read(bytes.toByteArray()));
        var bad = e.errors().stream().filter(f -> f.pointer().equals("template.json")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(bad.message(ZH).startsWith("不是有效的 JSON："), bad.message(ZH));
        org.junit.jupiter.api.Assertions.assertTrue(bad.message(Locale.ENGLISH).startsWith("Not valid JSON: "));
    }
}
