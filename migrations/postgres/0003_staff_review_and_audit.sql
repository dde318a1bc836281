-- The admin console: staff accounts and their sessions, the review of applications (status
-- history, notes, assignment, recommendation, who entered an assisted registration) and the
-- append-only audit log. Times are Unix seconds (UTC).

create table staff (
    id bigserial primary key,
    email text not null unique,
    name text not null,
    role text not null check (
        role in ('national_admin', 'regional_coordinator', 'reviewer', 'centre_agent', 'partner_viewer')
    ),
    region_code text references regions (code),
    password_hash text not null,
    must_change_password boolean not null default true,
    active boolean not null default true,
    failed_sign_ins bigint not null default 0,
    locked_until bigint not null default 0,
    -- Counts password changes: a session signed in under an older count has ended.
    password_version bigint not null default 0,
    created_at bigint not null,
    -- Regional roles have a region; national ones do not.
    check ((role in ('national_admin', 'partner_viewer')) = (region_code is null))
);

create table staff_sessions (
    id text primary key,
    data text not null,
    expires_at bigint not null
);

create index staff_sessions_expires_at_idx on staff_sessions (expires_at);

alter table applications add column entered_by bigint references staff (id);
alter table applications add column reviewer_id bigint references staff (id);
alter table applications add column recommendation text;
alter table applications add column reject_reason text;
alter table applications add column decided_at bigint;
-- "last first", lower case: finds her by the name she is usually called by.
alter table applications add column last_first_key text not null default '';
update applications set last_first_key = lower(last_name || ' ' || first_name);

create index applications_entered_by_idx on applications (entered_by);
create index applications_region_submitted_idx on applications (region_code, submitted_at);
create index applications_status_submitted_idx on applications (status, submitted_at);
-- Name search is a prefix range on these, compared byte by byte.
create index applications_name_key_search_idx on applications (name_key collate "C");
create index applications_last_first_key_idx on applications (last_first_key collate "C");

-- Every change of status, recommendation and assignment, in order.
create table application_events (
    id bigserial primary key,
    application_id bigint not null references applications (id),
    at bigint not null,
    actor_id bigint references staff (id),
    kind text not null,
    from_status text,
    to_status text,
    detail text
);

create index application_events_application_idx on application_events (application_id, id);

create table application_notes (
    id bigserial primary key,
    application_id bigint not null references applications (id),
    author_id bigint not null references staff (id),
    body text not null,
    created_at bigint not null
);

create index application_notes_application_idx on application_notes (application_id, id);

-- Append-only: the application never updates or deletes a row here.
create table audit_log (
    id bigserial primary key,
    at bigint not null,
    actor_id bigint references staff (id),
    actor_email text not null,
    action text not null,
    subject text not null,
    detail text not null,
    client text not null
);

create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor_id, at);
create index audit_log_action_idx on audit_log (action, at);
