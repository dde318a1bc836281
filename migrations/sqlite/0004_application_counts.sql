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

create trigger applications_counted_on_insert after insert on applications
begin
    insert or ignore into application_counts (region_code, province_id, status, sector, channel, n)
    values (new.region_code, new.province_id, new.status, new.sector, new.channel, 0);
    update application_counts set n = n + 1
    where region_code = new.region_code and province_id = new.province_id
        and status = new.status and sector = new.sector and channel = new.channel;
    insert or ignore into daily_submissions (region_code, day, n)
    values (new.region_code, (new.submitted_at + 3600) / 86400, 0);
    update daily_submissions set n = n + 1
    where region_code = new.region_code and day = (new.submitted_at + 3600) / 86400;
end;

create trigger applications_counted_on_update
after update of region_code, province_id, status, sector, channel on applications
begin
    update application_counts set n = n - 1
    where region_code = old.region_code and province_id = old.province_id
        and status = old.status and sector = old.sector and channel = old.channel;
    insert or ignore into application_counts (region_code, province_id, status, sector, channel, n)
    values (new.region_code, new.province_id, new.status, new.sector, new.channel, 0);
    update application_counts set n = n + 1
    where region_code = new.region_code and province_id = new.province_id
        and status = new.status and sector = new.sector and channel = new.channel;
end;

create trigger applications_counted_on_delete after delete on applications
begin
    update application_counts set n = n - 1
    where region_code = old.region_code and province_id = old.province_id
        and status = old.status and sector = old.sector and channel = old.channel;
    update daily_submissions set n = n - 1
    where region_code = old.region_code and day = (old.submitted_at + 3600) / 86400;
end;

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
