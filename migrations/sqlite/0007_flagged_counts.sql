-- Generated from migrations/source/0007_flagged_counts.sql by scripts/generate-migrations:
-- edit the source, then run the script.

-- The possible duplicates still to resolve, counted per region and status by triggers like
-- the dashboard's other counters: the dashboard counted them among every application at
-- each change (1.9 s on SQLite with a million applications).

create table flagged_counts (
    region_code text not null,
    status text not null,
    n bigint not null,
    primary key (region_code, status)
);

insert into flagged_counts (region_code, status, n)
select region_code, status, count(*) from applications where possible_duplicate = true
group by region_code, status;

create trigger applications_flagged_on_insert after insert on applications
begin
    insert into flagged_counts (region_code, status, n)
    select new.region_code, new.status, 1 where new.possible_duplicate
    on conflict (region_code, status) do update set n = flagged_counts.n + 1;
end;

create trigger applications_flagged_on_update
after update of region_code, status, possible_duplicate on applications
begin
    update flagged_counts set n = n - 1
    where region_code = old.region_code and status = old.status and old.possible_duplicate;
    insert into flagged_counts (region_code, status, n)
    select new.region_code, new.status, 1 where new.possible_duplicate
    on conflict (region_code, status) do update set n = flagged_counts.n + 1;
end;

create trigger applications_flagged_on_delete after delete on applications
begin
    update flagged_counts set n = n - 1
    where region_code = old.region_code and status = old.status and old.possible_duplicate;
end;
