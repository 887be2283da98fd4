-- ADR 0050: personal access tokens and service accounts. A token is fdt_<public_id>_<secret>; only the SHA-256 of
-- the whole token is kept. The fixed-window counter (window_start, window_count) is the per-token rate limit shared
-- by every node: one row update per request, under the row lock.
-- a service account (role "service") has no password, so neither basic auth nor the sign-in page admits it
alter table app_user alter column password_hash drop not null;

create table api_token (
    id               bigserial primary key,
    public_id        varchar(16) not null unique,
    user_id          bigint not null references app_user(id) on delete cascade,
    name             varchar(100) not null,
    secret_hash      varchar(64) not null,
    scopes           varchar(200) not null,
    rate_per_minute  integer,
    created_by       varchar(64) not null,
    created_at       timestamptz not null,
    expires_at       timestamptz,
    revoked_at       timestamptz,
    revoked_by       varchar(64),
    last_used_at     timestamptz,
    last_used_addr   varchar(64),
    window_start     timestamptz,
    window_count     integer not null default 0
);
create index api_token_user on api_token (user_id, id);
