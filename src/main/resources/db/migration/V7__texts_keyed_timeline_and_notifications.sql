-- Timeline entries and notifications keep their sentence as a catalogue key and arguments (JSON of a Text),
-- so every reader sees their own language. The old summary/text columns stay: rows written before this
-- migration have no key and show what they stored; new rows keep an English copy there for logs and search.
alter table ticket_event add column summary_text text;
alter table notification add column message_text text;
