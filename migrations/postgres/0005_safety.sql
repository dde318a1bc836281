-- Safety for the women who apply and for staff accounts:
-- - a CIN may have several applications: a second one is a possible duplicate for staff to
--   resolve, so that nobody learns whether a CIN has applied (the unique constraint goes);
-- - places are taken by acceptances, not by submissions: the mark of a submission made past
--   the region's target goes;
-- - the connection an application came from, as a keyed hash, marks bursts from one address;
-- - staff sign-in failures are throttled in memory (the lockout columns go), devices where
--   staff signed in are remembered, demo accounts are marked;
-- - the server's own secret keys.

alter table applications drop constraint applications_cin_key;
create index applications_cin_idx on applications (cin);
alter table applications drop column beyond_target;
alter table applications add column client_key text;
alter table applications add column burst boolean not null default false;
-- Submissions from one connection in the last minutes.
create index applications_client_idx on applications (client_key, submitted_at);

alter table application_flags drop constraint application_flags_kind_check;
alter table application_flags add constraint application_flags_kind_check
    check (kind in ('same_phone', 'same_name_and_birth_date', 'same_cin'));

alter table staff drop column failed_sign_ins;
alter table staff drop column locked_until;
alter table staff add column demo boolean not null default false;

-- Devices where a staff member signed in with the right password (a random token in a
-- cookie, kept here as its SHA-256): many wrong passwords from elsewhere do not slow them.
create table staff_devices (
    token_hash text primary key,
    staff_id bigint not null references staff (id),
    created_at bigint not null,
    last_used_at bigint not null
);

create index staff_devices_staff_idx on staff_devices (staff_id);

-- Keys the server makes itself on first start (signing cookies, hashing addresses).
create table server_keys (
    name text primary key,
    value text not null
);
