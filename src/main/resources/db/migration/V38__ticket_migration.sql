-- ADR 0047: moving running tickets to another version of their template. One row per run (the plan as proposed and
-- started), one row per ticket of the run; a ticket row is taken FOR UPDATE SKIP LOCKED in the engine transaction that
-- moves the process instance, so it is MOVED exactly when the engine state moved, on any node, across a kill -9.
create table migration_run (
    id                bigserial primary key,
    template_key      varchar(100) not null,
    source_versions   varchar(400) not null,
    target_version    int not null,
    plan_json         text not null,
    status            varchar(16) not null,
    started_by        varchar(100) not null,
    started_at        timestamptz not null,
    finished_at       timestamptz
);

create table migration_ticket (
    run_id               bigint not null references migration_run (id),
    ticket_id            bigint not null,
    process_instance_id  varchar(64) not null,
    source_version       int not null,
    state                varchar(16) not null,
    reason_text          text,
    reason               varchar(500),
    done_at              timestamptz,
    primary key (run_id, ticket_id)
);

create index migration_ticket_pending on migration_ticket (run_id) where state = 'PENDING';
create index migration_ticket_by_ticket on migration_ticket (ticket_id);
