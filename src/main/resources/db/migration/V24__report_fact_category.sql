-- The supervisor dashboard's top categories (issue 13, ADR 0034): the value of the ticket form's `category` field
-- (empty when the template's form has none) on each fact row. The rollups are recomputed from the event stream
-- (ADR 0031's backfill: without a cursor row the reports consumer replays the whole history), so every existing
-- ticket gets its category from the same code that keeps it up to date.
alter table report_ticket_fact add column category varchar(100) not null default '';
delete from report_daily;
delete from report_ticket_fact;
delete from event_cursor where consumer = 'reports';
