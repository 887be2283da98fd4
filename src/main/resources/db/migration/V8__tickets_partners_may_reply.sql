-- Template setting: may an external partner working a step send public replies to the customer? Off unless a
-- template's template.json says "partnersMayReplyToCustomer": true.
alter table template_version add column partners_may_reply boolean not null default false;
