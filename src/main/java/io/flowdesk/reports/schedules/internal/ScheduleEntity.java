package io.flowdesk.reports.schedules.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** {@code report_schedule} (V26). */
@Entity
@Table(name = "report_schedule")
public class ScheduleEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String frequency;
    public Integer weekday;
    @Column(name = "send_time")
    public String sendTime;
    public String zone;
    public String recipients;
    @Column(name = "template_key")
    public String templateKey;
    public String department;
    public boolean enabled;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
