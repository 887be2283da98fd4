package io.flowdesk.reports.schedules.internal;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.Role;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.insights.InsightService;
import io.flowdesk.reports.schedules.Periods;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Messages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends scheduled report mails (ADR 0036) on every node, every {@code flowdesk.reports.schedules.poll} (30 s), where
 * deadlines run ({@code flowdesk.deadlines.enabled}). A period is claimed by inserting its run row (unique schedule +
 * period, committed as {@code sending} before any mail leaves, as notification deliveries are, ADR 0024): the node
 * whose insert wins sends it, every other node and every later pass, before or after a restart, finds the row.
 */
@ApplicationScoped
public class ScheduleRunner {

    private static final Logger LOG = Logger.getLogger(ScheduleRunner.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportService reports;

    @Inject
    InsightService insights;

    @Inject
    IdentityService identity;

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "flowdesk.deadlines.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "flowdesk.reports.schedules.poll", defaultValue = "PT30S")
    Duration poll;

    @ConfigProperty(name = "flowdesk.notify.mail-domain", defaultValue = "flowdesk.local")
    String mailDomain;

    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private ScheduledExecutorService thread;

    @ConfigProperty(name = "flowdesk.reports.schedules.attempts", defaultValue = "4")
    int attempts;

    record Retry(Due due, long run, int attempt, Set<String> sentTo) {
    }

    record Due(long id, String name, String recipients, String template, String department, String createdBy,
            Periods.Period period) {
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowdesk-report-schedules");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(200, poll.toMillis());
        thread.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warnf("scheduled reports: pass failed: %s", e.toString());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /**
     * One pass: every enabled schedule whose latest period is due and not yet claimed is claimed and sent, and every
     * run whose mails failed is taken again when its retry is due. Returns the runs this pass sent or tried.
     */
    public int tick() {
        Instant now = FlowClock.instant();
        int sent = 0;
        for (Due due : due(now)) {
            Long run = claim(due, now);
            if (run != null) {
                send(due, run, 1, Set.of());
                sent++;
            }
        }
        for (Retry retry : retries(now)) {
            send(retry.due(), retry.run(), retry.attempt(), retry.sentTo());
            sent++;
        }
        return sent;
    }

    /** Enabled schedules with their latest period, when that period fell due after the schedule was created. */
    private List<Due> due(Instant now) {
        List<Due> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select id, name, "
                + "frequency, weekday, send_time, zone, recipients, template_key, department, created_by, created_at "
                + "from report_schedule where enabled order by id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Integer weekday = rs.getObject(4) == null ? null : rs.getInt(4);
                Periods.Period p = Periods.latest(rs.getString(3), weekday, rs.getString(5), rs.getString(6), now);
                if (!p.sendAt().isBefore(rs.getTimestamp(11).toInstant())) {
                    out.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), p));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Inserts the period's run row as {@code sending}; null when another pass or node has it already. */
    private Long claim(Due due, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into "
                + "report_schedule_run (schedule_id, period_key, period_from, period_to, status, claimed_at, "
                + "claimed_by) values (?, ?, ?, ?, 'sending', ?, ?) on conflict (schedule_id, period_key) do nothing "
                + "returning id")) {
            ps.setLong(1, due.id());
            ps.setString(2, due.period().key());
            ps.setObject(3, due.period().from());
            ps.setObject(4, due.period().to());
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, node);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the runs whose retry is due: {@code retry} becomes {@code sending} in one update, so of two nodes only one
     * gets each run (the other's update finds it no longer {@code retry}).
     */
    private List<Retry> retries(Instant now) {
        List<Retry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("update "
                + "report_schedule_run r set status = 'sending', attempts = r.attempts + 1, claimed_at = ?, "
                + "claimed_by = ? from report_schedule s where s.id = r.schedule_id and s.enabled and r.status = "
                + "'retry' and r.next_attempt_at <= ? returning r.id, r.attempts, r.sent_to, s.id, s.name, "
                + "s.recipients, s.template_key, s.department, s.created_by, r.period_key, r.period_from, "
                + "r.period_to")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, node);
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Periods.Period p = new Periods.Period(rs.getString(10), rs.getObject(11, LocalDate.class),
                            rs.getObject(12, LocalDate.class), now);
                    out.add(new Retry(new Due(rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), p), rs.getLong(1), rs.getInt(2),
                            names(rs.getString(3))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).filter(n -> !n.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Sends the period's mail to each recipient not yet in {@code sentTo}, recording each one as it goes, so a retry
     * mails only those a failure left out. A failure to mail is retried ({@code retry}, after 1, 2, 4 … minutes, up
     * to {@code flowdesk.reports.schedules.attempts}); an owner who may no longer read reports fails at once.
     */
    private void send(Due due, long run, int attempt, Set<String> sentTo) {
        Set<String> done = new HashSet<>(sentTo);
        try {
            CurrentUser owner = user(due.createdBy()).filter(u -> u.has(Role.SUPERVISOR) || u.has(Role.ADMIN))
                    .orElse(null);
            if (owner == null) {
                finish(run, "failed", done.size(), "the schedule's owner " + due.createdBy()
                        + " may no longer read reports", null);
                return;
            }
            ReportFilter f = new ReportFilter(due.period().from(), due.period().to(), due.template(),
                    due.department(), null, null);
            var summary = reports.summary(owner, f);
            var found = insights.insights(owner, f);
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            reports.xlsx(owner, f, xlsx);
            for (String name : names(due.recipients())) {
                if (done.contains(name)) {
                    continue;
                }
                Optional<CurrentUser> to = user(name).filter(u -> u.email() != null && !u.email().isBlank()
                        && (u.has(Role.SUPERVISOR) || u.has(Role.ADMIN)));
                if (to.isEmpty()) {
                    continue; // no longer a reader of reports: left out
                }
                String id = "report." + due.id() + "." + due.period().key().replace(':', '.') + "." + name
                        .replaceAll("[^A-Za-z0-9.-]", ".") + "@" + mailDomain;
                mail(ReportMail.compose(to.get().email(), Messages.locale(to.get().locale()), due.name(), f,
                        summary, found, xlsx.toByteArray(), id));
                done.add(name);
                recordSent(run, done);
            }
            finish(run, "sent", done.size(), null, null);
        } catch (RuntimeException e) {
            boolean again = attempt < attempts;
            LOG.warnf("scheduled report %d for %s, attempt %d, failed%s: %s", due.id(), due.period().key(), attempt,
                    again ? " (retried)" : "", e.toString());
            finish(run, again ? "retry" : "failed", done.size(), e.toString(), again ? FlowClock.instant().plus(
                    Duration.ofMinutes(1L << (attempt - 1))) : null);
        }
    }

    /**
     * Sends one mail, a second time at once if the first fails: a pooled SMTP connection the server closed while it
     * sat idle (a daily report waits a day) fails before the message is handed over, and a new connection works.
     */
    private void mail(Mail mail) {
        try {
            mailer.send(mail);
        } catch (RuntimeException stale) {
            LOG.debugf("scheduled report mail to %s failed once, sending again: %s", mail.getTo(), stale.toString());
            mailer.send(mail);
        }
    }

    private void recordSent(long run, Set<String> done) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("update "
                + "report_schedule_run set sent_to = ? where id = ?")) {
            ps.setString(1, String.join(",", new TreeSet<>(done)));
            ps.setLong(2, run);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<CurrentUser> user(String username) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> identity.findByUsername(
                    username)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(long run, String status, int recipients, String error, Instant nextAttempt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("update "
                + "report_schedule_run set status = ?, recipients = ?, sent_at = ?, error = ?, next_attempt_at = ? "
                + "where id = ?")) {
            ps.setString(1, status);
            ps.setInt(2, recipients);
            ps.setTimestamp(3, Timestamp.from(FlowClock.instant()));
            ps.setString(4, error == null ? null : error.substring(0, Math.min(1000, error.length())));
            ps.setTimestamp(5, nextAttempt == null ? null : Timestamp.from(nextAttempt));
            ps.setLong(6, run);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
