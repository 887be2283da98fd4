package io.flowdesk.reports.fields.internal;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.Exports;
import io.flowdesk.reports.fields.ExportJob;
import io.flowdesk.reports.fields.ExportJobs;
import io.flowdesk.reports.fields.ExportKind;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.shared.Forbidden;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.flowdesk.reports.ReportService;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs queued export jobs, one at a time per node, and removes files past the retention time. A job is taken with
 * {@code FOR UPDATE SKIP LOCKED}; while it runs its heartbeat moves every 1,000 rows. A job whose heartbeat stopped
 * (its node died) is taken again from the start, at most {@code max-attempts} times, then failed with a reason: a job
 * is never left running.
 */
@ApplicationScoped
public class ExportRunner {

    private static final Logger LOG = Logger.getLogger(ExportRunner.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExportJobs jobs;

    @Inject
    IdentityService identity;

    @Inject
    ReportService reports;

    @ConfigProperty(name = "flowdesk.reports.exports.stale", defaultValue = "PT30S")
    Duration stale;

    @ConfigProperty(name = "flowdesk.reports.exports.retention", defaultValue = "PT24H")
    Duration retention;

    @ConfigProperty(name = "flowdesk.reports.exports.max-attempts", defaultValue = "3")
    int maxAttempts;

    private record Claimed(String id, String owner, String kind, String format, Map<String, String> params,
            Locale locale, int attempts) {
    }

    @Scheduled(every = "${flowdesk.reports.exports.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            expire();
            for (Claimed job = claim(); job != null; job = claim()) {
                run(job);
            }
        } catch (RuntimeException e) {
            LOG.warn("export runner: tick failed, will try again", e);
        }
    }

    /** Takes the oldest queued job, or a running one whose node stopped beating. */
    Claimed claim() {
        Instant now = FlowClock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("update "
                + "report_export_job set state = 'RUNNING', attempts = attempts + 1, heartbeat_at = ?, rows_done = 0 "
                + "where id = (select id from report_export_job where state = 'QUEUED' or (state = 'RUNNING' and "
                + "(heartbeat_at is null or heartbeat_at < ?)) order by created_at limit 1 for update skip locked) "
                + "returning id, owner, kind, format, params_json, locale, attempts")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now.minus(stale)));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, String> params = new HashMap<>();
                Json.parse(rs.getString(5)).fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()
                        .asText()));
                return new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), params,
                        Messages.locale(rs.getString(6)), rs.getInt(7));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void run(Claimed job) {
        if (job.attempts() > maxAttempts) {
            finish(job, ExportJob.FAILED, null, Messages.format(job.locale(), Text.of(
                    "reports.exports.error.interrupted", job.attempts() - 1)));
            return;
        }
        Path dir = jobs.directory();
        Path part = dir.resolve(job.id() + "." + job.format() + ".part");
        try {
            Files.createDirectories(dir);
            CurrentUser user = owner(job.owner()).withLocale(Messages.tag(job.locale()));
            ExportKind kind = jobs.kind(job.kind());
            kind.allowed(user); // the owner may have lost the role since the request
            ExportKind.Source source = kind.open(user, job.params(), job.locale());
            long total = source.total();
            progress(job, 0, total);
            long[] done = {0};
            Exports.Rows counted = sink -> source.rows().each(cells -> {
                sink.row(cells);
                if (++done[0] % 1000 == 0) {
                    progress(job, done[0], total);
                }
            });
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024)) {
                if (job.format().equals("xlsx")) {
                    Exports.xlsx(job.kind(), source.columns(), counted, reports.zone(), out);
                } else {
                    Exports.csv(source.columns(), counted, reports.zone(), out);
                }
            }
            Files.move(part, dir.resolve(job.id() + "." + job.format()), StandardCopyOption.REPLACE_EXISTING);
            progress(job, done[0], total);
            finish(job, ExportJob.DONE, source.fileName() + "." + job.format(), null);
        } catch (Lost e) {
            LOG.infof("export %s was taken over by another runner", job.id());
        } catch (FlowDeskException e) {
            finish(job, ExportJob.FAILED, null, Messages.format(job.locale(), e.text()));
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "export %s failed", job.id());
            finish(job, ExportJob.FAILED, null, Messages.format(job.locale(), Text.of("reports.exports.error.failed")));
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                LOG.debug("could not remove a partial export", e);
            }
        }
    }

    /** The job's owner as they are now (roles, departments): an export shows what they may see when it runs. */
    private CurrentUser owner(String username) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> identity.findByUsername(
                    username))).orElseThrow(() -> new Forbidden(Text.of("reports.exports.error.owner")));
        } catch (FlowDeskException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The job is no longer this runner's (a stale heartbeat let another take it): stop writing. */
    static final class Lost extends RuntimeException {
        Lost() {
            super(null, null, false, false);
        }
    }

    private void progress(Claimed job, long done, long total) {
        if (update("update report_export_job set rows_done = ?, rows_total = ?, heartbeat_at = ? where id = ? and "
                + "state = 'RUNNING' and attempts = ?", done, total, Timestamp.from(FlowClock.instant()), job.id(),
                job.attempts()) == 0) {
            throw new Lost();
        }
    }

    private void finish(Claimed job, String state, String fileName, String reason) {
        update("update report_export_job set state = ?, file_name = ?, reason = ?, finished_at = ? where id = ? and "
                + "attempts = ?", state, fileName, reason == null ? null : reason.substring(0, Math.min(400,
                reason.length())), Timestamp.from(FlowClock.instant()), job.id(), job.attempts());
    }

    /** Finished jobs past the retention time lose their file and become {@code EXPIRED}. */
    void expire() {
        Timestamp before = Timestamp.from(FlowClock.instant().minus(retention));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("update "
                + "report_export_job set state = 'EXPIRED' where state in ('DONE', 'FAILED') and finished_at < ? "
                + "returning id, format")) {
            ps.setTimestamp(1, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Files.deleteIfExists(jobs.directory().resolve(rs.getString(1) + "." + rs.getString(2)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
