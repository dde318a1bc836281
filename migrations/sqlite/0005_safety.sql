-- Safety for the women who apply and for staff accounts:
-- - a CIN may have several applications: a second one is a possible duplicate for staff to
--   resolve, so that nobody learns whether a CIN has applied (the unique constraint goes);
-- - places are taken by acceptances, not by submissions: the mark of a submission made past
--   the region's target goes;
-- - the connection an application came from, as a keyed hash, marks bursts from one address;
-- - staff sign-in failures are throttled in memory (the lockout columns go), devices where
--   staff signed in are remembered, demo accounts are marked;
-- - the server's own secret keys.

-- SQLite cannot drop a unique constraint: the table is built again. With foreign keys on,
-- dropping it counts each row that refers to it as a deferred violation; putting the rows
-- back into the new table clears them before the migration commits.
pragma defer_foreign_keys = on;

create table applications_before_0005 as select * from applications;
create table sequence_before_0005 as
    select seq from sqlite_sequence where name = 'applications';
drop table applications;

create table applications (
    id integer primary key autoincrement,
    reference text not null unique,
    idempotency_key text not null unique,
    cin text not null,
    first_name text not null,
    last_name text not null,
    name_key text not null,
    birth_date text not null,
    phone text not null,
    email text,
    region_code text not null references regions (code),
    province_id bigint not null references provinces (id),
    locality text not null,
    area text not null,
    sector text not null,
    stage text not null,
    answers text not null,
    lang text not null,
    channel text not null default 'self' check (channel in ('self', 'assisted')),
    status text not null default 'submitted',
    possible_duplicate boolean not null default false,
    consent_version text not null,
    consented_at bigint not null,
    submitted_at bigint not null,
    version bigint not null default 1,
    entered_by bigint references staff (id),
    reviewer_id bigint references staff (id),
    recommendation text,
    reject_reason text,
    decided_at bigint,
    last_first_key text not null default '',
    client_key text,
    burst boolean not null default false
);

insert into applications (id, reference, idempotency_key, cin, first_name, last_name, name_key,
    birth_date, phone, email, region_code, province_id, locality, area, sector, stage, answers,
    lang, channel, status, possible_duplicate, consent_version, consented_at, submitted_at,
    version, entered_by, reviewer_id, recommendation, reject_reason, decided_at, last_first_key)
select id, reference, idempotency_key, cin, first_name, last_name, name_key,
    birth_date, phone, email, region_code, province_id, locality, area, sector, stage, answers,
    lang, channel, status, possible_duplicate, consent_version, consented_at, submitted_at,
    version, entered_by, reviewer_id, recommendation, reject_reason, decided_at, last_first_key
from applications_before_0005 order by id;

-- Ids of deleted applications are never given again.
update sqlite_sequence set seq = (select seq from sequence_before_0005)
where name = 'applications' and seq < (select seq from sequence_before_0005);
insert into sqlite_sequence (name, seq)
select 'applications', seq from sequence_before_0005
where not exists (select 1 from sqlite_sequence where name = 'applications');

drop table applications_before_0005;
drop table sequence_before_0005;

create index applications_cin_idx on applications (cin);
create index applications_phone_idx on applications (phone);
create index applications_name_birth_idx on applications (name_key, birth_date);
create index applications_submitted_at_idx on applications (submitted_at);
create index applications_entered_by_idx on applications (entered_by);
create index applications_region_submitted_idx on applications (region_code, submitted_at);
create index applications_status_submitted_idx on applications (status, submitted_at);
create index applications_name_key_search_idx on applications (name_key);
create index applications_last_first_key_idx on applications (last_first_key);
create index applications_region_status_sector_submitted_idx
    on applications (region_code, status, sector, submitted_at);
create index applications_flagged_region_idx
    on applications (region_code, submitted_at) where possible_duplicate = true;
create index applications_flagged_idx
    on applications (submitted_at) where possible_duplicate = true;
-- Submissions from one connection in the last minutes.
create index applications_client_idx on applications (client_key, submitted_at);

-- The dashboard's counters, as migration 0004 keeps them.
create trigger applications_counted_on_insert after insert on applications
begin
    insert or ignore into application_counts (region_code, province_id, status, sector, channel, n)
    values (new.region_code, new.province_id, new.status, new.sector, new.channel, 0);
    update application_counts set n = n + 1
    where region_code = new.region_code and province_id = new.province_id
        and status = new.status and sector = new.sector and channel = new.channel;
    insert or ignore into daily_submissions (region_code, day, n)
    values (new.region_code, (new.submitted_at + 3600) / 86400, 0);
    update daily_submissions set n = n + 1
    where region_code = new.region_code and day = (new.submitted_at + 3600) / 86400;
end;

create trigger applications_counted_on_update
after update of region_code, province_id, status, sector, channel on applications
begin
    update application_counts set n = n - 1
    where region_code = old.region_code and province_id = old.province_id
        and status = old.status and sector = old.sector and channel = old.channel;
    insert or ignore into application_counts (region_code, province_id, status, sector, channel, n)
    values (new.region_code, new.province_id, new.status, new.sector, new.channel, 0);
    update application_counts set n = n + 1
    where region_code = new.region_code and province_id = new.province_id
        and status = new.status and sector = new.sector and channel = new.channel;
end;

create trigger applications_counted_on_delete after delete on applications
begin
    update application_counts set n = n - 1
    where region_code = old.region_code and province_id = old.province_id
        and status = old.status and sector = old.sector and channel = old.channel;
    update daily_submissions set n = n - 1
    where region_code = old.region_code and day = (old.submitted_at + 3600) / 86400;
end;

-- A flag for the same CIN; the check constraint is rebuilt with the table.
create table application_flags_0005 (
    application_id bigint not null references applications (id),
    other_id bigint not null references applications (id),
    kind text not null check (kind in ('same_phone', 'same_name_and_birth_date', 'same_cin')),
    primary key (application_id, other_id, kind)
);
insert into application_flags_0005 (application_id, other_id, kind)
select application_id, other_id, kind from application_flags;
drop table application_flags;
alter table application_flags_0005 rename to application_flags;

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
