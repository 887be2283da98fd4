-- FlowDesk's own tables. Flowable's act_* tables are created by the engine itself.

create table department (
    key        varchar(64) primary key,
    name_zh    varchar(200) not null,
    name_en    varchar(200) not null
);

create table app_user (
    id            bigserial primary key,
    username      varchar(64) not null unique,
    password_hash varchar(200) not null,
    display_name  varchar(200) not null,
    email         varchar(254),
    phone         varchar(40),
    roles         varchar(400) not null,
    locale        varchar(10) not null default 'zh-CN',
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);

create table user_department (
    user_id        bigint not null references app_user(id) on delete cascade,
    department_key varchar(64) not null references department(key),
    primary key (user_id, department_key)
);

create table form_version (
    id           bigserial primary key,
    form_key     varchar(100) not null,
    version      int not null,
    status       varchar(20) not null,
    schema_json  text not null,
    content_hash varchar(64) not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    unique (form_key, version)
);

create table template_version (
    id                     bigserial primary key,
    template_key           varchar(100) not null,
    version                int not null,
    status                 varchar(20) not null,
    name_zh                varchar(200) not null,
    name_en                varchar(200) not null,
    description_zh         text,
    description_en         text,
    ticket_type            varchar(64) not null,
    is_public              boolean not null default false,
    start_form_key         varchar(100) not null,
    bpmn_xml               text not null,
    forms_json             text not null,
    content_hash           varchar(64) not null,
    deployment_id          varchar(64),
    process_definition_id  varchar(255),
    created_at             timestamptz not null default now(),
    published_at           timestamptz,
    unique (template_key, version)
);

create sequence ticket_number_seq;

create table ticket (
    id                  bigserial primary key,
    number              varchar(32) not null unique,
    template_version_id bigint not null references template_version(id),
    template_key        varchar(100) not null,
    ticket_type         varchar(64) not null,
    title               varchar(300) not null,
    priority            varchar(2) not null,
    status              varchar(32) not null,
    channel             varchar(32) not null,
    customer_name       varchar(200),
    customer_email      varchar(254),
    customer_phone      varchar(40),
    customer_user_id    bigint references app_user(id),
    created_by          varchar(64) not null,
    data_json           text not null,
    engine_state        varchar(20) not null,
    process_instance_id varchar(64),
    current_step        varchar(400),
    idempotency_key     varchar(200),
    request_hash        varchar(64),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    resolved_at         timestamptz,
    row_version         int not null default 0
);
create unique index ticket_idempotency on ticket (created_by, idempotency_key) where idempotency_key is not null;
create index ticket_customer on ticket (customer_user_id, created_at desc);
create index ticket_status_created on ticket (status, created_at desc);
create index ticket_pending on ticket (engine_state) where engine_state <> 'ACTIVE' and engine_state <> 'ENDED';
create index ticket_phone on ticket (customer_phone);

create table ticket_task (
    task_id          varchar(64) primary key,
    ticket_id        bigint not null references ticket(id),
    task_def_key     varchar(200) not null,
    name_zh          varchar(300) not null,
    name_en          varchar(300) not null,
    form_key         varchar(100),
    form_version     int,
    candidate_group  varchar(64),
    assignee         varchar(64),
    ticket_status    varchar(32),
    state            varchar(20) not null,
    data_json        text,
    completed_by     varchar(64),
    created_at       timestamptz not null default now(),
    completed_at     timestamptz
);
create index ticket_task_ticket on ticket_task (ticket_id, created_at);
create index ticket_task_open_group on ticket_task (candidate_group, created_at) where state = 'OPEN';
create index ticket_task_open_assignee on ticket_task (assignee) where state = 'OPEN';

create table ticket_event (
    id          bigserial primary key,
    ticket_id   bigint not null references ticket(id),
    at          timestamptz not null default now(),
    kind        varchar(32) not null,
    actor       varchar(64),
    task_id     varchar(64),
    summary     varchar(500),
    details_json text,
    internal    boolean not null default false
);
create index ticket_event_ticket on ticket_event (ticket_id, id);

-- Outbox written by Flowable's event listener inside the engine's own transaction;
-- the relay applies each row to the ticket tables and deletes it (idempotent per ticket).
create table engine_event (
    id                  bigserial primary key,
    ticket_id           bigint not null,
    process_instance_id varchar(64),
    kind                varchar(32) not null,
    task_id             varchar(64),
    payload_json        text,
    created_at          timestamptz not null default now()
);
create index engine_event_ticket on engine_event (ticket_id, id);
