package io.flowdesk.tokens.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An API token: only the SHA-256 of the token is kept; the window columns are written by {@link TokenGate}. */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "public_id")
    public String publicId;

    @Column(name = "user_id")
    public long userId;

    public String name;

    @Column(name = "secret_hash")
    public String secretHash;

    /** Comma-separated scope ids. */
    public String scopes;

    @Column(name = "rate_per_minute")
    public Integer ratePerMinute;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    public OffsetDateTime lastUsedAt;

    @Column(name = "last_used_addr", insertable = false, updatable = false)
    public String lastUsedAddress;
}
