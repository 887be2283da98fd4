package io.flowdesk.macros.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.macros.Macro;
import io.flowdesk.shared.Json;
import io.smallrye.mutiny.Uni;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Macro rows: who sees and who edits which, the mapping to {@link Macro}, and the search. */
public final class MacroRows {

    private MacroRows() {
    }

    /**
     * Whether the user may see and use the macro: their own personal ones; shared ones of their departments and
     * global ones for staff; admins see every shared one. A partner sees only their own; a customer none.
     */
    public static boolean visible(CurrentUser user, MacroEntity m) {
        if (user.isCustomer()) {
            return false;
        }
        if (m.owner != null) {
            return m.owner.equals(user.username());
        }
        if (user.isPartner()) {
            return false;
        }
        return m.department == null || user.inDepartment(m.department) || user.has(Role.ADMIN);
    }

    /** Personal: the owner; shared with a department: its supervisors and admins; global: admins. */
    public static boolean editable(CurrentUser user, MacroEntity m) {
        return mayOwn(user, m.owner, m.department);
    }

    /** Whether the user may hold a macro of this scope (create it or change it to it). */
    public static boolean mayOwn(CurrentUser user, String owner, String department) {
        if (user.isCustomer()) {
            return false;
        }
        if (owner != null) {
            return owner.equals(user.username());
        }
        if (user.has(Role.ADMIN)) {
            return true;
        }
        return department != null && user.has(Role.SUPERVISOR) && user.inDepartment(department);
    }

    public static String scope(MacroEntity m) {
        return m.owner != null ? Macro.PERSONAL : m.department != null ? Macro.DEPARTMENT : Macro.GLOBAL;
    }

    /** The candidates a user may see (filtered once more by {@link #visible}). */
    public static Uni<List<MacroEntity>> candidates(CurrentUser user) {
        if (user.isCustomer()) {
            return Uni.createFrom().item(List.of());
        }
        if (user.isPartner()) {
            return MacroEntity.list("owner = ?1", user.username());
        }
        return MacroEntity.<MacroEntity>list("owner = ?1 or owner is null", user.username())
                .map(list -> list.stream().filter(m -> visible(user, m)).toList());
    }

    public static Macro toMacro(MacroEntity m, CurrentUser reader) {
        return new Macro(m.key, m.nameZh, m.nameEn, scope(m), m.owner, m.department, m.replyZh, m.replyEn,
                m.replyInternal, actions(m.actionsJson), m.rowVersion, m.createdAt, m.updatedAt,
                reader != null && editable(reader, m));
    }

    public static List<Macro.Action> actions(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(Json.MAPPER.readValue(json, new TypeReference<List<Macro.Action>>() {
            }));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored macro actions are not JSON", e);
        }
    }

    /** Case-insensitive after NFKC (full-width letters, Chinese as it is); every word of the query must occur. */
    public static boolean matches(Macro m, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = fold(String.join("\n", nz(m.nameZh()), nz(m.nameEn()), nz(m.replyZh()), nz(m.replyEn()),
                m.key()));
        for (String word : fold(query).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Personal first, then the department's, then global; by name within each. */
    public static List<Macro> sorted(List<Macro> macros, Locale locale) {
        List<Macro> out = new ArrayList<>(macros);
        out.sort(java.util.Comparator.comparingInt((Macro m) -> List.of(Macro.PERSONAL, Macro.DEPARTMENT,
                Macro.GLOBAL).indexOf(m.scope())).thenComparing(m -> nz(m.name(locale))));
        return out;
    }
}
