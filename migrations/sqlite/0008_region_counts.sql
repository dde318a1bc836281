-- Generated from migrations/source/0008_region_counts.sql by scripts/generate-migrations:
-- edit the source, then run the script.

-- Applications counted per region and status by triggers: the public pages and the wizard
-- show each region's applications and places left on every answer, and read them here from
-- at most a hundred rows. Summed from `application_counts` (a row per province, status,
-- sector and channel), they cost five times more once a few thousand women had applied.

create table region_counts (
    region_code text not null,
    status text not null,
    n bigint not null,
    primary key (region_code, status)
);

insert into region_counts (region_code, status, n)
select region_code, status, count(*) from applications group by region_code, status;

create trigger applications_region_counts_on_insert after insert on applications
begin
    insert into region_counts (region_code, status, n)
    values (new.region_code, new.status, 1)
    on conflict (region_code, status) do update set n = region_counts.n + 1;
end;

create trigger applications_region_counts_on_update
after update of region_code, status on applications
begin
    update region_counts set n = n - 1
    where region_code = old.region_code and status = old.status;
    insert into region_counts (region_code, status, n)
    values (new.region_code, new.status, 1)
    on conflict (region_code, status) do update set n = region_counts.n + 1;
end;

create trigger applications_region_counts_on_delete after delete on applications
begin
    update region_counts set n = n - 1
    where region_code = old.region_code and status = old.status;
end;
