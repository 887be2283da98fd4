-- The adjustable clock's offset (only read when flowdesk.clock.adjustable=true, i.e. in tests and demos), shared by
-- every FlowDesk process on the database so that two nodes move through time together.
create table flowdesk_clock (
    id         int primary key check (id = 1),
    offset_ms  bigint not null default 0
);
insert into flowdesk_clock (id, offset_ms) values (1, 0);

-- The ticket event stream (ticket_event, append-only, ordered by id) is read by consumers (sla, routing, ...),
-- each after its own cursor. A consumer takes its row FOR UPDATE, so one node at a time advances it.
create table event_cursor (
    consumer    varchar(64) primary key,
    position    bigint not null default 0,
    updated_at  timestamptz not null default now()
);
