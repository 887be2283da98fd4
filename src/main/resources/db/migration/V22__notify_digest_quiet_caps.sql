-- Digests, quiet hours and caps for the notification hub (issue 11, ADR 0028).
-- A held e-mail (the person wants a daily digest) or a capped one (suppressed above the recipient's cap) points at the
-- digest or summary delivery that will list it: digest_id is never cleared, so a replayed digest finds its notices.
alter table notify_delivery add column digest_id bigint;
create index notify_delivery_digest on notify_delivery (digest_id) where digest_id is not null;
create index notify_delivery_cap on notify_delivery (recipient, next_at) where channel = 'email';

-- A person's schedule: quiet hours ('off', 'calendar' = outside the working hours of their calendar, 'window' =
-- quiet_from..quiet_to local time, may cross midnight) and the local time of the daily digest (default 09:00).
alter table notify_quiet add column mode varchar(16) not null default 'off';
alter table notify_quiet add column quiet_from time;
alter table notify_quiet add column quiet_to time;
alter table notify_quiet add column digest_at time;

-- Per-recipient caps that admins set, per channel: at most max_count deliveries due within window_minutes.
create table notify_cap (
    channel         varchar(20) primary key,
    max_count       int not null check (max_count between 1 and 100000),
    window_minutes  int not null check (window_minutes between 1 and 1440)
);
insert into notify_cap (channel, max_count, window_minutes) values ('email', 30, 10);
