package io.flowdesk.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FlowDesk's one message catalogue: {@code vaadin-i18n/translations.properties} (English) and
 * {@code translations_zh_CN.properties}, the same files Vaadin's {@code getTranslation} reads, so views, REST
 * errors, lint, mails and the timeline all speak from one place. Patterns use {@link MessageFormat}.
 */
public final class Messages {

    public static final String BUNDLE = "vaadin-i18n.translations";
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(ZH, EN);

    private static final ConcurrentHashMap<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** zh, zh-CN, zh-Hans… are Chinese; everything else is English. */
    public static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /** The supported locale for a language tag or an {@code Accept-Language} value; English when unknown. */
    public static Locale locale(String tagOrHeader) {
        if (tagOrHeader == null || tagOrHeader.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(tagOrHeader)) {
                String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (language.equals("zh")) {
                    return ZH;
                }
                if (language.equals("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header is answered in English
        }
        return EN;
    }

    public static String tag(Locale locale) {
        return isChinese(locale) ? "zh-CN" : "en";
    }

    public static String get(Locale locale, String key, Object... args) {
        return format(locale, Text.of(key, args));
    }

    public static String format(Locale locale, Text text) {
        Object[] args = text.args().stream().map(a -> resolve(locale, a)).toArray();
        if (text.isLiteral()) {
            return args.length == 0 ? "" : String.valueOf(args[0]);
        }
        String pattern = pattern(locale, text.key());
        if (pattern == null) {
            return text.key();
        }
        // as Vaadin's getTranslation: a pattern without arguments is shown as written
        return args.length == 0 ? pattern : new MessageFormat(pattern, isChinese(locale) ? ZH : EN).format(args);
    }

    /** The raw pattern for a key, or null when the catalogue lacks it. */
    public static String pattern(Locale locale, String key) {
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public static ResourceBundle bundle(Locale locale) {
        Locale chosen = isChinese(locale) ? ZH : Locale.ROOT;
        return BUNDLES.computeIfAbsent(chosen, l -> ResourceBundle.getBundle(BUNDLE, l,
                Messages.class.getClassLoader(), NO_FALLBACK));
    }

    private static Object resolve(Locale locale, Object arg) {
        if (arg instanceof Text nested) {
            return format(locale, nested);
        }
        if (arg instanceof Text.Bilingual both) {
            return both.in(locale);
        }
        if (arg instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        // numbers stay as written (100000, not 100,000): limits and amounts are read back by people
        return String.valueOf(arg);
    }
}
