package io.flowdesk.templates.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The working copy of a template in the designer: saved on every change, never run by tickets. */
@Entity
@Table(name = "template_draft")
public class TemplateDraftEntity extends PanacheEntityBase {

    @Id
    @Column(name = "template_key")
    public String templateKey;

    @Column(name = "metadata_json")
    public String metadataJson;

    @Column(name = "bpmn_xml")
    public String bpmnXml;

    public int revision;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
