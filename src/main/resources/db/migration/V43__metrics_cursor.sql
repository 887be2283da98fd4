-- The metrics consumer (ADR 0052) counts what happens from now on: its cursor starts at the head of the stream, so
-- an upgrade does not count the whole history as if it had just happened.
insert into event_cursor (consumer, position) select 'metrics', coalesce(max(id), 0) from ticket_event
on conflict (consumer) do nothing;
