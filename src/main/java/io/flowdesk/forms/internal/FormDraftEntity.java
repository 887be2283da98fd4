package io.flowdesk.forms.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The working copy of a form in the form designer. */
@Entity
@Table(name = "form_draft")
public class FormDraftEntity extends PanacheEntityBase {

    @Id
    @Column(name = "form_key")
    public String formKey;

    @Column(name = "schema_json")
    public String schemaJson;

    public int revision;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
