-- Chat transcripts in (ADR 0043): one row per conversation of the online-chat system. The unique key on the
-- conversation id serialises concurrent posts of the same conversation (insert ... on conflict do nothing, then
-- select ... for update); ticket_id is the conversation's current ticket (a new one when the last was closed) and
-- message_count how many of the transcript's messages (by position) are already on a timeline.
create table chat_conversation (
    conversation_id varchar(200) primary key,
    ticket_id       bigint references ticket(id),
    message_count   integer not null default 0,
    last_at         timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index chat_conversation_ticket on chat_conversation (ticket_id);
