-- Generated from migrations/source/0010_follow_up.sql by scripts/generate-migrations:
-- edit the source, then run the script.

-- After acceptance: the accompaniment of each woman (issue 13). The regions' incubators and
-- social centres; cohorts of an incubator, and each woman's enrolment in one (a move closes
-- one enrolment and opens another, so her history stays); training sessions and the
-- attendance taken at each; coaching visits, the next one due from the cohort's rhythm; the
-- milestones of her project; financing lines and their tranches; the surveys of her outcomes.
-- Days are local days in Morocco, as days since 1970-01-01 (app/src/clock.rs); moments are
-- Unix seconds; amounts are whole centimes of a dirham.

create table sites (
    id integer primary key autoincrement,
    region_code text not null references regions (code),
    province_id bigint not null references provinces (id),
    kind text not null check (kind in ('incubator', 'centre')),
    name_fr text not null,
    name_ar text not null,
    address_fr text not null default '',
    address_ar text not null default '',
    capacity bigint not null check (capacity >= 0),
    created_at bigint not null,
    version bigint not null default 1
);

create index sites_region_idx on sites (region_code, kind);

-- A new role, the incubator coach, attached to one incubator; centre agents may be attached
-- to one centre. SQLite cannot change a check constraint: the table is built again, as 0005
-- built `applications` again (dropping it counts each row that refers to it as a deferred
-- violation; putting the rows back clears them before the migration commits).
pragma defer_foreign_keys = on;
create table staff_before_0010 as select * from staff;
create table sequence_before_0010 as select seq from sqlite_sequence where name = 'staff';
drop table staff;
create table staff (
    id integer primary key autoincrement,
    email text not null unique,
    name text not null,
    role text not null check (
        role in ('national_admin', 'regional_coordinator', 'reviewer', 'centre_agent', 'partner_viewer', 'incubator_coach')
    ),
    region_code text references regions (code),
    password_hash text not null,
    must_change_password boolean not null default true,
    active boolean not null default true,
    password_version bigint not null default 0,
    created_at bigint not null,
    demo boolean not null default false,
    site_id bigint references sites (id),
    check ((role in ('national_admin', 'partner_viewer')) = (region_code is null)),
    check (role <> 'incubator_coach' or site_id is not null)
);
insert into staff (id, email, name, role, region_code, password_hash, must_change_password,
    active, password_version, created_at, demo)
select id, email, name, role, region_code, password_hash, must_change_password,
    active, password_version, created_at, demo
from staff_before_0010 order by id;
update sqlite_sequence set seq = (select seq from sequence_before_0010)
where name = 'staff' and seq < (select seq from sequence_before_0010);
insert into sqlite_sequence (name, seq)
select 'staff', seq from sequence_before_0010
where not exists (select 1 from sqlite_sequence where name = 'staff');
drop table staff_before_0010;
drop table sequence_before_0010;

create index staff_site_idx on staff (site_id);

create table cohorts (
    id integer primary key autoincrement,
    site_id bigint not null references sites (id),
    region_code text not null references regions (code),
    name text not null,
    starts_day bigint not null,
    ends_day bigint not null,
    capacity bigint not null check (capacity > 0),
    coach_id bigint references staff (id),
    -- Days between two coaching visits: the next visit falls due this long after the last.
    visit_every_days bigint not null default 14 check (visit_every_days >= 1 and visit_every_days <= 120),
    created_at bigint not null,
    version bigint not null default 1,
    check (ends_day >= starts_day)
);

create index cohorts_region_idx on cohorts (region_code, starts_day);
create index cohorts_site_idx on cohorts (site_id);
create index cohorts_coach_idx on cohorts (coach_id);

-- A woman's place in a cohort. One open enrolment at a time; a move closes it (`moved`) and
-- opens one in the other cohort.
create table enrolments (
    id integer primary key autoincrement,
    application_id bigint not null references applications (id),
    cohort_id bigint not null references cohorts (id),
    region_code text not null references regions (code),
    enrolled_day bigint not null,
    left_day bigint,
    left_reason text check (left_reason in ('moved', 'withdrawn', 'completed')),
    -- The day her next coaching visit falls due.
    next_visit_day bigint not null,
    enrolled_by bigint not null references staff (id),
    created_at bigint not null,
    check ((left_day is null) = (left_reason is null))
);

create unique index enrolments_open_idx on enrolments (application_id) where left_day is null;
create index enrolments_application_idx on enrolments (application_id, id);
create index enrolments_cohort_due_idx on enrolments (cohort_id, next_visit_day) where left_day is null;
create index enrolments_region_due_idx on enrolments (region_code, next_visit_day) where left_day is null;
create index enrolments_due_idx on enrolments (next_visit_day) where left_day is null;

create table training_sessions (
    id integer primary key autoincrement,
    cohort_id bigint not null references cohorts (id),
    module text not null check (
        module in ('business_plan', 'accounting', 'marketing', 'legal_forms', 'digital_tools', 'leadership', 'financial_literacy', 'sales')
    ),
    starts_at bigint not null,
    duration_minutes bigint not null check (duration_minutes >= 15 and duration_minutes <= 600),
    place text not null,
    trainer text not null,
    created_by bigint not null references staff (id),
    created_at bigint not null
);

create index training_sessions_cohort_idx on training_sessions (cohort_id, starts_at);

-- One mark per woman and session. `version` counts its changes: a sheet sent back with an
-- older version is not written over a mark someone else changed meanwhile.
create table attendance (
    session_id bigint not null references training_sessions (id),
    application_id bigint not null references applications (id),
    mark text not null check (mark in ('present', 'absent', 'excused')),
    reason text not null default '',
    version bigint not null default 1,
    marked_by bigint not null references staff (id),
    marked_at bigint not null,
    primary key (session_id, application_id)
);

create index attendance_application_idx on attendance (application_id, session_id);

-- Marks counted per region, for the dashboard.
create table attendance_counts (
    region_code text not null,
    mark text not null,
    n bigint not null,
    primary key (region_code, mark)
);

create trigger attendance_counted_on_insert after insert on attendance
begin
    insert into attendance_counts (region_code, mark, n)
    select a.region_code, new.mark, 1 from applications a where a.id = new.application_id
    on conflict (region_code, mark) do update set n = attendance_counts.n + 1;
end;

create trigger attendance_counted_on_update after update of mark on attendance
begin
    update attendance_counts set n = n - 1
    where mark = old.mark
        and region_code = (select a.region_code from applications a where a.id = old.application_id);
    insert into attendance_counts (region_code, mark, n)
    select a.region_code, new.mark, 1 from applications a where a.id = new.application_id
    on conflict (region_code, mark) do update set n = attendance_counts.n + 1;
end;

create table coaching_visits (
    id integer primary key autoincrement,
    application_id bigint not null references applications (id),
    cohort_id bigint not null references cohorts (id),
    visit_day bigint not null,
    kind text not null check (kind in ('individual', 'group', 'on_site')),
    notes text not null default '',
    next_steps text not null default '',
    recorded_by bigint not null references staff (id),
    created_at bigint not null
);

create index coaching_visits_application_idx on coaching_visits (application_id, visit_day);

-- The milestones of her project, made from the programme's template when she is enrolled.
create table milestones (
    application_id bigint not null references applications (id),
    milestone text not null check (
        milestone in ('business_plan_drafted', 'plan_validated', 'legal_form_created', 'bank_account_opened', 'first_sale', 'financing_received')
    ),
    region_code text not null references regions (code),
    due_day bigint not null,
    reached_day bigint,
    legal_form text check (legal_form in ('auto_entrepreneur', 'cooperative', 'company')),
    document text not null default '',
    confirmed_by bigint references staff (id),
    confirmed_at bigint,
    primary key (application_id, milestone),
    check ((reached_day is null) = (confirmed_by is null))
);

create table milestone_counts (
    region_code text not null,
    milestone text not null,
    n bigint not null,
    primary key (region_code, milestone)
);

create trigger milestones_counted_on_insert after insert on milestones
begin
    insert into milestone_counts (region_code, milestone, n)
    select new.region_code, new.milestone, 1 where new.reached_day is not null
    on conflict (region_code, milestone) do update set n = milestone_counts.n + 1;
end;

create trigger milestones_counted_on_update after update of reached_day on milestones
begin
    update milestone_counts set n = n - 1
    where region_code = old.region_code and milestone = old.milestone
        and old.reached_day is not null;
    insert into milestone_counts (region_code, milestone, n)
    select new.region_code, new.milestone, 1 where new.reached_day is not null
    on conflict (region_code, milestone) do update set n = milestone_counts.n + 1;
end;

-- The money: a financing line per funder and kind, its amount approved; paid in tranches,
-- each planned, approved, paid (with its day and payment reference), then reconciled.
create table financing_lines (
    id integer primary key autoincrement,
    application_id bigint not null references applications (id),
    region_code text not null references regions (code),
    kind text not null check (kind in ('grant', 'interest_free_loan', 'micro_credit', 'in_kind')),
    funder text not null check (
        funder in ('ministry', 'indh', 'regional_council', 'provincial_council', 'other')
    ),
    funder_detail text not null default '',
    approved_centimes bigint not null check (approved_centimes > 0),
    approved_by bigint not null references staff (id),
    approved_day bigint not null,
    created_at bigint not null,
    version bigint not null default 1
);

create index financing_lines_application_idx on financing_lines (application_id);

create table tranches (
    id integer primary key autoincrement,
    line_id bigint not null references financing_lines (id),
    amount_centimes bigint not null check (amount_centimes > 0),
    state text not null default 'planned' check (state in ('planned', 'approved', 'paid', 'reconciled')),
    planned_day bigint not null,
    created_by bigint not null references staff (id),
    approved_by bigint references staff (id),
    approved_at bigint,
    paid_day bigint,
    payment_reference text,
    paid_by bigint references staff (id),
    paid_at bigint,
    reconciled_by bigint references staff (id),
    reconciled_at bigint,
    created_at bigint not null,
    version bigint not null default 1,
    check (state = 'planned' or approved_by is not null),
    check (state in ('planned', 'approved') or (paid_day is not null and payment_reference is not null and paid_by is not null)),
    check (state <> 'reconciled' or reconciled_by is not null)
);

create index tranches_line_idx on tranches (line_id, id);

-- Amounts approved and paid per region and funder, for the dashboard.
create table financing_totals (
    region_code text not null,
    funder text not null,
    approved_centimes bigint not null,
    paid_centimes bigint not null,
    primary key (region_code, funder)
);

create trigger financing_lines_counted_on_insert after insert on financing_lines
begin
    insert into financing_totals (region_code, funder, approved_centimes, paid_centimes)
    values (new.region_code, new.funder, new.approved_centimes, 0)
    on conflict (region_code, funder)
    do update set approved_centimes = financing_totals.approved_centimes + new.approved_centimes;
end;

create trigger tranches_counted_on_update after update of state on tranches
begin
    update financing_totals set paid_centimes = paid_centimes + new.amount_centimes
    where new.state = 'paid' and old.state <> 'paid' and old.state <> 'reconciled'
        and (region_code, funder) in
            (select l.region_code, l.funder from financing_lines l where l.id = new.line_id);
end;

create trigger tranches_counted_on_insert after insert on tranches
begin
    update financing_totals set paid_centimes = paid_centimes + new.amount_centimes
    where new.state in ('paid', 'reconciled')
        and (region_code, funder) in
            (select l.region_code, l.funder from financing_lines l where l.id = new.line_id);
end;

-- What each funder brought to the programme, in centimes; regional and provincial councils
-- share one budget.
create table budget_lines (
    code text primary key check (code in ('ministry', 'indh', 'councils', 'other')),
    budget_centimes bigint not null check (budget_centimes >= 0)
);

insert into budget_lines (code, budget_centimes) values
    ('ministry', 16300000000),
    ('indh', 4200000000),
    ('councils', 15350000000),
    ('other', 0);

-- Her outcomes, asked at enrolment (baseline), 6 and 12 months; made when she is enrolled,
-- answered by her coach.
create table surveys (
    application_id bigint not null references applications (id),
    wave text not null check (wave in ('baseline', 'month_6', 'month_12')),
    region_code text not null references regions (code),
    due_day bigint not null,
    done_day bigint,
    entered_by bigint references staff (id),
    operating boolean,
    revenue_band text,
    jobs_women bigint check (jobs_women >= 0),
    jobs_men bigint check (jobs_men >= 0),
    formalised boolean,
    income_band text,
    primary key (application_id, wave),
    check ((done_day is null) = (entered_by is null))
);

create index surveys_due_idx on surveys (region_code, due_day) where done_day is null;
create index surveys_all_due_idx on surveys (due_day) where done_day is null;

create table survey_counts (
    region_code text not null,
    wave text not null,
    answered bigint not null,
    operating bigint not null,
    primary key (region_code, wave)
);

create trigger surveys_counted_on_update after update of done_day, operating on surveys
begin
    update survey_counts
    set answered = answered - 1,
        operating = operating - (case when old.operating then 1 else 0 end)
    where region_code = old.region_code and wave = old.wave and old.done_day is not null;
    insert into survey_counts (region_code, wave, answered, operating)
    select new.region_code, new.wave, 1, case when new.operating then 1 else 0 end
    where new.done_day is not null
    on conflict (region_code, wave) do update
    set answered = survey_counts.answered + 1,
        operating = survey_counts.operating + excluded.operating;
end;

create trigger surveys_counted_on_insert after insert on surveys
begin
    insert into survey_counts (region_code, wave, answered, operating)
    select new.region_code, new.wave, 1, case when new.operating then 1 else 0 end
    where new.done_day is not null
    on conflict (region_code, wave) do update
    set answered = survey_counts.answered + 1,
        operating = survey_counts.operating + excluded.operating;
end;
