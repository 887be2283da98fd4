package io.flowdesk.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one message catalogue is complete in zh-CN and en, and every key the code names is in it. */
class MessageCatalogueTest {

    /** Names that are the same in Chinese UIs (products, standards). */
    private static final Set<String> SAME_IN_BOTH = Set.of("JSON Schema", "API", "BPMN", "FlowDesk");

    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|Text\\.of|Messages\\.get\\([^,()]+,|translate)\\(\\s*\"([a-zA-Z][\\w.-]*)\"");

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageCatalogueTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        // a second definition silently wins: the first text (often another feature's) would never be read
        List<String> duplicates = new ArrayList<>();
        for (String file : List.of("translations.properties", "translations_zh_CN.properties")) {
            Set<String> seen = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/vaadin-i18n", file),
                    StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                int eq = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 0) {
                    continue;
                }
                String key = trimmed.substring(0, eq).strip();
                if (!seen.add(key)) {
                    duplicates.add(file + ": " + key);
                }
            }
        }
        assertTrue(duplicates.isEmpty(), "keys defined twice: " + duplicates);
    }

    @Test
    void everyKeyIsInBothLanguages() throws IOException {
        Properties en = load("translations.properties");
        Properties zh = load("translations_zh_CN.properties");
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), onlyEn, "keys without a zh-CN text");
        assertEquals(Set.of(), onlyZh, "keys without an English text");
    }

    @Test
    void noTextIsEmptyAndEveryPatternFormats() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String file : List.of("translations.properties", "translations_zh_CN.properties")) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                if (text.isBlank()) {
                    problems.add(file + ": " + key + " is empty");
                    continue;
                }
                if (text.matches("(?s).*\\{\\d.*")) {
                    try {
                        String formatted = new MessageFormat(text).format(new Object[] {"A", "B", "C", "D", "E"});
                        if (text.replace("''", "").contains("'")) {
                            problems.add(file + ": " + key + " has a lone apostrophe (write '' in a pattern)");
                        }
                        assertTrue(!formatted.isEmpty());
                    } catch (IllegalArgumentException e) {
                        problems.add(file + ": " + key + " is not a valid pattern: " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void chineseTextsAreChinese() throws IOException {
        Properties zh = load("translations_zh_CN.properties");
        Properties en = load("translations.properties");
        List<String> untranslated = new ArrayList<>();
        for (String key : zh.stringPropertyNames()) {
            String text = zh.getProperty(key);
            boolean hasLetters = text.replaceAll("\\{[^}]*}", "").matches("(?s).*[A-Za-z]{3,}.*");
            boolean hasHan = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (hasLetters && !hasHan && text.equals(en.getProperty(key)) && !SAME_IN_BOTH.contains(text)) {
                untranslated.add(key + "=" + text);
            }
        }
        assertEquals(List.of(), untranslated, "zh-CN texts that are the English ones");
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties en = load("translations.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    boolean known = key.endsWith(".")
                            ? en.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : en.containsKey(key);
                    if (!known) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "keys named in code but not in the catalogue");
    }
}
