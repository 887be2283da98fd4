-- Generic deadlines (ADR 0018): a row with a due instant, fired once by whichever FlowDesk node takes it first
-- (FOR UPDATE SKIP LOCKED), its owner's handler running in the transaction that sets fired_at. sla schedules its
-- warnings and escalations here; automation's time-based rules will too.
create table deadline (
    id            bigserial primary key,
    key           varchar(200) not null unique,
    owner         varchar(64) not null,
    ticket_id     bigint not null,
    due_at        timestamptz not null,
    payload_json  text,
    fired_at      timestamptz,
    fired_by      varchar(100),
    attempts      int not null default 0,
    last_error    varchar(1000),
    retry_at      timestamptz,
    created_at    timestamptz not null default now()
);
create index deadline_due on deadline (due_at) where fired_at is null;
create index deadline_ticket on deadline (ticket_id);

-- What the sla deadline handler fired (one row per deadline key), read by reports and by the exactly-once tests.
create table sla_firing (
    id            bigserial primary key,
    key           varchar(200) not null unique,
    ticket_id     bigint not null,
    target        varchar(32) not null,
    task_id       varchar(64),
    cycle         int not null,
    level         varchar(16) not null,
    minutes       int,
    target_due_at timestamptz,
    fired_at      timestamptz not null,
    node          varchar(100),
    actions_json  text
);
create index sla_firing_ticket on sla_firing (ticket_id);
