package io.flowdesk.routing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code flowdesk:skills} attribute: {@code network:3,printer:1} (skill key : minimum level 1–5). */
public final class Skills {

    private Skills() {
    }

    /** The required skills; a part without a valid level asks for level 1, nonsense parts are left out. */
    public static Map<String, Integer> parse(String attribute) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        if (attribute == null || attribute.isBlank()) {
            return skills;
        }
        for (String part : attribute.split(",")) {
            String[] pair = part.strip().split(":", 2);
            String key = pair[0].strip();
            if (key.isEmpty()) {
                continue;
            }
            int level = 1;
            if (pair.length == 2) {
                try {
                    level = Math.max(1, Math.min(5, Integer.parseInt(pair[1].strip())));
                } catch (NumberFormatException e) {
                    level = 1;
                }
            }
            skills.put(key, level);
        }
        return skills;
    }

    public static String format(Map<String, Integer> skills) {
        StringBuilder out = new StringBuilder();
        skills.forEach((key, level) -> out.append(out.isEmpty() ? "" : ",").append(key).append(':').append(level));
        return out.toString();
    }
}
