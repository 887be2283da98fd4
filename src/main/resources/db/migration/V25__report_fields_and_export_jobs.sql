-- Reports over form fields and background export jobs (issue 13, ADR 0035).

-- What one (non-test) ticket adds to report_field_daily, as it was rolled up last: its dimensions and, per field of
-- the template's catalogue at that time, the group value (groups_json: field -> text, '' when empty) and the number
-- (sums_json: field -> number or absent). Kept by the "report-fields" consumer; the delta against it moves the rollup.
create table report_field_ticket (
    ticket_id     bigint primary key references ticket(id) on delete cascade,
    template_key  varchar(100) not null,
    day           date not null,
    department    varchar(64) not null,
    channel       varchar(32) not null,
    priority      varchar(2) not null,
    groups_json   text not null,
    sums_json     text not null
);

-- Per creation day (reporting zone), dimensions, group field and value, and sum field: tickets and the sum of the
-- sum field. group_field '' = no grouping (value ''), sum_field '' = count only (sum 0).
create table report_field_daily (
    template_key  varchar(100) not null,
    group_field   varchar(100) not null,
    sum_field     varchar(100) not null,
    day           date not null,
    group_value   varchar(200) not null,
    department    varchar(64) not null,
    channel       varchar(32) not null,
    priority      varchar(2) not null,
    count         bigint not null default 0,
    sum           numeric not null default 0,
    primary key (template_key, group_field, sum_field, day, group_value, department, channel, priority)
);

-- Background exports: state survives a restart; a job whose heartbeat stopped is taken again (attempts) or failed.
create table report_export_job (
    id            varchar(36) primary key,
    owner         varchar(64) not null,
    kind          varchar(16) not null,
    format        varchar(8) not null,
    params_json   text not null,
    locale        varchar(16) not null,
    state         varchar(16) not null,
    rows_done     bigint not null default 0,
    rows_total    bigint,
    attempts      int not null default 0,
    reason        varchar(400),
    file_name     varchar(200),
    created_at    timestamptz not null,
    heartbeat_at  timestamptz,
    finished_at   timestamptz
);
create index report_export_job_open on report_export_job (state) where state in ('QUEUED', 'RUNNING');
