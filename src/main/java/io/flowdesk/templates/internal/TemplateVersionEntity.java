package io.flowdesk.templates.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "template_version")
public class TemplateVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "template_key")
    public String templateKey;

    public int version;
    public String status;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "description_zh")
    public String descriptionZh;

    @Column(name = "description_en")
    public String descriptionEn;

    @Column(name = "ticket_type")
    public String ticketType;

    @Column(name = "is_public")
    public boolean isPublic;

    /** template.json {@code partnersMayReplyToCustomer}: partners on a step may send public replies. */
    @Column(name = "partners_may_reply")
    public boolean partnersMayReply;

    @Column(name = "start_form_key")
    public String startFormKey;

    @Column(name = "bpmn_xml")
    public String bpmnXml;

    /** JSON object: form key to pinned version. */
    @Column(name = "forms_json")
    public String formsJson;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "deployment_id")
    public String deploymentId;

    @Column(name = "process_definition_id")
    public String processDefinitionId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "deprecated_at")
    public OffsetDateTime deprecatedAt;
}
