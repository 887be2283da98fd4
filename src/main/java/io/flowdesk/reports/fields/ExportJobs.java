package io.flowdesk.reports.fields;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Background exports (ADR 0035): a request is checked and stored as a {@code QUEUED} job; a runner on any node writes
 * the file into the data directory and reports progress. What is exported is an {@link ExportKind}. Only the owner (or an admin) sees a job; anyone else gets
 * 404. Blocking (JDBC).
 */
@ApplicationScoped
public class ExportJobs {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportService reports;

    @Inject
    @Any
    Instance<ExportKind> kinds;

    @ConfigProperty(name = "flowdesk.attachments.dir", defaultValue = "data/attachments")
    Path attachments;

    /** Where finished files are kept until the retention time has passed. */
    public Path directory() {
        return attachments.resolve("exports");
    }

    public ExportJob start(CurrentUser user, String kind, String format, Map<String, String> params, Locale locale) {
        ExportKind k = kind(kind);
        k.allowed(user);
        if (format == null || !ExportJob.FORMATS.contains(format)) {
            throw InvalidInput.of("format", Text.of("reports.exports.error.format",
                    Text.of("reports.exports.param.format")), "enum");
        }
        Map<String, String> clean = new LinkedHashMap<>();
        k.params().forEach(p -> {
            String v = params.get(p);
            if (v != null && !v.isBlank()) {
                clean.put(p, v.strip());
            }
        });
        k.check(user, clean, locale);
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into "
                + "report_export_job (id, owner, kind, format, params_json, locale, state, created_at) values "
                + "(?, ?, ?, ?, ?, ?, 'QUEUED', ?)")) {
            ps.setString(1, id);
            ps.setString(2, user.username());
            ps.setString(3, kind);
            ps.setString(4, format);
            ps.setString(5, Json.write(clean));
            ps.setString(6, Messages.tag(locale));
            ps.setTimestamp(7, Timestamp.from(FlowClock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return status(user, id);
    }

    /** The kind of that id; anything else is a 422 naming the parameter and the kinds there are. */
    public ExportKind kind(String id) {
        List<String> ids = new ArrayList<>();
        for (ExportKind k : kinds) {
            if (k.id().equals(id)) {
                return k;
            }
            ids.add(k.id());
        }
        ids.sort(null);
        throw InvalidInput.of("kind", Text.of("reports.exports.error.kindOf", Text.of("reports.exports.param.kind"),
                String.join(", ", ids)), "enum");
    }

    public static ReportFilter filter(Map<String, String> p, java.time.LocalDate today) {
        return ReportFilter.parse(p.get("from"), p.get("to"), p.get("template"), p.get("department"),
                p.get("channel"), p.get("priority"), p.get("agent"), today);
    }

    /** Any signed-in user may follow their own jobs (an agent exports an inbox); others' jobs are 404. */
    public ExportJob status(CurrentUser user, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select owner, "
                + "kind, format, state, rows_done, rows_total, reason, file_name from report_export_job where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !(rs.getString(1).equals(user.username()) || user.has(Role.ADMIN))) {
                    throw new NotFound(Text.of("reports.exports.error.notFound"));
                }
                long done = rs.getLong(5);
                long total = rs.getLong(6);
                Long rowsTotal = rs.wasNull() ? null : total;
                String state = rs.getString(4);
                return new ExportJob(id, rs.getString(2), rs.getString(3), state, done, rowsTotal,
                        ExportJob.percent(state, done, rowsTotal), rs.getString(7), rs.getString(8));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The finished file of a job the user may see; 404 while it is not ready, after it expired, or for others. */
    public Path file(CurrentUser user, String id) {
        ExportJob job = status(user, id);
        Path file = directory().resolve(id + "." + job.format());
        if (!job.state().equals(ExportJob.DONE) || !Files.isRegularFile(file)) {
            throw new NotFound(Text.of("reports.exports.error.notFound"));
        }
        return file;
    }
}
