-- Inbox search: substring search on title and customer contact without scanning every ticket.
create extension if not exists pg_trgm;
create index ticket_title_trgm on ticket using gin (lower(title) gin_trgm_ops);
create index ticket_customer_name_trgm on ticket using gin (lower(customer_name) gin_trgm_ops);
create index ticket_customer_email_trgm on ticket using gin (lower(customer_email) gin_trgm_ops);
create index ticket_customer_phone_trgm on ticket using gin (customer_phone gin_trgm_ops);
