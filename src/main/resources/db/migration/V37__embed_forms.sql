-- ADR 0045: templates an admin marked embeddable on other sites (/portal/embed/{template}); a row = embeddable.
create table embed_form (
    template_key  varchar(100) primary key,
    enabled_by    varchar(100) not null,
    enabled_at    timestamptz not null
);
