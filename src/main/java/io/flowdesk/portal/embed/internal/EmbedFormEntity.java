package io.flowdesk.portal.embed.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A template an admin allowed on other sites (ADR 0045). */
@Entity
@Table(name = "embed_form")
public class EmbedFormEntity extends PanacheEntityBase {

    @Id
    @Column(name = "template_key")
    public String templateKey;

    @Column(name = "enabled_by")
    public String enabledBy;

    @Column(name = "enabled_at")
    public OffsetDateTime enabledAt;
}
