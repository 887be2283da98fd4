package io.flowdesk.tickets.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Projection of a Flowable user task onto its ticket (inbox, history of steps). Flowable stays the truth. */
@Entity
@Table(name = "ticket_task")
public class TicketTaskEntity extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";

    @Id
    @Column(name = "task_id")
    public String taskId;

    @Column(name = "ticket_id")
    public long ticketId;

    @Column(name = "task_def_key")
    public String taskDefKey;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "form_key")
    public String formKey;

    @Column(name = "form_version")
    public Integer formVersion;

    @Column(name = "candidate_group")
    public String candidateGroup;

    public String assignee;

    @Column(name = "ticket_status")
    public String ticketStatus;

    public String state;

    /** Copy of the ticket's priority, for index-backed queue sorting. */
    public String priority;

    @Column(name = "data_json")
    public String dataJson;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /**
     * The task row locked until the transaction ends and re-read under the lock (see {@link TicketEntity#locked}):
     * two writers of one task (routing's assignment, a rule's transfer) take turns and each sees the other's change.
     */
    public static io.smallrye.mutiny.Uni<TicketTaskEntity> locked(String taskId) {
        return TicketTaskEntity.<TicketTaskEntity>findById(taskId).chain(task -> task == null
                ? io.smallrye.mutiny.Uni.createFrom().nullItem()
                : io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session.refresh(task,
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)).replaceWith(task));
    }
}
