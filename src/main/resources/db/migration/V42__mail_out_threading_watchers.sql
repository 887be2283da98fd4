-- Mail out (issue 12, ADR 0051): the ticket's conversation in order, the addresses CC'd on it, and the unparsed
-- list's dismissals.

-- Every Message-ID of the conversation (accepted incoming mail and FlowDesk's own outgoing mail) in the order it
-- happened: References, In-Reply-To and Outlook's Thread-Index are built from it.
alter table mail_thread_id add column seq bigserial;
alter table mail_thread_id add column outgoing boolean not null default false;
alter table mail_thread_id add column at timestamptz;
create index mail_thread_id_ticket on mail_thread_id(ticket_id, seq);

-- People CC'd on a ticket's mail: customer watchers by address (no account). They get the public replies by mail,
-- and their own mail on the ticket is a participant's reply, not a stranger's note.
create table mail_watcher (
    ticket_id bigint not null references ticket(id) on delete cascade,
    address   varchar(320) not null,
    name      varchar(200),
    added_at  timestamptz not null,
    primary key (ticket_id, address)
);

-- The unparsed list: an admin dismissed the entry (kept, hidden from the list).
alter table mail_unparsed add column dismissed_at timestamptz;

-- The mail-out consumer mails what happens from now on, not the history.
insert into event_cursor (consumer, position)
select 'mail-out', coalesce(max(id), 0) from ticket_event
on conflict do nothing;
