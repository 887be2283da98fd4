package io.flowdesk.templates.internal;

import static io.flowdesk.templates.internal.PublishGateTest.VALID_BODY;
import static io.flowdesk.templates.internal.PublishGateTest.bpmn;
import static io.flowdesk.templates.internal.PublishGateTest.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The publish gate's condition grammar (rule condition-grammar) on the shapes found from outside (issue 15). */
class ConditionGrammarTest {

    private static FieldError only(String condition) {
        String body = VALID_BODY.replace("<sequenceFlow id=\"fBig\" sourceRef=\"gw\"",
                "<sequenceFlow id=\"fBig\" name=\"金额较大\" flowdesk:nameEn=\"Big amount\" sourceRef=\"gw\"")
                .replace("${amount > 500}", condition.replace("&", "&amp;").replace("<", "&lt;"));
        List<FieldError> errors = check(bpmn(body));
        assertEquals(1, errors.size(), condition + " → " + errors);
        assertEquals("fBig", errors.get(0).pointer());
        return errors.get(0);
    }

    private static void assertGrammar(String condition, String... words) {
        FieldError error = only(condition);
        assertEquals("condition-grammar", error.rule(), error.toString());
        String en = error.text().in(Messages.EN);
        String zh = error.text().in(Messages.ZH);
        assertTrue(en.startsWith("The condition of flow '"), en);
        assertTrue(zh.contains("金额较大"), zh);
        for (String word : words) {
            assertTrue(en.contains(word), en);
        }
    }

    @Test
    void readingAPropertyOfAValueIsRejectedNamingTheFlow() {
        assertGrammar("${ticketPriority.bytes != null}", "'bytes'", "properties or methods");
        assertGrammar("${ticketPriority.empty}", "'empty'");
        assertGrammar("${amount.value > 5}", "'value'", "'Amount' (amount)");
    }

    @Test
    void callsIndexingArithmeticAndTernariesAreRejected() {
        // calls are caught one layer earlier, by the scan's token check
        assertTrue(List.of("unsafe-expression", "condition-grammar").contains(
                only("${ticketPriority.length() > 2}").rule()));
        assertGrammar("${amount[0] == 1}");
        assertGrammar("${amount + 1 > 500}", "'+'");
        assertGrammar("${ok ? true : false}", "'?'");
        assertGrammar("${amount mod 2 == 0}", "'mod'");
    }

    @Test
    void typesMustBeWhatTheSandboxCanEvaluate() {
        assertGrammar("${!amount == 5}", "combines 'Amount' (amount)");
        assertGrammar("${amount && ok}", "combines");
        assertGrammar("${ok}", "write ${ok == true}");
        assertGrammar("${amount == ticketPriority}", "different kinds");
        assertGrammar("${ok < ticketPriority}", "'<'");
        assertGrammar("${'a' == 'a' == true}", "'=='");
    }

    @Test
    void unknownNamesAreReportedOnceByTheFieldRule() {
        assertEquals("unknown-field", only("${nobody == 1}").rule());
    }

    @Test
    void whatDesignersWriteStillPasses() {
        for (String condition : List.of("${amount > 500}", "${!ok}", "${ok && amount > 500}", "${ok == true}",
                "${not ok or (amount >= 10.5 and amount lt 20)}", "${empty amount}", "${ticketPriority == 'P1'}",
                "${amount != null && -3 < amount}", "${!ok == true}", "${ticketId > 0}")) {
            String body = VALID_BODY.replace("${amount > 500}", condition.replace("&", "&amp;").replace("<", "&lt;"));
            assertEquals(List.of(), check(bpmn(body)), condition);
        }
    }
}
