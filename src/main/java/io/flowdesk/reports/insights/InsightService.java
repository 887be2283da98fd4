package io.flowdesk.reports.insights;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.reports.Summary;
import io.flowdesk.reports.flow.FlowStats;
import io.flowdesk.shared.Text;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Insights over a period (docs/metrics.md, "Insights"), read from the rollups like every report: the share and
 * weekday rules from {@code report_daily}, the first-response rule from {@link ReportService#summary}. Blocking (JDBC):
 * call it on a worker thread. Supervisors and admins only.
 */
@ApplicationScoped
public class InsightService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportService reports;

    @Inject
    FlowStats flows;

    public List<Insight> insights(CurrentUser user, ReportFilter f) {
        ReportService.check(user);
        Map<String, FlowStats.TemplateName> names = templates(user);
        List<InsightRules.Daily> daily = daily(f);
        java.util.function.Function<String, Object> name = key -> {
            FlowStats.TemplateName n = names.get(key);
            return n == null ? Text.literal(key) : Text.bilingual(n.nameZh(), n.nameEn());
        };
        Summary summary = reports.summary(user, f);
        List<Insight> out = new ArrayList<>();
        out.addAll(InsightRules.share(f, daily, name));
        out.addAll(InsightRules.firstResponse(f, summary.current().firstResponse().count(),
                summary.current().firstResponse().medianWorking(), summary.previous().firstResponse().count(),
                summary.previous().firstResponse().medianWorking()));
        out.addAll(InsightRules.weekday(f, daily, name));
        return out;
    }

    private Map<String, FlowStats.TemplateName> templates(CurrentUser user) {
        try {
            Map<String, FlowStats.TemplateName> out = new HashMap<>();
            VertxContextSupport.subscribeAndAwait(() -> flows.templates(user)).forEach(t -> out.put(t.key(), t));
            return out;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Created per day and template over the previous period, the period and the weekday window. */
    private List<InsightRules.Daily> daily(ReportFilter f) {
        LocalDate from = f.previous().from();
        LocalDate weekday = InsightRules.weekdayFrom(f);
        from = weekday.isBefore(from) ? weekday : from;
        StringBuilder sql = new StringBuilder("select day, template_key, sum(created) from report_daily where day "
                + "between ? and ?");
        List<Object> params = new ArrayList<>(List.of(from, f.to()));
        String[][] dims = {{"template_key", f.template()}, {"department", f.department()},
            {"channel", f.channel()}, {"priority", f.priority()}};
        for (String[] d : dims) {
            if (d[1] != null) {
                sql.append(" and ").append(d[0]).append(" = ?");
                params.add(d[1]);
            }
        }
        sql.append(" group by day, template_key having sum(created) > 0");
        List<InsightRules.Daily> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InsightRules.Daily(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
