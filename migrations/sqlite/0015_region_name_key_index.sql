-- Generated from migrations/source/0015_region_name_key_index.sql by scripts/generate-migrations:
-- edit the source, then run the script.

-- A name searched within one region (a reviewer's, a coordinator's, or the region chosen) on a
-- million applications: the name's start read in the region alone, both ways it is written
-- ("first last" here, "last first" in `applications_region_name_idx`), where a one-letter
-- start read it across the twelve regions.

create index applications_region_name_key_idx on applications (region_code, name_key);
