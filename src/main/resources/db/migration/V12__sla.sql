-- SLA policies, customer tiers, per-ticket SLA clocks and outcomes (issue 10, ADR 0017)

-- Tiers: a customer's own, or their organisation's when that is higher (vip > standard).
create table organisation (
    key        varchar(64) primary key,
    name       varchar(200) not null,
    tier       varchar(20) not null default 'standard',
    created_at timestamptz not null default now()
);
alter table app_user add column tier varchar(20) not null default 'standard';
alter table app_user add column organisation_key varchar(64) references organisation(key) on delete set null;

-- Ordered policies, first match wins. Conditions and targets are JSON documents (io.flowdesk.sla.SlaPolicy).
create table sla_policy (
    key             varchar(64) primary key,
    name_zh         varchar(200) not null,
    name_en         varchar(200) not null,
    position        int not null,
    enabled         boolean not null default true,
    conditions_json text not null default '{}',
    calendar_key    varchar(64) not null default 'cn-standard',
    targets_json    text not null default '{}',
    updated_at      timestamptz not null default now()
);

-- Derived from the ticket's events on every change (a cache for reading; recomputed, never edited).
create table sla_clock (
    ticket_id      bigint not null references ticket(id) on delete cascade,
    target         varchar(20) not null,
    task_id        varchar(64) not null default '',
    cycle          int not null,
    policy_key     varchar(64),
    calendar_key   varchar(64),
    label_zh       varchar(200),
    label_en       varchar(200),
    target_minutes bigint not null,
    started_at     timestamptz not null,
    stopped_at     timestamptz,
    paused_since   timestamptz,
    paused_json    text not null default '[]',
    used_minutes   bigint not null default 0,
    due_at         timestamptz,
    state          varchar(20) not null,
    updated_at     timestamptz not null default now(),
    primary key (ticket_id, target, task_id, cycle)
);

-- One row per stopped target and cycle: met or breached, for reports.
create table sla_outcome (
    ticket_id       bigint not null references ticket(id) on delete cascade,
    target          varchar(20) not null,
    task_id         varchar(64) not null default '',
    cycle           int not null,
    policy_key      varchar(64),
    met             boolean not null,
    used_minutes    bigint not null,
    target_minutes  bigint not null,
    due_at          timestamptz,
    stopped_at      timestamptz not null,
    recorded_at     timestamptz not null default now(),
    primary key (ticket_id, target, task_id, cycle)
);
create index sla_outcome_stopped on sla_outcome (stopped_at);

insert into organisation (key, name, tier) values ('acme', 'Acme 集团 Acme Group', 'vip');

-- Shipped policies (admins edit them): VIP P1 first, then P1/P2, then everything else.
insert into sla_policy (key, name_zh, name_en, position, enabled, conditions_json, calendar_key, targets_json) values
('vip-p1', 'VIP 紧急', 'VIP urgent', 1, true,
 '{"templates":[],"priorities":["P1"],"tiers":["vip"],"channels":[]}', 'cn-standard',
 '{"FIRST_RESPONSE":{"minutes":15,"time":"working","ladder":[{"level":"warning","percent":80,"actions":[{"type":"notify","to":"assignee"}]},{"level":"breach","actions":[{"type":"notify","to":"supervisor"},{"type":"watcher","user":"supervisor"}]}]},
   "NEXT_RESPONSE":{"minutes":30,"time":"working","ladder":[{"level":"breach","actions":[{"type":"notify","to":"assignee"}]}]},
   "RESOLUTION":{"minutes":240,"time":"working","ladder":[{"level":"warning","minutesBefore":60,"actions":[{"type":"notify","to":"assignee"}]},{"level":"breach","actions":[{"type":"notify","to":"supervisor"}]},{"level":"after","minutes":60,"workingHoursOnly":true,"actions":[{"type":"reassign","department":"cs-supervisor"}]}]},
   "STEP":{"time":"working","ladder":[{"level":"breach","actions":[{"type":"notify","to":"assignee"}]}]}}'),
('p1-p2', '紧急与高优先级', 'Urgent and high', 2, true,
 '{"templates":[],"priorities":["P1","P2"],"tiers":[],"channels":[]}', 'cn-standard',
 '{"FIRST_RESPONSE":{"minutesByPriority":{"P1":30,"P2":60},"time":"working","ladder":[{"level":"warning","percent":80,"actions":[{"type":"notify","to":"assignee"}]},{"level":"breach","actions":[{"type":"notify","to":"supervisor"}]}]},
   "NEXT_RESPONSE":{"minutesByPriority":{"P1":60,"P2":120},"time":"working","ladder":[{"level":"breach","actions":[{"type":"notify","to":"assignee"}]}]},
   "RESOLUTION":{"minutesByPriority":{"P1":240,"P2":960},"time":"working","ladder":[{"level":"warning","percent":75,"actions":[{"type":"notify","to":"assignee"}]},{"level":"breach","actions":[{"type":"notify","to":"supervisor"},{"type":"priority","value":"raise"}]}]},
   "STEP":{"time":"working","ladder":[{"level":"breach","actions":[{"type":"notify","to":"assignee"}]}]}}'),
('standard', '标准', 'Standard', 3, true,
 '{"templates":[],"priorities":[],"tiers":[],"channels":[]}', 'cn-standard',
 '{"FIRST_RESPONSE":{"minutes":240,"time":"working","ladder":[{"level":"breach","actions":[{"type":"notify","to":"assignee"}]}]},
   "NEXT_RESPONSE":{"minutes":480,"time":"working","ladder":[{"level":"breach","actions":[{"type":"notify","to":"assignee"}]}]},
   "RESOLUTION":{"minutesByPriority":{"P3":2400,"P4":4800},"minutes":2400,"time":"working","ladder":[{"level":"warning","percent":80,"actions":[{"type":"notify","to":"assignee"}]},{"level":"breach","actions":[{"type":"notify","to":"supervisor"}]}]},
   "STEP":{"time":"working","ladder":[{"level":"breach","actions":[{"type":"notify","to":"assignee"}]}]}}');
