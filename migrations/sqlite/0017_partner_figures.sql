-- Generated from migrations/source/0017_partner_figures.sql by scripts/generate-migrations:
-- edit the source, then run the script.

-- What partners read (issue 14): the programme's figures as they stood when the month began,
-- taken once a month so that reading them again, a day or a minute later, tells nothing of
-- one woman's application.
--
-- `partner_counts` holds, for each indicator, the applications it counts that were submitted
-- before the month began: their number by each axis alone (`axis_b` empty; `axis_a` empty too
-- for all of them), and by every two axes partners may cross. An axis is a report's axis code
-- or `month` (of submission, `yyyy-mm`, in Morocco); her age band is her age on the month's
-- first day.
--
-- `partner_snapshot` is its one row: the month taken (`yyyy-mm`, empty before the first), when
-- (Unix seconds), and its generation, the rows of `partner_counts` it reads. A new month's
-- counts are written beside the old ones under a new generation, then the row is switched to
-- them in one write: readers never see half of one. `building` is the month being taken, and
-- since when, so that of several servers only one takes it.

create table partner_snapshot (
    id integer primary key check (id = 1),
    month text not null,
    taken_at bigint not null,
    generation bigint not null,
    building text not null,
    building_since bigint not null
);

insert into partner_snapshot (id, month, taken_at, generation, building, building_since)
    values (1, '', 0, 0, '', 0);

create table partner_counts (
    generation bigint not null,
    indicator text not null,
    axis_a text not null,
    code_a text not null,
    axis_b text not null,
    code_b text not null,
    n bigint not null
);

create index partner_counts_generation_idx on partner_counts (generation, indicator);
