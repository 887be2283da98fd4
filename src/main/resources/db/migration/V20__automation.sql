-- Automation rules (io.flowdesk.automation, ADR 0026) and ticket tags.

create table ticket_tag (
    ticket_id   bigint not null references ticket(id) on delete cascade,
    tag         varchar(64) not null,
    created_at  timestamptz not null,
    primary key (ticket_id, tag)
);
create index ticket_tag_tag on ticket_tag (tag);

-- A rule: trigger, conditions ({"all":[...],"any":[...]}) and actions as JSON, run in position order.
create table automation_rule (
    key              varchar(64) primary key,
    name_zh          varchar(200) not null,
    name_en          varchar(200) not null,
    trigger_json     text not null,
    conditions_json  text not null,
    actions_json     text not null,
    position         int not null,
    enabled          boolean not null default false,
    updated_at       timestamptz not null,
    updated_by       varchar(64)
);

-- One row per rule, ticket and triggering event: a rule fires at most once per ticket and event.
create table automation_firing (
    id         bigserial primary key,
    rule_key   varchar(64) not null,
    ticket_id  bigint not null references ticket(id) on delete cascade,
    event_id   bigint not null,
    depth      int not null,
    fired_at   timestamptz not null,
    unique (rule_key, ticket_id, event_id)
);

-- Why a rule fired or not: one row per rule evaluated on a ticket's event (matched, or the condition that failed).
create table automation_trace (
    id          bigserial primary key,
    ticket_id   bigint not null references ticket(id) on delete cascade,
    event_id    bigint not null,
    event_kind  varchar(64) not null,
    rule_key    varchar(64) not null,
    outcome     varchar(16) not null,
    failed      text,
    at          timestamptz not null
);
create index automation_trace_ticket on automation_trace (ticket_id, id);

insert into automation_rule (key, name_zh, name_en, trigger_json, conditions_json, actions_json, position, enabled,
        updated_at, updated_by) values
('refund-to-finance', '退款工单转财务', 'Refund tickets go to finance', '{"type":"TICKET_CREATED"}',
 '{"all":[],"any":[{"field":"title","op":"contains","value":"退款"},{"field":"title","op":"contains","value":"refund"}]}',
 '[{"type":"route","department":"finance"}]', 10, false, now(), null),
('no-first-response-4h', '4 个工作小时未首次响应升优先级', 'No first response in 4 working hours: raise priority',
 '{"type":"TIME","since":"CREATED","minutes":240,"working":true,"calendar":"cn-standard"}',
 '{"all":[{"field":"firstResponse","op":"empty"}],"any":[]}',
 '[{"type":"priority","value":"raise"}]', 20, false, now(), null);

-- Automation starts at the end of the history: switching a rule on never replays old tickets (ADR 0026).
insert into event_cursor (consumer, position) select 'automation', coalesce(max(id), 0) from ticket_event
    on conflict do nothing;
