-- Scheduled report mails (issue 13, ADR 0036): a schedule, and one run row per schedule and period. The run's
-- unique (schedule_id, period_key) is the claim: whichever node inserts it sends that period's mail, once.

create table report_schedule (
    id            bigserial primary key,
    name          varchar(200) not null,
    frequency     varchar(8) not null check (frequency in ('daily', 'weekly')),
    weekday       int check (weekday between 1 and 7),  -- weekly: ISO day the mail goes (1 = Monday)
    send_time     varchar(5) not null,                  -- HH:mm in zone
    zone          varchar(64) not null,
    recipients    text not null,                        -- user names, comma-separated
    template_key  varchar(100),
    department    varchar(64),
    enabled       boolean not null default true,
    created_by    varchar(64) not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    check (frequency = 'daily' or weekday is not null)
);

create table report_schedule_run (
    id           bigserial primary key,
    schedule_id  bigint not null references report_schedule(id) on delete cascade,
    period_key   varchar(40) not null,
    period_from  date not null,
    period_to    date not null,
    status       varchar(16) not null check (status in ('sending', 'sent', 'failed')),
    recipients   int not null default 0,
    claimed_at   timestamptz not null,
    claimed_by   varchar(100) not null,
    sent_at      timestamptz,
    error        varchar(1000),
    unique (schedule_id, period_key)
);

-- The live wall board counts open tickets: a partial index keeps that cheap when most tickets have ended.
create index report_board_open_ticket on ticket (id) where engine_state <> 'ENDED';

-- Read-only wall-board links for a TV without a session: only the SHA-256 of the token is kept; a link shows the
-- board with its creator's rights (checked at every refresh) until it is revoked.
create table report_board_token (
    id          bigserial primary key,
    token_hash  varchar(64) not null unique,
    department  varchar(64),
    label       varchar(200) not null,
    created_by  varchar(64) not null,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);
