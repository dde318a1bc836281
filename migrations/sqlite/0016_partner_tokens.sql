-- Generated from migrations/source/0016_partner_tokens.sql by scripts/generate-migrations:
-- edit the source, then run the script.

-- The partners' API keys (issue 14): issued by national administrators, each named, scoped
-- to the whole country (no region) or to one region, expiring, and revocable. The key itself
-- is shown once; what is kept is its SHA-256 (a key is 256 random bits: no password to
-- stretch) and the first characters, for people to tell keys apart. Moments are Unix seconds.

create table partner_tokens (
    id integer primary key autoincrement,
    name text not null,
    region_code text references regions (code),
    token_hash text not null unique,
    shown_prefix text not null,
    created_by bigint not null references staff (id),
    created_at bigint not null,
    expires_at bigint not null,
    revoked_at bigint,
    revoked_by bigint references staff (id),
    last_used_at bigint
);

create index partner_tokens_created_idx on partner_tokens (created_at);
