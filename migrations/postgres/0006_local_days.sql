-- Generated from migrations/source/0006_local_days.sql by scripts/generate-migrations:
-- edit the source, then run the script.

-- Each application's day in Morocco, as the server's clock reads it from the time zone
-- database (app/src/clock.rs) when the application is stored. SQL cannot know Morocco's
-- offset on a given day (UTC+1 most of the year, UTC during Ramadan, UTC again since
-- September 2026), so 0004's fixed `+ 3600` goes: the day counters key on this column.
--
-- The applications stored before this migration have no day yet: the server works it out
-- when it starts (`registration::service::store::fill_submitted_days`), and the triggers
-- below count each one as it gets its day.

alter table applications add column submitted_day bigint;
create index applications_without_day_idx on applications (id) where submitted_day is null;

delete from daily_submissions;

drop trigger applications_counted on applications;
drop function applications_count();

create function applications_counted_on_insert() returns trigger language plpgsql as $$
begin
    insert into application_counts (region_code, province_id, status, sector, channel, n)
    values (new.region_code, new.province_id, new.status, new.sector, new.channel, 1)
    on conflict (region_code, province_id, status, sector, channel)
    do update set n = application_counts.n + 1;
    insert into daily_submissions (region_code, day, n)
    select new.region_code, new.submitted_day, 1 where new.submitted_day is not null
    on conflict (region_code, day) do update set n = daily_submissions.n + 1;
    return null;
end;
$$;
create trigger applications_counted_on_insert after insert on applications
for each row execute function applications_counted_on_insert();

create function applications_counted_on_update() returns trigger language plpgsql as $$
begin
    update application_counts set n = n - 1
    where region_code = old.region_code and province_id = old.province_id
        and status = old.status and sector = old.sector and channel = old.channel;
    insert into application_counts (region_code, province_id, status, sector, channel, n)
    values (new.region_code, new.province_id, new.status, new.sector, new.channel, 1)
    on conflict (region_code, province_id, status, sector, channel)
    do update set n = application_counts.n + 1;
    return null;
end;
$$;
create trigger applications_counted_on_update
after update of region_code, province_id, status, sector, channel on applications
for each row execute function applications_counted_on_update();

create function applications_day_counted_on_update() returns trigger language plpgsql as $$
begin
    update daily_submissions set n = n - 1
    where region_code = old.region_code and day = old.submitted_day;
    insert into daily_submissions (region_code, day, n)
    select new.region_code, new.submitted_day, 1 where new.submitted_day is not null
    on conflict (region_code, day) do update set n = daily_submissions.n + 1;
    return null;
end;
$$;
create trigger applications_day_counted_on_update
after update of region_code, submitted_day on applications
for each row execute function applications_day_counted_on_update();

create function applications_counted_on_delete() returns trigger language plpgsql as $$
begin
    update application_counts set n = n - 1
    where region_code = old.region_code and province_id = old.province_id
        and status = old.status and sector = old.sector and channel = old.channel;
    update daily_submissions set n = n - 1
    where region_code = old.region_code and day = old.submitted_day;
    return null;
end;
$$;
create trigger applications_counted_on_delete after delete on applications
for each row execute function applications_counted_on_delete();
