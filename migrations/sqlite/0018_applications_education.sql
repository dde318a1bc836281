-- Generated from migrations/source/0018_applications_education.sql by scripts/generate-migrations:
-- edit the source, then run the script.

-- Her schooling as a column (issue 14's education axis): read from her answers once here, and
-- written with each application since.

alter table applications add column education text not null default '';

update applications set education = coalesce(json_extract(answers, '$.education[0]'), '');
