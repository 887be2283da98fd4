package io.flowdesk.tickets.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

@Entity
@Table(name = "ticket")
public class TicketEntity extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";
    /** The engine refused the flow (permanently, or too often): kept with the reason until an admin acts. */
    public static final String FAILED = "FAILED";
    /** An admin cancelled a ticket whose flow never started. */
    public static final String CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String number;

    @Column(name = "template_version_id")
    public long templateVersionId;

    @Column(name = "template_key")
    public String templateKey;

    @Column(name = "ticket_type")
    public String ticketType;

    public String title;
    public String priority;
    public String status;
    public String channel;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(name = "customer_user_id")
    public Long customerUserId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "data_json")
    public String dataJson;

    /** PENDING until the process instance is linked, then ACTIVE, then ENDED; or FAILED, then CANCELLED. */
    @Column(name = "engine_state")
    public String engineState;

    /** How often starting the flow failed (counted by requests and the reconciler). */
    @Column(name = "engine_attempts")
    public int engineAttempts;

    /** Why the flow did not start, as a stored text; null while nothing failed. */
    @Column(name = "engine_error")
    public String engineError;

    @Column(name = "engine_failed_at")
    public OffsetDateTime engineFailedAt;

    @Column(name = "process_instance_id")
    public String processInstanceId;

    @Column(name = "current_step")
    public String currentStep;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    /** The earliest open SLA deadline (kept by the sla feature through TicketCommands.setSlaSummary). */
    @Column(name = "sla_due_at", insertable = false, updatable = false) // written only by setSlaSummary
    public OffsetDateTime slaDueAt;

    /** The worst state of the ticket's SLA targets: ON_TRACK, AT_RISK, BREACHED, PAUSED, MET or null. */
    @Column(name = "sla_state", insertable = false, updatable = false)
    public String slaState;

    @Column(name = "reopen_count")
    public int reopenCount;

    @Column(name = "csat_rating")
    public Integer csatRating;

    @Version
    @Column(name = "row_version")
    public int rowVersion;

    /** A "Try it" ticket on a test version of a draft: left out of reports. */
    @Column(name = "is_test")
    public boolean isTest;

    /**
     * The ticket, locked until the transaction ends and re-read from its row under the lock, so its version is the
     * latest and a concurrent writer waits instead of failing. (Asking {@code findById(id, PESSIMISTIC_WRITE)} for an
     * entity the session already holds makes Hibernate Reactive issue a version check that names the column
     * {@code rowVersion} instead of {@code row_version}; a locked refresh does not.)
     */
    public static io.smallrye.mutiny.Uni<TicketEntity> locked(long id) {
        return TicketEntity.<TicketEntity>findById(id).chain(ticket -> ticket == null
                ? io.smallrye.mutiny.Uni.createFrom().nullItem() : locked(ticket));
    }

    /** {@link #locked(long)} for a ticket already loaded in this session. */
    public static io.smallrye.mutiny.Uni<TicketEntity> locked(TicketEntity ticket) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(session -> session.refresh(ticket, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .replaceWith(ticket);
    }
}
