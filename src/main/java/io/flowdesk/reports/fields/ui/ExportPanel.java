package io.flowdesk.reports.fields.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.fields.ExportJob;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Export buttons that start background export jobs (ADR 0035) and follow them: a progress bar while the job runs,
 * then a download link. Reusable by any report view: give it the kind of export per button and the current filters.
 */
public class ExportPanel extends Div {

    private final ExportJobs jobs;
    private final CurrentUser user;
    private final Locale locale;
    private final ProgressBar progress = new ProgressBar(0, 100);
    private final Span status = new Span();
    private final Div download = new Div();
    private final Div buttons = new Div();
    private String job;
    private Registration polling;

    public ExportPanel(ExportJobs jobs, CurrentUser user, Locale locale) {
        this.jobs = jobs;
        this.user = user;
        this.locale = locale;
        setId("export-panel");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "center");
        progress.setId("export-progress");
        progress.setWidth("12em");
        progress.setVisible(false);
        status.setId("export-status");
        download.setId("export-download");
        buttons.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        add(buttons, progress, status, download);
    }

    /**
     * The two buttons a list offers (ADR 0040): CSV and XLSX of {@code kind}, ids {@code <prefix>-export-csv} and
     * {@code <prefix>-export-xlsx}.
     */
    public static ExportPanel csvAndXlsx(ExportJobs jobs, CurrentUser user, Locale locale, String prefix, String kind,
            Supplier<Map<String, String>> params) {
        ExportPanel panel = new ExportPanel(jobs, user, locale)
                .button(prefix + "-export-csv", "reports.fields.view.exportCsv", kind, "csv", params)
                .button(prefix + "-export-xlsx", "reports.fields.view.exportXlsx", kind, "xlsx", params);
        panel.setId(prefix + "-export-panel");
        return panel;
    }

    /** A button that exports {@code kind} in {@code format} with the filters {@code params} gives at the click. */
    public ExportPanel button(String id, String labelKey, String kind, String format,
            Supplier<Map<String, String>> params) {
        Button b = new Button(Ui.text(Text.of(labelKey)), e -> start(kind, format, params.get()));
        b.setId(id);
        buttons.add(b);
        return this;
    }

    private void start(String kind, String format, Map<String, String> params) {
        try {
            job = jobs.start(user, kind, format, params, locale).id();
        } catch (FlowDeskException e) {
            Ui.error(Ui.message(e));
            return;
        }
        download.removeAll();
        progress.setValue(0);
        progress.setVisible(true);
        status.setText(Ui.text(Text.of("reports.fields.view.exporting", 0, "…", 0)));
        UI.getCurrent().setPollInterval(500);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> poll());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void poll() {
        if (job == null) {
            return;
        }
        ExportJob j = jobs.status(user, job);
        progress.setValue(j.percent());
        status.setText(Ui.text(Text.of("reports.fields.view.exporting", j.rowsDone(),
                j.rowsTotal() == null ? "…" : j.rowsTotal(), j.percent())));
        if (!j.finished()) {
            return;
        }
        UI.getCurrent().setPollInterval(-1);
        String id = job;
        job = null;
        if (j.state().equals(ExportJob.DONE)) {
            progress.setVisible(false);
            status.setText("");
            Anchor link = new Anchor(DownloadHandler.fromInputStream(ev -> {
                Path file = jobs.file(user, id);
                return new DownloadResponse(Files.newInputStream(file), j.fileName(), j.format().equals("xlsx")
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv",
                        Files.size(file));
            }), Ui.text(Text.of("reports.fields.view.download", j.fileName())));
            link.setId("export-link");
            link.getElement().setAttribute("download", true);
            download.add(link);
        } else {
            progress.setVisible(false);
            status.setText(Ui.text(Text.of("reports.fields.view.exportFailed", j.reason() == null ? "" : j.reason())));
        }
    }
}
