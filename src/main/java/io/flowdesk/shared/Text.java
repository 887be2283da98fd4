package io.flowdesk.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sentence for a person, kept as a catalogue key and its arguments until the edge (REST response, view, mail)
 * puts it into the reader's language. Arguments that are themselves {@code Text} are translated too, so a
 * message can name an element or a label that has its own key.
 *
 * <p>{@link #literal(String)} wraps words that need no translation (a field label the user typed in one
 * language, a file name); it is not a way around the catalogue for FlowDesk's own sentences.
 */
public record Text(String key, List<Object> args) {

    private static final String LITERAL = "";

    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args.stream().map(a -> a == null ? "" : a).toList());
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** Words that are the same in every language (user data, names); shown as they are. */
    public static Text literal(String words) {
        return new Text(LITERAL, List.of(words == null ? "" : words));
    }

    /** Two texts in the user's languages: {@code zh} for Chinese readers, {@code en} for everyone else. */
    public static Text bilingual(String zh, String en) {
        return new Text(LITERAL, List.of(new Bilingual(zh, en)));
    }

    public boolean isLiteral() {
        return key.isEmpty();
    }

    /** In the given language. */
    public String in(Locale locale) {
        return Messages.format(locale, this);
    }

    /** In English, for logs and exception messages (never shown to a user as such). */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }

    record Bilingual(String zh, String en) {
        String in(Locale locale) {
            String chosen = Messages.isChinese(locale) ? zh : en;
            return chosen == null || chosen.isBlank() ? (zh == null || zh.isBlank() ? en : zh) : chosen;
        }
    }
}
