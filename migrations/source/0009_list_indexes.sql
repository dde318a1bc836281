-- The console's list, on a million applications: a province, and a centre agent's own
-- registrations, each read in the order of their time, as the list shows them.

create index applications_province_submitted_idx on applications (province_id, submitted_at);

drop index applications_entered_by_idx;
create index applications_entered_by_idx on applications (entered_by, submitted_at);
