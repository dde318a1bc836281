-- The registration wizard: drafts kept between steps (after the identity step), and the
-- submitted applications with their possible-duplicate flags. Times are Unix seconds (UTC).

create table drafts (
    token text primary key,
    resume_code text not null unique,
    idempotency_key text not null unique,
    birth_date text not null,
    answers text not null,
    created_at bigint not null,
    updated_at bigint not null,
    expires_at bigint not null
);

create index drafts_expires_at_idx on drafts (expires_at);

create table applications (
    id bigserial primary key,
    reference text not null unique,
    idempotency_key text not null unique,
    cin text not null unique,
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
    beyond_target boolean not null default false,
    possible_duplicate boolean not null default false,
    consent_version text not null,
    consented_at bigint not null,
    submitted_at bigint not null,
    version bigint not null default 1
);

create index applications_region_status_idx on applications (region_code, status);
create index applications_phone_idx on applications (phone);
create index applications_name_birth_idx on applications (name_key, birth_date);
create index applications_submitted_at_idx on applications (submitted_at);

create table application_flags (
    application_id bigint not null references applications (id),
    other_id bigint not null references applications (id),
    kind text not null check (kind in ('same_phone', 'same_name_and_birth_date')),
    primary key (application_id, other_id, kind)
);
