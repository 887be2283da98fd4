-- Report rollups (issue 13, ADR 0031), kept by the "reports" ticket event consumer; reports read only these
-- (and sla_outcome for attainment), never the ticket tables. The consumer's cursor is not created here: a consumer
-- without a cursor row starts at 0, so the first run replays the whole existing event history (the backfill).

-- One row per (non-test) ticket: its metrics as defined in docs/metrics.md, recomputed from its events.
create table report_ticket_fact (
    ticket_id               bigint primary key references ticket(id) on delete cascade,
    number                  varchar(32) not null,
    template_key            varchar(100) not null,
    department              varchar(64) not null default '',
    channel                 varchar(32) not null,
    priority                varchar(2) not null,
    agent                   varchar(64) not null default '',
    calendar_key            varchar(64) not null,
    created_at              timestamptz not null,
    created_day             date not null,
    first_reply_at          timestamptz,
    first_reply_minutes     bigint,
    first_reply_working     bigint,
    first_resolved_at       timestamptz,
    resolution_minutes      bigint,
    resolution_working      bigint,
    resolved_at             timestamptz,
    resolved_day            date,
    full_resolution_minutes bigint,
    full_resolution_working bigint,
    reopened_count          int not null default 0,
    staff_replies           int not null default 0,
    customer_replies        int not null default 0,
    fcr                     boolean not null default false,
    csat                    int,
    last_event_id           bigint not null
);
create index report_fact_created on report_ticket_fact (created_day);
create index report_fact_resolved on report_ticket_fact (resolved_day);
create index report_fact_first_resolved on report_ticket_fact (first_resolved_at);
create index report_fact_open on report_ticket_fact (created_at) where resolved_at is null;
create index report_fact_export on report_ticket_fact (created_at, ticket_id);

-- Per day (reporting zone) and dimension: what happened that day. Kept by delta from the fact row's old and new
-- contributions in the same transaction, so it always equals a regrouping of report_ticket_fact.
create table report_daily (
    day                      date not null,
    template_key             varchar(100) not null,
    department               varchar(64) not null,
    channel                  varchar(32) not null,
    priority                 varchar(2) not null,
    created                  int not null default 0,
    resolved                 int not null default 0,
    reopened                 int not null default 0,
    first_reply_count        int not null default 0,
    first_reply_working_sum  bigint not null default 0,
    resolution_count         int not null default 0,
    resolution_working_sum   bigint not null default 0,
    primary key (day, template_key, department, channel, priority)
);
