-- Notification hub (issue 11, ADR 0024): one delivery row per (notice or event, recipient, channel), written in the
-- transaction of the notice; a sender pass on every node takes rows SKIP LOCKED, marks them 'sending' (committed)
-- before it sends, then 'sent' / 'retry' / 'failed'. 'suppressed' rows say why nothing was sent.
create table notify_delivery (
    id            bigserial primary key,
    delivery_key  varchar(300) not null unique,
    channel       varchar(20)  not null,
    recipient     varchar(300) not null,
    ticket_id     bigint,
    kind          varchar(64)  not null,
    payload_json  text         not null,
    status        varchar(20)  not null,
    attempts      int          not null default 0,
    next_at       timestamptz  not null,
    reason        varchar(1000),
    merged_into   bigint,
    created_at    timestamptz  not null,
    sending_at    timestamptz,
    sent_at       timestamptz,
    node          varchar(200)
);
create index notify_delivery_due on notify_delivery (next_at) where status in ('pending', 'retry');
create index notify_delivery_sending on notify_delivery (sending_at) where status = 'sending';
create index notify_delivery_log on notify_delivery (channel, id desc);
create index notify_delivery_recipient on notify_delivery (channel, recipient, sending_at);

-- Group robots per department (WeCom, DingTalk, Feishu); url and secret are AES-GCM sealed.
create table notify_robot (
    key            varchar(64) primary key,
    department_key varchar(64) not null references department(key),
    vendor         varchar(20) not null,
    locale         varchar(10) not null default 'zh-CN',
    url_sealed     text not null,
    secret_sealed  text,
    events         varchar(1000) not null,
    enabled        boolean not null default true,
    created_at     timestamptz not null
);

-- Outbound webhook endpoints for other systems.
create table notify_endpoint (
    key            varchar(64) primary key,
    url_sealed     text not null,
    secret_sealed  text not null,
    events         varchar(1000) not null,
    enabled        boolean not null default true,
    created_at     timestamptz not null
);

-- Who hears what where: a user's choice per (event, channel); admin defaults have username '*'.
create table notify_preference (
    username   varchar(64) not null,
    event      varchar(64) not null,
    channel    varchar(20) not null,
    enabled    boolean not null,
    digest     boolean not null default false,
    primary key (username, event, channel)
);
create table notify_quiet (
    username     varchar(64) primary key,
    calendar_key varchar(64)
);

-- The hub's consumer reports what happens from now on, not the history of the demo data.
insert into event_cursor (consumer, position)
select 'notify', coalesce(max(id), 0) from ticket_event
on conflict do nothing;
