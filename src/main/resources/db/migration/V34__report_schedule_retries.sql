-- A scheduled report whose mail failed is tried again (ADR 0036): the run records the recipients already mailed,
-- its attempts and when the next one is due.
alter table report_schedule_run drop constraint report_schedule_run_status_check;
alter table report_schedule_run add constraint report_schedule_run_status_check
    check (status in ('sending', 'sent', 'retry', 'failed'));
alter table report_schedule_run add column attempts int not null default 1;
alter table report_schedule_run add column sent_to text not null default '';
alter table report_schedule_run add column next_attempt_at timestamptz;
create index report_schedule_run_retry on report_schedule_run (next_attempt_at) where status = 'retry';
