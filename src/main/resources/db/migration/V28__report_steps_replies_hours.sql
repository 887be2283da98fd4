-- Report rollups of issue 13 beyond ADR 0031: per-step rows of the flow heatmap (ADR 0038), next responses and
-- hourly counts. The per-step rows are kept by the "reports-steps" ticket event consumer, so the heatmap reads these
-- instead of scanning tickets, tasks, events and Flowable's history; each ticket's rows are rewritten from its history
-- whenever one of its events arrives (the rows of a ticket always equal a recomputation).
-- Test tickets get no rows. A new cursor starts at 0: the first run is the backfill.

-- One row per task (a step entered once) of a non-test ticket; cancelled steps are left out.
create table report_step (
    task_id           varchar(64) primary key,
    ticket_id         bigint not null references ticket(id) on delete cascade,
    template_key      varchar(100) not null,
    version           int not null,
    ticket_created_at timestamptz not null,
    step_id           varchar(255) not null,
    name_zh           text,
    name_en           text,
    entry_no          int not null,
    entered_at        timestamptz not null,
    claimed_at        timestamptz,
    completed_at      timestamptz,
    wait_seconds      double precision,
    work_seconds      double precision
);
create index report_step_template on report_step (template_key, ticket_created_at);
create index report_step_ticket on report_step (ticket_id);

-- How often a ticket's flow took each sequence flow (Flowable's history, per process instance).
create table report_flow (
    ticket_id         bigint not null references ticket(id) on delete cascade,
    flow_id           varchar(255) not null,
    template_key      varchar(100) not null,
    version           int not null,
    ticket_created_at timestamptz not null,
    taken             int not null,
    primary key (ticket_id, flow_id)
);
create index report_flow_template on report_flow (template_key, ticket_created_at);

-- Next responses (docs/metrics.md): one row per gap from a customer's reply after a staff reply to the next staff
-- reply, kept with the ticket's fact row by the "reports" consumer (deleted with it).
create table report_reply_gap (
    ticket_id   bigint not null references report_ticket_fact(ticket_id) on delete cascade,
    seq         int not null,
    asked_at    timestamptz not null,
    replied_at  timestamptz not null,
    replied_day date not null,
    minutes     bigint not null,
    working     bigint not null,
    primary key (ticket_id, seq)
);
create index report_reply_gap_day on report_reply_gap (replied_day);

-- Per hour (UTC hour boundaries) and dimension, with the agent: tickets created and resolved (current resolution)
-- in that hour. Kept by delta with report_daily, so it always equals a regrouping of report_ticket_fact.
create table report_hourly (
    hour          timestamptz not null,
    template_key  varchar(100) not null,
    department    varchar(64) not null,
    channel       varchar(32) not null,
    priority      varchar(2) not null,
    agent         varchar(64) not null,
    created       int not null default 0,
    resolved      int not null default 0,
    primary key (hour, template_key, department, channel, priority, agent)
);
create index report_hourly_agent on report_hourly (agent, hour);
