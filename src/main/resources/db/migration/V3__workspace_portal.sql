-- Workspace and portal: collaboration, attachments, notifications, audit, CSAT, saved views, status lookup.

alter table app_user add column guest boolean not null default false;
alter table ticket add column reopen_count int not null default 0;
alter table ticket add column csat_rating int;

create table attachment (
    id            bigserial primary key,
    ticket_id     bigint not null references ticket(id),
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint not null,
    sha256        varchar(64) not null,
    storage_key   varchar(64) not null unique,
    uploaded_by   varchar(64) not null,
    internal      boolean not null default false,
    created_at    timestamptz not null default now()
);
create index attachment_ticket on attachment (ticket_id, id);

create table ticket_watcher (
    ticket_id  bigint not null references ticket(id),
    username   varchar(64) not null,
    created_at timestamptz not null default now(),
    primary key (ticket_id, username)
);

create table notification (
    id          bigserial primary key,
    username    varchar(64) not null,
    ticket_id   bigint references ticket(id),
    kind        varchar(32) not null,
    text        varchar(500) not null,
    created_at  timestamptz not null default now(),
    read_at     timestamptz
);
create index notification_user on notification (username, read_at, id desc);

create table audit_event (
    id           bigserial primary key,
    at           timestamptz not null default now(),
    actor        varchar(64),
    action       varchar(64) not null,
    object_type  varchar(32) not null,
    object_id    varchar(64) not null,
    details_json text
);
create index audit_object on audit_event (object_type, object_id, id);

create table csat (
    ticket_id   bigint primary key references ticket(id),
    rating      int not null check (rating between 1 and 5),
    comment     varchar(2000),
    created_by  varchar(64) not null,
    created_at  timestamptz not null default now()
);

create table saved_view (
    id           bigserial primary key,
    username     varchar(64) not null,
    name         varchar(100) not null,
    filters_json text not null,
    created_at   timestamptz not null default now(),
    unique (username, name)
);

create table lookup_code (
    id          bigserial primary key,
    purpose     varchar(20) not null,
    subject     varchar(254) not null,
    code_hash   varchar(64) not null,
    expires_at  timestamptz not null,
    attempts    int not null default 0,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index lookup_code_subject on lookup_code (purpose, subject, id desc);

-- inbox: open tasks by department, by assignee; ticket search by customer
create index ticket_task_open_group_created on ticket_task (candidate_group, created_at desc) where state = 'OPEN' and assignee is null;
create index ticket_customer_email on ticket (lower(customer_email));
create index ticket_open_priority on ticket (priority, created_at desc) where engine_state <> 'ENDED';

-- the ticket's priority on its open tasks, so a queue sorted by priority reads an index, not the whole queue
alter table ticket_task add column priority varchar(2);
update ticket_task k set priority = t.priority from ticket t where t.id = k.ticket_id;
create index ticket_task_queue on ticket_task (candidate_group, priority, created_at) where state = 'OPEN' and assignee is null;
create index ticket_task_mine on ticket_task (assignee, priority, created_at) where state = 'OPEN';
