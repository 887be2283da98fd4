package io.flowdesk.channels.mail;

import static io.flowdesk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real-world messages from public, permissively licensed mail-parsing projects (src/test/resources/mail/corpus,
 * sources and licences in SOURCES.md): each is handed over like a mail server would and becomes a ticket with the
 * expected subject and text, or is recorded (unparsed, bounce) — never an exception, never a 500.
 */
@QuarkusTest
class PublicCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/mail/corpus");

    /** One line of corpus/expected.tsv: file, outcome, subject, a piece of the text. */
    record Expected(String file, String outcome, String subject, String contains) {
        static List<Expected> all() throws Exception {
            return Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", -1))
                    .map(c -> new Expected(c[0], c[1], c[2], c[3])).toList();
        }
    }

    @BeforeEach
    void mailbox() {
        as("admin").body(Map.of("address", "corpus@flowdesk.test")).put("/api/admin/mailboxes/corpus")
                .then().statusCode(200);
    }

    @TestFactory
    List<DynamicTest> everyPublicMessageBecomesATicketOrARecordNeverAnError() throws Exception {
        List<Expected> all = Expected.all();
        assertEquals(all.size(), Files.list(CORPUS).filter(p -> p.toString().endsWith(".eml")).count(),
                "every corpus file has its line in expected.tsv");
        return all.stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> {
            byte[] raw = Files.readAllBytes(CORPUS.resolve(e.file()));
            if (e.outcome().equals("unparsed")) {
                assertThrows(MailParser.Unparsable.class, () -> MailParser.parse(raw));
            } else {
                ParsedMail mail = MailParser.parse(raw);
                String subject = mail.subject() == null ? "" : mail.subject();
                if (e.subject().endsWith("…")) { // a very long subject: its beginning
                    String start = e.subject().substring(0, e.subject().length() - 1);
                    assertTrue(subject.startsWith(start), () -> e.file() + " subject: " + subject);
                } else {
                    assertEquals(e.subject(), subject, e.file());
                }
                assertTrue(mail.text().contains(e.contains()), () -> e.file() + " reads: " + mail.text());
            }
            Response r = given().auth().preemptive().basic("admin", "demo").contentType("message/rfc822").body(raw)
                    .post("/api/intake/mail?mailbox=corpus");
            assertEquals(200, r.statusCode(), () -> e.file() + ": " + r.asString());
            Map<String, Object> result = r.jsonPath().getMap("");
            String outcome = e.outcome().equals("ticket") ? "created" : e.outcome();
            assertEquals(outcome, result.get("outcome"), () -> e.file() + ": " + result);
            if (outcome.equals("created") && !Boolean.TRUE.equals(result.get("duplicate"))) {
                String number = (String) result.get("ticketNumber");
                var ticket = io.flowdesk.testing.Api.ticket("admin", number).then().statusCode(200).extract()
                        .jsonPath();
                String subject = MailParser.parse(raw).subject();
                String title = subject == null || subject.isBlank() ? ticket.getString("title") : subject.strip();
                assertEquals(MailImporterTitle.clip(title), ticket.getString("title"), e.file());
            }
        })).toList();
    }

    /** The importer's title rule: the subject, clipped to 300 characters. */
    static final class MailImporterTitle {
        static String clip(String s) {
            return s.length() <= 300 ? s : s.substring(0, 299) + "…";
        }
    }
}
