package io.flowdesk.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Vetted patterns become what the browser's v-flag pattern attribute accepts (checked in Chromium by FormsBrowserIT). */
class BrowserPatternTest {

    @Test
    void anchorsAreDroppedSinceTheAttributeIsAnchored() {
        assertEquals("[A-Z]{3}", BrowserPattern.of("^[A-Z]{3}$"));
        assertEquals("a\\$", BrowserPattern.of("a\\$"));
    }

    @Test
    void aHyphenAtTheEdgeOfAClassIsEscapedAndRangesStay() {
        assertEquals("[A-Za-z0-9\\-]+", BrowserPattern.of("^[A-Za-z0-9-]+$"));
        assertEquals("\\+?[0-9][0-9 \\-]{5,19}", BrowserPattern.of("^\\+?[0-9][0-9 -]{5,19}$"));
        assertEquals("[\\-a]", BrowserPattern.of("[-a]"));
        assertEquals("[^\\-a]", BrowserPattern.of("[^-a]"));
    }

    @Test
    void punctuationInsideAClassIsEscapedAndIdentityEscapesOutsideAreLiteral() {
        assertEquals("[\\(\\)\\/\\|\\.\\+]", BrowserPattern.of("[()/|.+]"));
        assertEquals("a-b:c", BrowserPattern.of("a\\-b\\:c"));
        assertEquals("\\d+\\.\\d{2}", BrowserPattern.of("^\\d+\\.\\d{2}$"));
        assertEquals("[\\d\\s]", BrowserPattern.of("[\\d\\s]"));
    }

    @Test
    void javaOnlySyntaxGivesNoAttribute() {
        assertNull(BrowserPattern.of("\\Aabc\\z"));
        assertNull(BrowserPattern.of("(?i)abc"));
        assertNull(BrowserPattern.of("[a-z&&[^e]]"));
        assertNull(BrowserPattern.of("a++"));
        assertNull(BrowserPattern.of(""));
    }
}
