-- The dashboard's figures, kept up to date by triggers as applications are inserted, change
-- status or are deleted: counting a million rows at each dashboard load would take seconds.

create table application_counts (
    region_code text not null,
    province_id bigint not null,
    status text not null,
    sector text not null,
    channel text not null,
    n bigint not null,
    primary key (region_code, province_id, status, sector, channel)
);

create table daily_submissions (
    region_code text not null,
    -- Days since 1970-01-01 in Morocco (UTC+1).
    day bigint not null,
    n bigint not null,
    primary key (region_code, day)
);

insert into application_counts (region_code, province_id, status, sector, channel, n)
select region_code, province_id, status, sector, channel, count(*)
from applications group by region_code, province_id, status, sector, channel;

insert into daily_submissions (region_code, day, n)
select region_code, (submitted_at + 3600) / 86400, count(*)
from applications group by region_code, (submitted_at + 3600) / 86400;

create function applications_count() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update application_counts set n = n - 1
        where region_code = old.region_code and province_id = old.province_id
            and status = old.status and sector = old.sector and channel = old.channel;
    end if;
    if tg_op = 'DELETE' then
        update daily_submissions set n = n - 1
        where region_code = old.region_code and day = (old.submitted_at + 3600) / 86400;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into application_counts (region_code, province_id, status, sector, channel, n)
        values (new.region_code, new.province_id, new.status, new.sector, new.channel, 1)
        on conflict (region_code, province_id, status, sector, channel)
        do update set n = application_counts.n + 1;
    end if;
    if tg_op = 'INSERT' then
        insert into daily_submissions (region_code, day, n)
        values (new.region_code, (new.submitted_at + 3600) / 86400, 1)
        on conflict (region_code, day) do update set n = daily_submissions.n + 1;
    end if;
    return null;
end;
$$;

create trigger applications_counted
after insert or delete or update of region_code, province_id, status, sector, channel
on applications for each row execute function applications_count();

-- The list's common filters (region, status, sector) in the order it shows them; it also
-- serves every query the (region, status) index served.
create index applications_region_status_sector_submitted_idx
    on applications (region_code, status, sector, submitted_at);
drop index applications_region_status_idx;

-- "Possible duplicates only", for a region and for the whole country.
create index applications_flagged_region_idx
    on applications (region_code, submitted_at) where possible_duplicate = true;
create index applications_flagged_idx
    on applications (submitted_at) where possible_duplicate = true;
