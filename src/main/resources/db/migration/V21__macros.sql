-- Macros and canned replies (io.flowdesk.macros, ADR 0027). A canned reply is a macro with only reply text.
-- Scope: owner set = personal (that user's); department set = shared with that department; neither = global
-- (shared by admins with everyone on staff). Never both.
create table macro (
    key              varchar(64) primary key,
    name_zh          varchar(200) not null,
    name_en          varchar(200) not null,
    owner            varchar(64),
    department       varchar(64),
    reply_zh         text,
    reply_en         text,
    reply_internal   boolean not null default false,
    actions_json     text not null default '[]',
    created_at       timestamptz not null,
    created_by       varchar(64) not null,
    updated_at       timestamptz not null,
    row_version      int not null default 0,
    check (owner is null or department is null)
);
create index macro_owner on macro (owner);
create index macro_department on macro (department);

insert into macro (key, name_zh, name_en, owner, department, reply_zh, reply_en, reply_internal, actions_json,
        created_at, created_by, updated_at) values
('ask-order-number', '请提供订单号', 'Ask for the order number', null, null,
 '{{customer.name}}，您好！为了尽快处理工单 {{ticket.number}}，请回复您的订单号。谢谢！— {{agent.name}}',
 'Hello {{customer.name}}, to handle ticket {{ticket.number}} quickly, please reply with your order number. Thank you! — {{agent.name}}',
 false, '[{"type":"status","value":"WAITING_CUSTOMER"}]', now(), 'system', now()),
('resolved-closing', '已解决并关闭', 'Resolved — closing', null, 'customer-service',
 '{{customer.name}}，您好！工单 {{ticket.number}}（{{ticket.title}}）已解决，我们将关闭此工单。如仍有问题请直接回复。— {{agent.name}}',
 'Hello {{customer.name}}, ticket {{ticket.number}} ({{ticket.title}}) is resolved and we are closing it. Just reply if anything is still wrong. — {{agent.name}}',
 false, '[{"type":"status","value":"RESOLVED"},{"type":"addTag","value":"resolved-by-macro"}]', now(), 'system', now());
