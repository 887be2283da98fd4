-- A notification links to its ticket by number (the ticket route), without a join to the tickets module.
alter table notification add column ticket_number varchar(32);
update notification n set ticket_number = t.number from ticket t where t.id = n.ticket_id and n.ticket_number is null;
create index notification_username_unread on notification (username) where read_at is null;
