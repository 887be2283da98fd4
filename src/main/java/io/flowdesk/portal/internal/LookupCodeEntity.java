package io.flowdesk.portal.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A one-time code sent by mail (guest sign-in, status lookup); only its hash is stored. */
@Entity
@Table(name = "lookup_code")
public class LookupCodeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String purpose;
    public String subject;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    public int attempts;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
