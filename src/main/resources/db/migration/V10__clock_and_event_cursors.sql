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

-- The SLA summary of a ticket, kept by the sla feature through TicketCommands.setSlaSummary: the earliest open
-- deadline and the worst state of its targets, so the inbox shows, sorts and filters by them.
alter table ticket add column sla_due_at timestamptz;
alter table ticket add column sla_state varchar(16);
create index ticket_sla_due on ticket (sla_due_at) where sla_due_at is not null;
