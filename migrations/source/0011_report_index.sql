-- The programme's report on a million applications: what it groups and filters by, in one
-- narrow index, so that its one scan reads the index and not the applications' rows (their
-- answers are most of each row). And a woman's marks by their kind, for the women trained.

create index applications_report_idx on applications
    (status, submitted_at, region_code, province_id, birth_date, area, sector, stage, channel);

drop index attendance_application_idx;
create index attendance_application_idx on attendance (application_id, mark, session_id);
