package io.flowdesk.reports.lists.ui;

import com.vaadin.flow.component.Component;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.reports.fields.ui.ExportPanel;
import io.flowdesk.reports.lists.internal.InboxListExport;
import io.flowdesk.tickets.InboxQuery;
import io.flowdesk.tickets.InboxService;
import io.flowdesk.tickets.ui.InboxExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** CSV and XLSX buttons in the inbox's title row: an export job of the view as filtered at the click (ADR 0040). */
@ApplicationScoped
public class InboxExportButtons implements InboxExtension {

    @Inject
    ExportJobs jobs;

    @Override
    public List<Component> components(CurrentUser user, Locale locale, Supplier<InboxQuery> query) {
        if (InboxService.views(user).isEmpty()) {
            return List.of();
        }
        ExportPanel panel = ExportPanel.csvAndXlsx(jobs, user, locale, "inbox", "inbox",
                () -> InboxListExport.params(query.get()));
        panel.getStyle().set("margin-inline-start", "auto");
        return List.of(panel);
    }
}
