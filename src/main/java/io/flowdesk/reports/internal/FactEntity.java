package io.flowdesk.reports.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@code report_ticket_fact}: written only by {@link ReportsConsumer}. */
@Entity
@Table(name = "report_ticket_fact")
public class FactEntity extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public Long ticketId;
    public String number;
    @Column(name = "template_key")
    public String templateKey;
    public String department;
    public String channel;
    public String priority;
    public String agent;
    @Column(name = "calendar_key")
    public String calendarKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_day")
    public LocalDate createdDay;
    @Column(name = "first_reply_at")
    public OffsetDateTime firstReplyAt;
    @Column(name = "first_reply_minutes")
    public Long firstReplyMinutes;
    @Column(name = "first_reply_working")
    public Long firstReplyWorking;
    @Column(name = "first_resolved_at")
    public OffsetDateTime firstResolvedAt;
    @Column(name = "resolution_minutes")
    public Long resolutionMinutes;
    @Column(name = "resolution_working")
    public Long resolutionWorking;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "resolved_day")
    public LocalDate resolvedDay;
    @Column(name = "full_resolution_minutes")
    public Long fullResolutionMinutes;
    @Column(name = "full_resolution_working")
    public Long fullResolutionWorking;
    @Column(name = "reopened_count")
    public int reopenedCount;
    @Column(name = "staff_replies")
    public int staffReplies;
    @Column(name = "customer_replies")
    public int customerReplies;
    public boolean fcr;
    public Integer csat;
    @Column(name = "last_event_id")
    public long lastEventId;
    /** The ticket form's {@code category} value, empty when it has none (ADR 0034). */
    public String category = "";

    void set(Fact f) {
        ticketId = f.ticketId();
        number = f.number();
        templateKey = f.templateKey();
        department = f.department();
        channel = f.channel();
        priority = f.priority();
        agent = f.agent();
        calendarKey = f.calendarKey();
        createdAt = odt(f.createdAt());
        createdDay = f.createdDay();
        firstReplyAt = odt(f.firstReplyAt());
        firstReplyMinutes = f.firstReplyMinutes();
        firstReplyWorking = f.firstReplyWorking();
        firstResolvedAt = odt(f.firstResolvedAt());
        resolutionMinutes = f.resolutionMinutes();
        resolutionWorking = f.resolutionWorking();
        resolvedAt = odt(f.resolvedAt());
        resolvedDay = f.resolvedDay();
        fullResolutionMinutes = f.fullResolutionMinutes();
        fullResolutionWorking = f.fullResolutionWorking();
        reopenedCount = f.reopenedCount();
        staffReplies = f.staffReplies();
        customerReplies = f.customerReplies();
        fcr = f.fcr();
        csat = f.csat();
        lastEventId = f.lastEventId();
    }

    private static OffsetDateTime odt(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
