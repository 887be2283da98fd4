-- Designer: drafts of templates and forms, deprecation, test ("Try it") tickets.

create table template_draft (
    template_key  varchar(100) primary key,
    metadata_json text not null,
    bpmn_xml      text not null,
    revision      int not null default 1,
    updated_by    varchar(64) not null,
    updated_at    timestamptz not null default now()
);

create table form_draft (
    form_key    varchar(100) primary key,
    schema_json text not null,
    revision    int not null default 1,
    updated_by  varchar(64) not null,
    updated_at  timestamptz not null default now()
);

-- Published versions are immutable; deprecation only stops new tickets from using them.
alter table template_version add column published_by varchar(64);
alter table template_version add column deprecated_at timestamptz;
alter table form_version add column deprecated_at timestamptz;

-- "Try it" tickets run on test versions (status 'test', negative version numbers) and stay out of reports.
alter table ticket add column is_test boolean not null default false;
create index ticket_test_idx on ticket (created_at) where is_test;
