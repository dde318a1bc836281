-- Her schooling as a column (issue 14's education axis): read from her answers once here, and
-- written with each application since.

alter table applications add column education text not null default '';

--sqlite: update applications set education = coalesce(json_extract(answers, '$.education[0]'), '');
--postgres: update applications set education = coalesce(cast(answers as json) -> 'education' ->> 0, '');
