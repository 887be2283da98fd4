-- issue 15 (ADR 0041): a ticket whose flow the engine refused is not left PENDING for ever. Attempts to start it are
-- counted; a permanent failure (or too many passing ones) marks it FAILED with the reason, kept as a stored text
-- ({"key":..,"args":[..]}) so each admin reads it in their language. CANCELLED: an admin gave up on it.
alter table ticket add column engine_attempts int not null default 0;
alter table ticket add column engine_error text;
alter table ticket add column engine_failed_at timestamptz;

create index ticket_stuck on ticket (created_at) where engine_state in ('PENDING', 'FAILED');
