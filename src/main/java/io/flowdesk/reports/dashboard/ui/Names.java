package io.flowdesk.reports.dashboard.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.forms.FormService;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.shared.ui.Ui;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the dashboard calls templates, categories, departments, agents and channels, in the reader's language. */
final class Names {

    static final List<String> CHANNELS = List.of("portal", "phone", "email", "chat", "walk-in", "api");

    private final Locale locale;
    final Map<String, String> templates = new LinkedHashMap<>();
    final Map<String, String> departments = new LinkedHashMap<>();
    final Map<String, String> agents = new LinkedHashMap<>();
    /** {@code template/value} → the option's label in the template's start form. */
    private final Map<String, String> categories = new LinkedHashMap<>();

    Names(TemplateService templateService, FormService forms, IdentityService identity, Locale locale) {
        this.locale = locale;
        boolean zh = Messages.isChinese(locale);
        String lang = zh ? "zh-CN" : "en";
        for (PublishedTemplate t : Ui.await(templateService::listLatest)) {
            templates.put(t.key(), zh ? t.nameZh() : t.nameEn());
            if (t.startForm() == null) {
                continue;
            }
            JsonNode schema = Ui.await(() -> forms.get(t.startForm().key(), t.startForm().version())).schema();
            schema.path("x-ui").path("fields").path("category").path("options").fields().forEachRemaining(o ->
                    categories.put(t.key() + "/" + o.getKey(), o.getValue().path(lang).asText(o.getKey())));
        }
        for (Department d : Ui.await(identity::departments)) {
            departments.put(d.key(), zh ? d.nameZh() : d.nameEn());
        }
        for (CurrentUser u : Ui.await(identity::workers)) {
            agents.put(u.username(), u.displayName() == null || u.displayName().isBlank() ? u.username()
                    : u.displayName());
        }
    }

    String template(String key) {
        return templates.getOrDefault(key, key);
    }

    String department(String key) {
        return key == null || key.isEmpty() || ReportFilter.NONE.equals(key) ? t("dashboard.none.department")
                : departments.getOrDefault(key, key);
    }

    String agent(String key) {
        return key == null || key.isEmpty() || ReportFilter.NONE.equals(key) ? t("dashboard.none.agent")
                : agents.getOrDefault(key, key);
    }

    String channel(String key) {
        return Messages.bundle(locale).containsKey("channel." + key) ? t("channel." + key) : key;
    }

    /** A top category: "template · option" where the form has a category, else the template's name. */
    String category(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return template(key);
        }
        String value = key.substring(slash + 1);
        return template(key.substring(0, slash)) + " · " + categories.getOrDefault(key, value);
    }

    private String t(String key) {
        return Text.of(key).in(locale);
    }
}
