package io.flowdesk.tickets.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "csat")
public class CsatEntity extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public Long ticketId;

    public int rating;
    public String comment;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
