-- ADR 0049: a ticket converted to another template's flow. The row is written first and holds everything the
-- later steps need (end the old flow, re-point the ticket, start the new flow), so an interrupted conversion is
-- finished by repeating them; (ticket_id, seq) numbers a ticket's conversions and names the new flow's business key.
create table ticket_conversion (
    id                     bigserial primary key,
    ticket_id              bigint not null references ticket(id),
    seq                    int not null,
    from_template          varchar(100) not null,
    from_version_id        bigint not null,
    from_process_instance  varchar(64),
    to_template            varchar(100) not null,
    to_version_id          bigint not null,
    data_json              text not null,
    reason                 varchar(500) not null,
    actor                  varchar(100) not null,
    state                  varchar(16) not null,
    created_at             timestamptz not null,
    done_at                timestamptz,
    unique (ticket_id, seq)
);
create index ticket_conversion_open on ticket_conversion (created_at) where state <> 'DONE';
