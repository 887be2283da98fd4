-- The backlog at any instant (open then: created before it, not resolved by then) as the range (created_at,
-- resolved_at] containing it, answered by a GiST index instead of a scan of every fact row (FactSql.OPEN_AT).
create index report_fact_open_range on report_ticket_fact using gist (
    tstzrange(created_at, case when resolved_at is null then null else greatest(created_at, resolved_at) end, '(]'));
