-- Generated from migrations/source/0012_name_order_indexes.sql by scripts/generate-migrations:
-- edit the source, then run the script.

-- A centre agent's own registrations, and a region's applications, sorted by name on a million
-- applications: their rows in name order from one index, where either index alone read all
-- of hers (or the region's) and sorted them, or read the whole name order for them.

create index applications_entered_by_name_idx on applications (entered_by, last_first_key collate "C");
create index applications_region_name_idx on applications (region_code, last_first_key collate "C");
