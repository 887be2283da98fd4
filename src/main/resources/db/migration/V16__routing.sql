-- Automatic assignment (io.flowdesk.routing, ADR 0021): skills, availability, capacity, round-robin memory, the
-- decision log and the tasks that wait because no one was eligible.

create table skill (
    key      varchar(64) primary key,
    name_zh  varchar(200) not null,
    name_en  varchar(200) not null
);

create table user_skill (
    username   varchar(64) not null references app_user(username) on delete cascade,
    skill_key  varchar(64) not null references skill(key),
    level      int not null check (level between 1 and 5),
    primary key (username, skill_key)
);

-- One row per agent who has ever set a status or been given a capacity; no row = offline, default capacity.
create table routing_agent (
    username      varchar(64) primary key references app_user(username) on delete cascade,
    status        varchar(16) not null default 'offline' check (status in ('online', 'away', 'offline')),
    changed_at    timestamptz not null default now(),
    capacity      int not null default 10 check (capacity between 0 and 1000),
    calendar_key  varchar(64)
);

-- Round robin: when an agent last got a task of a department automatically.
create table routing_last_assigned (
    username    varchar(64) not null,
    department  varchar(64) not null,
    at          timestamptz not null,
    primary key (username, department)
);

-- Every automatic decision, with what was weighed: candidates (load, score) and who was left out and why.
create table routing_decision (
    id               bigserial primary key,
    task_id          varchar(64) not null,
    ticket_id        bigint not null,
    department       varchar(64),
    strategy         varchar(32) not null,
    chosen           varchar(64),
    candidates_json  text not null,
    excluded_json    text not null,
    at               timestamptz not null
);
create index routing_decision_task on routing_decision (task_id, id);

-- Tasks whose pool was empty: they stay in the queue, flagged, and are handed out when someone becomes eligible.
create table routing_waiting (
    task_id     varchar(64) primary key,
    ticket_id   bigint not null,
    department  varchar(64) not null,
    strategy    varchar(32) not null,
    skills      varchar(400),
    flagged_at  timestamptz not null
);
create index routing_waiting_department on routing_waiting (department);
