package io.flowdesk.channels.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every message of the corpus (src/test/resources/mail) reads with the expected subject and new text, or is unparsable. */
class MailCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/mail");

    /** One line of expected.tsv. */
    record Expected(String file, boolean unparsed, String subject, String contains, String excludes) {
        static List<Expected> all() throws Exception {
            return Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                    .map(c -> new Expected(c[0], c[1].equals("unparsed"), c[2], c[3], c[4])).toList();
        }

        byte[] raw() throws Exception {
            return Files.readAllBytes(CORPUS.resolve(file));
        }
    }

    @TestFactory
    List<DynamicTest> everyCorpusMessageReadsAsExpected() throws Exception {
        return Expected.all().stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> {
            if (e.unparsed()) {
                assertThrows(MailParser.Unparsable.class, () -> MailParser.parse(e.raw()));
                return;
            }
            ParsedMail mail = MailParser.parse(e.raw());
            assertEquals(e.subject(), mail.subject());
            assertTrue(mail.text().contains(e.contains()), () -> "new text of " + e.file() + ": " + mail.text());
            if (!e.excludes().isEmpty()) {
                assertFalse(mail.text().contains(e.excludes()), () -> "history folded in " + e.file() + ": "
                        + mail.text());
            }
        })).toList();
    }

    @Test
    void attachmentsAndInlineImagesAreKeptWithTheirNames() throws Exception {
        ParsedMail mail = MailParser.parse(Files.readAllBytes(CORPUS.resolve("attachments.eml")));
        assertEquals(2, mail.attachments().size());
        assertTrue(mail.attachments().stream().anyMatch(p -> p.fileName().equals("合同.pdf") && !p.inline()));
        assertTrue(mail.attachments().stream().anyMatch(p -> p.contentType().equals("image/png") && p.inline()));
    }

    @Test
    void theSenderNameInAnEncodedWordIsDecoded() throws Exception {
        ParsedMail mail = MailParser.parse(Files.readAllBytes(CORPUS.resolve("gb2312-really-gbk.eml")));
        assertEquals("王芳", mail.from().name());
        assertEquals("wang@example.cn", mail.from().email());
        assertEquals("corpus-1@mail.example.cn", mail.messageId());
    }

    @Test
    void htmlIsSanitised() throws Exception {
        ParsedMail mail = MailParser.parse(Files.readAllBytes(CORPUS.resolve("html-only.eml")));
        assertFalse(mail.html().contains("script"));
        assertFalse(mail.html().contains("onclick"));
        assertTrue(mail.html().contains("<b>yesterday</b>"));
    }

    @Test
    void interleavedAnswersAreNotFoldedAway() {
        var split = QuotedHistory.split("> What is your order number?\n12345\n> And the date?\nYesterday");
        assertTrue(split.text().contains("12345"));
        assertTrue(split.text().contains("Yesterday"));
    }
}
