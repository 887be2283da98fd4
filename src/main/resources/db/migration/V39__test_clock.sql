-- A test ticket's own clock (ADR 0048): virtual now = FlowClock now + offset_ms. Only test tickets have a row; real
-- tickets never get one, so their deadlines and timers are judged by the shared clock alone.
create table test_clock (
    ticket_id   bigint primary key references ticket (id) on delete cascade,
    offset_ms   bigint not null default 0 check (offset_ms >= 0),
    updated_at  timestamptz not null
);

-- Every advance, in order: when (shared clock, and the engine's clock that Flowable timers use), the offset in force from then on, who and how. A Flowable timer
-- created at real instant c ran on the offset in force at c; this table answers which one that was.
create table test_clock_step (
    id          bigserial primary key,
    ticket_id   bigint not null references ticket (id) on delete cascade,
    real_at     timestamptz not null,
    engine_at   timestamptz not null,
    offset_ms   bigint not null,
    kind        varchar(32) not null,
    by_user     varchar(100)
);
create index test_clock_step_ticket on test_clock_step (ticket_id, engine_at);
