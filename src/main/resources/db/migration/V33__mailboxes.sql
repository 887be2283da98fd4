-- Mail in, second slice (issue 12, ADR 0042): mailboxes an admin configures, and the (mailbox, UIDVALIDITY, UID)
-- key that makes a fetched message import once however often it is fetched.
create table mail_mailbox (
    key              varchar(40) primary key,
    address          varchar(320),
    template_key     varchar(100) not null default 'general-inquiry',
    department       varchar(64),
    host             varchar(255),
    port             integer,
    tls              boolean not null default true,
    username         varchar(320),
    password_sealed  text,
    folder           varchar(200) not null default 'INBOX',
    processed_folder varchar(200),
    poll_seconds     integer not null default 60,
    enabled          boolean not null default true,
    -- the watermark: the highest UID of this UIDVALIDITY whose import has committed
    uid_validity     bigint,
    last_uid         bigint not null default 0,
    last_error       text,
    last_polled_at   timestamptz,
    updated_at       timestamptz not null default now()
);

alter table mail_message add column mailbox varchar(40);
alter table mail_message add column uid_validity bigint;
alter table mail_message add column uid bigint;
create unique index mail_message_uid on mail_message(mailbox, uid_validity, uid) where uid is not null;
-- the per-sender throttle counts tickets created from one address
create index mail_message_sender_at on mail_message(sender, received_at);
