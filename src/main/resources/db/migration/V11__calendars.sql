-- Business calendars (io.flowdesk.sla, ADR 0016). The weekly pattern is small and always read whole: a JSON column
-- {"MONDAY": ["09:00-12:00", "13:30-18:00"], ...}. Holidays and make-up working days are rows, one per date, so
-- reports and SLA recomputation can query them. Every write bumps version; each node's cache compares it.
create table calendar (
    key                varchar(64) primary key,
    name_zh            varchar(200) not null,
    name_en            varchar(200) not null,
    zone               varchar(64) not null,
    week_json          text not null,
    make_up_weekday    varchar(9) not null default 'MONDAY',
    twenty_four_seven  boolean not null default false,
    version            bigint not null default 1,
    updated_at         timestamptz not null default now(),
    updated_by         varchar(100)
);

create table calendar_day (
    id            bigserial primary key,
    calendar_key  varchar(64) not null references calendar (key) on delete cascade,
    day           date not null,
    kind          varchar(8) not null check (kind in ('holiday', 'makeup')),
    name          varchar(200) not null default '',
    unique (calendar_key, day)
);
