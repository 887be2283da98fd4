package io.flowdesk.macros.internal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A macro (V21): personal when {@code owner} is set, shared with a department, or global when neither is. */
@Entity
@Table(name = "macro")
public class MacroEntity extends PanacheEntityBase {

    @Id
    public String key;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    public String owner;

    public String department;

    @Column(name = "reply_zh")
    public String replyZh;

    @Column(name = "reply_en")
    public String replyEn;

    @Column(name = "reply_internal")
    public boolean replyInternal;

    @Column(name = "actions_json")
    public String actionsJson;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    @Column(name = "row_version")
    public int rowVersion;
}
