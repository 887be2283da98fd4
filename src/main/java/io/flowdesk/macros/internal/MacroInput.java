package io.flowdesk.macros.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.macros.Macro;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.Priority;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A macro as sent by a client, read field by field so that an unknown field, a wrong type or a missing name is a 422
 * that names the field by its label, never a 400 or a 500.
 */
public record MacroInput(String key, String nameZh, String nameEn, String scope, String department, String replyZh,
        String replyEn, boolean internal, List<Macro.Action> actions, Integer version) {

    public static final List<String> TYPES = List.of("status", "priority", "addTag", "removeTag", "transfer");
    /** The statuses a macro may set: those a step may declare (the flow's end sets the final ones). */
    public static final List<String> STATUSES = List.of("OPEN", "IN_PROGRESS", "WAITING_CUSTOMER",
            "WAITING_THIRD_PARTY", "RESOLVED");
    private static final Set<String> FIELDS = Set.of("key", "nameZh", "nameEn", "scope", "department", "replyZh",
            "replyEn", "internal", "actions", "version");
    private static final Set<String> ACTION_FIELDS = Set.of("type", "value", "department", "user");
    private static final int MAX_REPLY = 10_000;

    /** Reads and checks the body; {@code create} allows a key, an update needs the version it read. */
    public static MacroInput read(JsonNode body, boolean create) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInput(Text.of("macros.error.invalid"), List.of(error("", "macro", "required")));
        }
        ObjectNode o = (ObjectNode) body;
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                errors.add(FieldError.of("/" + name, Text.of("macros.error.unknownField", name), "unknown"));
            }
        }
        String key = text(o, "key", errors);
        if (key != null && !create) {
            key = null; // the path names the macro; a key in the body of an update is ignored
        }
        if (key != null && !key.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            errors.add(error("/key", "key", "key"));
        }
        String nameZh = strip(text(o, "nameZh", errors));
        String nameEn = strip(text(o, "nameEn", errors));
        if (nameZh == null && nameEn == null) {
            errors.add(error("/nameZh", "name", "required"));
        }
        if (nameZh != null && nameZh.length() > 200) {
            errors.add(tooLong("/nameZh", "nameZh", 200));
        }
        if (nameEn != null && nameEn.length() > 200) {
            errors.add(tooLong("/nameEn", "nameEn", 200));
        }
        String scope = text(o, "scope", errors);
        scope = scope == null ? Macro.PERSONAL : scope;
        String department = strip(text(o, "department", errors));
        if (!List.of(Macro.PERSONAL, Macro.DEPARTMENT, Macro.GLOBAL).contains(scope)) {
            errors.add(error("/scope", "scope", "choose"));
        } else if (scope.equals(Macro.DEPARTMENT) && department == null) {
            errors.add(error("/department", "department", "required"));
        }
        String replyZh = strip(text(o, "replyZh", errors));
        String replyEn = strip(text(o, "replyEn", errors));
        if (replyZh != null && replyZh.length() > MAX_REPLY) {
            errors.add(tooLong("/replyZh", "replyZh", MAX_REPLY));
        }
        if (replyEn != null && replyEn.length() > MAX_REPLY) {
            errors.add(tooLong("/replyEn", "replyEn", MAX_REPLY));
        }
        boolean internal = false;
        JsonNode in = o.get("internal");
        if (in != null && !in.isNull()) {
            if (!in.isBoolean()) {
                errors.add(error("/internal", "internal", "choose"));
            } else {
                internal = in.asBoolean();
            }
        }
        List<Macro.Action> actions = actions(o.get("actions"), errors);
        if (replyZh == null && replyEn == null && actions.isEmpty() && errors.stream()
                .noneMatch(e -> e.pointer().startsWith("/actions"))) {
            errors.add(error("/replyZh", "reply", "empty"));
        }
        Integer version = null;
        JsonNode v = o.get("version");
        if (v != null && !v.isNull()) {
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                errors.add(error("/version", "version", "choose"));
            } else {
                version = v.asInt();
            }
        } else if (!create) {
            errors.add(error("/version", "version", "required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(Text.of("macros.error.invalid"), errors);
        }
        return new MacroInput(key, nameZh == null ? nameEn : nameZh, nameEn == null ? nameZh : nameEn, scope,
                scope.equals(Macro.DEPARTMENT) ? department : null, replyZh, replyEn, internal, actions, version);
    }

    private static List<Macro.Action> actions(JsonNode node, List<FieldError> errors) {
        List<Macro.Action> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            errors.add(error("/actions", "actions", "choose"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "/actions/" + i;
            JsonNode a = node.get(i);
            if (!a.isObject()) {
                errors.add(error(at, "action", "choose"));
                continue;
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!ACTION_FIELDS.contains(name)) {
                    errors.add(FieldError.of(at + "/" + name, Text.of("macros.error.unknownField", name), "unknown"));
                }
            }
            ObjectNode o = (ObjectNode) a;
            String type = text(o, "type", errors, at);
            String value = strip(text(o, "value", errors, at));
            String department = strip(text(o, "department", errors, at));
            String user = strip(text(o, "user", errors, at));
            if (type == null || !TYPES.contains(type)) {
                errors.add(error(at + "/type", "action", "choose"));
                continue;
            }
            switch (type) {
                case "status" -> {
                    if (value == null || !STATUSES.contains(value)) {
                        errors.add(error(at + "/value", "status", "choose"));
                    }
                }
                case "priority" -> {
                    if (value == null || !("raise".equals(value) || Priority.ALL.contains(value))) {
                        errors.add(error(at + "/value", "priority", "choose"));
                    }
                }
                case "addTag", "removeTag" -> {
                    if (value == null || !value.matches("[\\p{L}\\p{N}_-]{1,64}")) {
                        errors.add(error(at + "/value", "tag", "tag"));
                    }
                }
                case "transfer" -> {
                    if ((department == null) == (user == null)) {
                        errors.add(error(at + "/department", "transfer", "transferTarget"));
                    }
                }
                default -> {
                }
            }
            out.add(switch (type) {
                case "transfer" -> new Macro.Action(type, null, department, department == null ? user : null);
                default -> new Macro.Action(type, value, null, null);
            });
        }
        return out;
    }

    private static String text(ObjectNode o, String field, List<FieldError> errors) {
        return text(o, field, errors, "");
    }

    private static String text(ObjectNode o, String field, List<FieldError> errors, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(error(at + "/" + field, field, "choose"));
            return null;
        }
        return v.asText();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code macros.error.<rule>} with the field's label {@code macros.label.<label>} in the reader's language. */
    static FieldError error(String pointer, String label, String rule) {
        return FieldError.of(pointer, Text.of("macros.error." + rule, Text.of("macros.label." + label)), rule);
    }

    private static FieldError tooLong(String pointer, String label, int max) {
        return FieldError.of(pointer, Text.of("macros.error.tooLong", Text.of("macros.label." + label), max),
                "maxLength");
    }

    /** An error at a field after the stored state was read (unknown department or colleague). */
    public static InvalidInput unknown(String pointer, String label, String rule, String value) {
        return new InvalidInput(Text.of("macros.error.invalid"), List.of(FieldError.of(pointer, Text.of(
                "macros.error." + rule, Text.of("macros.label." + label), value), rule)));
    }
}
