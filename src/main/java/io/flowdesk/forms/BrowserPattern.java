package io.flowdesk.forms;

import java.util.Set;

/**
 * A vetted (Java) pattern rewritten for the HTML {@code pattern} attribute, which browsers compile as
 * {@code new RegExp("^(?:" + p + ")$", "v")}. The v flag rejects what Java and older JavaScript accept: a bare
 * {@code -} at the edge of a class, unescaped {@code ( ) { } / |} and doubled punctuation inside a class, and
 * identity escapes such as {@code \-} outside one; a pattern the browser rejects silently switches the client-side
 * check off. The server (networknt) stays the judge; this only keeps the hint working.
 */
public final class BrowserPattern {

    /** Characters a v-mode class must see escaped (syntax characters and reserved punctuators). */
    private static final String CLASS_PUNCTUATION = "()[]{}/-\\|&!#%,:;<=>@`~$*+.?^";
    /** Characters that may follow a backslash outside a class in u/v mode. */
    private static final String SYNTAX = "^$\\.*+?()[]{}|/";
    private static final Set<Character> CLASS_ESCAPES = Set.of('d', 'D', 'w', 'W', 's', 'S', 'n', 'r', 't', 'f', 'v',
            'b', 'p', 'P', 'u', 'x', '0', 'c');
    private static final Set<Character> ESCAPES = Set.of('d', 'D', 'w', 'W', 's', 'S', 'n', 'r', 't', 'f', 'v', 'b',
            'B', 'p', 'P', 'u', 'x', '0', 'c');

    private BrowserPattern() {
    }

    /** The browser form of {@code pattern}, or null when it uses Java-only syntax (then no attribute is set). */
    public static String of(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return null;
        }
        String p = pattern;
        if (p.startsWith("^")) {
            p = p.substring(1);
        }
        if (p.endsWith("$") && !p.endsWith("\\$")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.contains("\\Q") || p.contains("(?i") || p.contains("(?s") || p.contains("(?m") || p.contains("(?x")
                || p.contains("(?u") || p.contains("(?>")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    return null;
                }
                char next = p.charAt(++i);
                if (Character.isLetterOrDigit(next) && !ESCAPES.contains(next)) {
                    return null; // \A, \Z, \z, \h, \R, back-references... are Java only
                }
                if (Character.isLetterOrDigit(next) || SYNTAX.indexOf(next) >= 0) {
                    out.append('\\').append(next);
                } else {
                    out.append(next); // \- \: \" \  are literal characters, and invalid escapes in v mode
                }
            } else if (c == '[') {
                int end = classAt(p, i, out);
                if (end < 0) {
                    return null;
                }
                i = end;
            } else if ((c == '+' || c == '?') && i > 0 && isQuantifierEnd(p, i - 1)) {
                if (c == '+') {
                    return null; // possessive quantifier
                }
                out.append(c); // lazy quantifier: JavaScript has it too
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isQuantifierEnd(String p, int i) {
        char c = p.charAt(i);
        boolean escaped = i > 0 && p.charAt(i - 1) == '\\';
        return !escaped && (c == '*' || c == '+' || c == '?' || c == '}');
    }

    /** Copies the class starting at {@code start} in v-mode syntax; returns the index of its ']' or -1. */
    private static int classAt(String p, int start, StringBuilder out) {
        out.append('[');
        int i = start + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        boolean previousIsChar = false;
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                out.append(']');
                return i;
            }
            first = false;
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    return -1;
                }
                char next = p.charAt(++i);
                if (Character.isLetterOrDigit(next)) {
                    if (!CLASS_ESCAPES.contains(next)) {
                        return -1;
                    }
                    out.append('\\').append(next);
                    previousIsChar = next == 'u' || next == 'x' || next == '0' || next == 'n' || next == 't'
                            || next == 'r';
                } else {
                    appendClassChar(out, next);
                    previousIsChar = true;
                }
            } else if (c == '[') {
                return -1; // Java's nested classes and unions have no v-mode equivalent here
            } else if (c == '-' && previousIsChar && i + 1 < p.length() && p.charAt(i + 1) != ']') {
                out.append('-'); // a range such as a-z
                previousIsChar = false;
            } else if (c == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&') {
                return -1; // Java's class intersection
            } else {
                appendClassChar(out, c);
                previousIsChar = true;
            }
        }
        return -1;
    }

    private static void appendClassChar(StringBuilder out, char c) {
        if (CLASS_PUNCTUATION.indexOf(c) >= 0) {
            out.append('\\');
        }
        out.append(c);
    }
}
