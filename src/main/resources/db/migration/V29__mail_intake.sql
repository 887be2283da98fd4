-- Mail in (issue 12, ADR 0039): every message handed to FlowDesk is recorded once, whatever became of it.
-- Message-ID is unique; the content hash (sha-256 of the raw bytes with CRLF/CR normalised to LF) is a second net
-- for mail without a Message-ID or with a rewritten one. The record and the ticket/reply it made commit together.
create table mail_message (
    id            bigserial primary key,
    message_id    varchar(998) unique,
    content_hash  char(64) not null unique,
    sender        varchar(320),
    subject       text,
    outcome       varchar(20) not null,
    ticket_id     bigint references ticket(id) on delete set null,
    ticket_number varchar(40),
    review        boolean not null default false,
    detail        text,
    received_at   timestamptz not null
);
create index mail_message_ticket on mail_message(ticket_id);
create index mail_message_sender_created on mail_message(sender, received_at) where outcome = 'created';

-- Every Message-ID a message names (its own, In-Reply-To, References) is found by threading through this table:
-- the message's own id maps to the ticket it went to.
create table mail_thread_id (
    message_id varchar(998) primary key,
    ticket_id  bigint not null references ticket(id) on delete cascade
);

-- A message that could not be parsed, kept whole (admins list and download it).
create table mail_unparsed (
    mail_id  bigint primary key references mail_message(id) on delete cascade,
    raw      bytea not null,
    error    text not null
);

-- Addresses a delivery report said are undeliverable; notices to them are skipped.
create table mail_undeliverable (
    address    varchar(320) primary key,
    reason     text,
    marked_at  timestamptz not null
);
