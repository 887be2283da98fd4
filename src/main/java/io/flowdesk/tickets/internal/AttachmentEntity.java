package io.flowdesk.tickets.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "attachment")
public class AttachmentEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id")
    public long ticketId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** Random file name on disk; never derived from what the uploader sent. */
    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    public boolean internal;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
