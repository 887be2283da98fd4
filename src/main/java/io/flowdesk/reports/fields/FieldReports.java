package io.flowdesk.reports.fields;

import io.agroal.api.AgroalDataSource;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.reports.ReportFilter;
import io.flowdesk.reports.ReportService;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reports over a template's form fields (ADR 0035), read only from the rollup {@code report_field_daily}: group by
 * a field, sum a number field, per day, week, month or the whole range. Blocking (JDBC): call it on a worker thread.
 * Supervisors and admins only.
 */
@ApplicationScoped
public class FieldReports {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FieldCatalogue catalogues;

    @Inject
    ReportService reports;

    public LocalDate today() {
        return reports.today();
    }

    /** The template's report fields; 404 when it has no published version. */
    public FieldCatalogue.Catalogue catalogue(CurrentUser user, String template) {
        ReportService.check(user);
        if (template == null || template.length() > 100 || !template.matches("[\\p{L}\\p{N}._:-]+")) {
            throw new NotFound(Text.of("reports.fields.error.template", String.valueOf(template)));
        }
        FieldCatalogue.Catalogue c;
        try {
            c = VertxContextSupport.subscribeAndAwait(() -> catalogues.of(template));
        } catch (FlowDeskException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (c == null) {
            throw new NotFound(Text.of("reports.fields.error.template", template));
        }
        return c;
    }

    public FieldReport report(CurrentUser user, String template, FieldQuery q, Locale locale) {
        FieldCatalogue.Catalogue c = catalogue(user, template);
        FieldCatalogue.Field group = field(c, q.groupBy(), "groupBy", true);
        FieldCatalogue.Field sum = field(c, q.sum(), "sum", false);
        ReportFilter f = q.filter();
        String period = switch (q.interval()) {
            case "day" -> "day";
            case "week" -> "date_trunc('week', day)::date";
            case "month" -> "date_trunc('month', day)::date";
            default -> "cast(? as date)";
        };
        List<Object> params = new ArrayList<>();
        if (q.interval().equals("none")) {
            params.add(f.from());
        }
        params.addAll(List.of(template, group == null ? "" : group.key(), sum == null ? "" : sum.key(), f.from(),
                f.to()));
        StringBuilder sql = new StringBuilder("select " + period + ", group_value, sum(count), sum(sum) from "
                + "report_field_daily where template_key = ? and group_field = ? and sum_field = ? and day between ? "
                + "and ?");
        String[][] dims = {{"department", f.department()}, {"channel", f.channel()}, {"priority", f.priority()}};
        for (String[] d : dims) {
            if (d[1] != null) {
                sql.append(" and ").append(d[0]).append(" = ?");
                params.add(d[1]);
            }
        }
        sql.append(" group by 1, 2 having sum(count) <> 0 order by 1, 3 desc, 2");
        List<FieldReport.Row> rows = new ArrayList<>();
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(2);
                    BigDecimal total = rs.getBigDecimal(4);
                    rows.add(new FieldReport.Row(rs.getObject(1, LocalDate.class), value,
                            group == null ? "" : group.valueLabel(value, locale), rs.getLong(3),
                            sum == null ? null : total.stripTrailingZeros().scale() < 0 ? total.setScale(0)
                                    : total.stripTrailingZeros()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new FieldReport(template, group == null ? null : group.key(), group == null ? null
                : group.label(locale), sum == null ? null : sum.key(), sum == null ? null : sum.label(locale),
                q.interval(), f.from(), f.to(), rows);
    }

    /** A group-by or sum field of the catalogue; a wrong one is a 422 naming it by its label. */
    private static FieldCatalogue.Field field(FieldCatalogue.Catalogue c, String key, String param, boolean group) {
        if (key == null) {
            return null;
        }
        FieldCatalogue.Field f = c.fields().get(key);
        Text paramLabel = Text.of("reports.fields.param." + param);
        if (f == null) {
            throw InvalidInput.of(param, Text.of("reports.fields.error.unknownField", paramLabel, key), "field");
        }
        Text label = Text.bilingual(f.labelZh(), f.labelEn());
        if (group && !f.groupable()) {
            throw InvalidInput.of(param, Text.of("reports.fields.error.notGroupable", label), "groupable");
        }
        if (!group && !f.summable()) {
            throw InvalidInput.of(param, Text.of("reports.fields.error.notSummable", label), "number");
        }
        return f;
    }
}
