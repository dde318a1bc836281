//! Morocco's clock, in one place: now, today, the start of a local day, the local day a
//! moment falls on, and how dates and times are written.
//!
//! The server reads Morocco's rules from the IANA time zone database (`Africa/Casablanca`,
//! bundled with `jiff` so every machine agrees): Morocco has changed its offset to UTC
//! more than once, and suspended it during Ramadan; no fixed offset is right for long.
//! The browser gets each moment with its offset already worked out ([`LocalTime`]).

use serde::{Deserialize, Serialize};
use time::Date;

/// Morocco's time zone, as the database names it.
pub const ZONE: &str = "Africa/Casablanca";

/// `dd/mm/yyyy`, as Moroccan forms and documents write a date.
pub fn dd_mm_yyyy(date: Date) -> String {
    format!(
        "{:02}/{:02}/{}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

/// A moment with Morocco's offset at that moment, so that it is written in Moroccan time
/// wherever it is shown, the browser included.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalTime {
    /// Unix seconds.
    pub unix: i64,
    /// Morocco's offset from UTC at that moment, in seconds.
    pub offset: i32,
}

impl LocalTime {
    /// The moment `unix`, in Moroccan time.
    #[cfg(feature = "ssr")]
    pub fn of(unix: i64) -> LocalTime {
        LocalTime {
            unix,
            offset: offset_at(unix),
        }
    }

    fn local(self) -> Option<time::PrimitiveDateTime> {
        let local =
            time::OffsetDateTime::from_unix_timestamp(self.unix + i64::from(self.offset)).ok()?;
        Some(time::PrimitiveDateTime::new(local.date(), local.time()))
    }

    /// `dd/mm/yyyy`.
    pub fn date(self) -> String {
        self.local()
            .map(|t| dd_mm_yyyy(t.date()))
            .unwrap_or_default()
    }

    /// `dd/mm/yyyy hh:mm`.
    pub fn date_time(self) -> String {
        self.local()
            .map(|t| format!("{} {:02}:{:02}", dd_mm_yyyy(t.date()), t.hour(), t.minute()))
            .unwrap_or_default()
    }

    /// `yyyy-mm-dd hh:mm`, as spreadsheets read a date and time.
    pub fn sortable(self) -> String {
        self.local()
            .map(|t| format!("{} {:02}:{:02}", iso(t.date()), t.hour(), t.minute()))
            .unwrap_or_default()
    }
}

/// `yyyy-mm-dd`.
pub fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A local day, as days since 1970-01-01 (the follow-up's dates, the counters' days), and
/// back. Pure arithmetic on the calendar: which day it is *now* is Morocco's clock's business.
pub mod days {
    use time::Date;

    /// 1970-01-01 as a Julian day.
    const EPOCH_JULIAN: i32 = 2_440_588;

    pub fn of_date(date: Date) -> i64 {
        i64::from(date.to_julian_day() - EPOCH_JULIAN)
    }

    pub fn date(day: i64) -> Date {
        i32::try_from(day)
            .ok()
            .and_then(|day| day.checked_add(EPOCH_JULIAN))
            .and_then(|julian| Date::from_julian_day(julian).ok())
            .unwrap_or(Date::MIN)
    }

    /// `yyyy-mm-dd`, as a date input sends it; none for anything else.
    pub fn parse_iso(text: &str) -> Option<i64> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let month = time::Month::try_from(month).ok()?;
        Date::from_calendar_date(year, month, day)
            .ok()
            .filter(|d| (2000..=2100).contains(&d.year()))
            .map(of_date)
    }

    /// `yyyy-mm-dd`.
    pub fn iso(day: i64) -> String {
        super::iso(date(day))
    }

    /// `dd/mm/yyyy`.
    pub fn shown(day: i64) -> String {
        super::dd_mm_yyyy(date(day))
    }

    /// The Sunday that ends the week (Monday to Sunday, as Morocco counts it) of `day`.
    pub fn week_end(day: i64) -> i64 {
        // 1970-01-01 was a Thursday: Monday is 0 at `day + 3`.
        day + 6 - (day + 3).rem_euclid(7)
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use jiff::{civil, tz::TimeZone, Timestamp};
    use std::sync::LazyLock;
    use time::{Date, OffsetDateTime};

    const DAY: i64 = 86_400;

    static MOROCCO: LazyLock<TimeZone> = LazyLock::new(|| {
        TimeZone::get(super::ZONE).unwrap_or_else(|error| {
            // The database is built into the binary: this does not happen.
            tracing::error!(%error, "no time zone data for Morocco; UTC+1 used");
            TimeZone::fixed(jiff::tz::offset(1))
        })
    });

    /// Now, in Unix seconds.
    pub fn now() -> i64 {
        OffsetDateTime::now_utc().unix_timestamp()
    }

    /// Morocco's offset from UTC at the moment `unix`, in seconds.
    pub fn offset_at(unix: i64) -> i32 {
        Timestamp::from_second(unix)
            .map(|at| MOROCCO.to_offset(at).seconds())
            .unwrap_or(0)
    }

    /// The day the moment `unix` falls on in Morocco.
    pub fn local_date(unix: i64) -> Date {
        OffsetDateTime::from_unix_timestamp(unix + i64::from(offset_at(unix)))
            .map(|t| t.date())
            .unwrap_or(Date::MIN)
    }

    /// Today in Morocco.
    pub fn today() -> Date {
        local_date(now())
    }

    /// The local day the moment `unix` falls on, as days since 1970-01-01: the key of the
    /// counters of submissions per day.
    pub fn local_day(unix: i64) -> i64 {
        (unix + i64::from(offset_at(unix))).div_euclid(DAY)
    }

    /// The date of a local day given as days since 1970-01-01.
    pub fn date_of_day(day: i64) -> Date {
        OffsetDateTime::from_unix_timestamp(day * DAY)
            .map(|t| t.date())
            .unwrap_or(Date::MIN)
    }

    /// The moment a day starts in Morocco, in Unix seconds.
    pub fn day_start(date: Date) -> i64 {
        let month = i8::try_from(u8::from(date.month())).unwrap_or(1);
        let day = i8::try_from(date.day()).unwrap_or(1);
        let year = i16::try_from(date.year()).unwrap_or(1970);
        civil::date(year, month, day)
            .to_zoned(MOROCCO.clone())
            .map(|zoned| zoned.timestamp().as_second())
            .unwrap_or_else(|_| date.midnight().assume_utc().unix_timestamp())
    }

    /// The moment a local day's `hh:mm` is in Morocco, in Unix seconds (a time a change of
    /// offset skips is read as the moment after it).
    pub fn local_moment(date: Date, hour: u8, minute: u8) -> Option<i64> {
        let month = i8::try_from(u8::from(date.month())).ok()?;
        let day = i8::try_from(date.day()).ok()?;
        let year = i16::try_from(date.year()).ok()?;
        let hour = i8::try_from(hour).ok()?;
        let minute = i8::try_from(minute).ok()?;
        civil::DateTime::new(year, month, day, hour, minute, 0, 0)
            .ok()?
            .to_zoned(MOROCCO.clone())
            .ok()
            .map(|zoned| zoned.timestamp().as_second())
    }

    /// `yyyy-mm-dd` of the day the moment `unix` falls on in Morocco.
    pub fn iso_day(unix: i64) -> String {
        super::iso(local_date(unix))
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use time::macros::date;

    fn at(text: &str) -> i64 {
        time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
            .unwrap()
            .unix_timestamp()
    }

    #[test]
    fn morocco_keeps_utc_plus_one_but_for_ramadan_and_since_september_2026() {
        assert_eq!(offset_at(at("2026-01-10T12:00:00Z")), 3600);
        // Ramadan 2026: back to UTC.
        assert_eq!(offset_at(at("2026-02-20T12:00:00Z")), 0);
        assert_eq!(offset_at(at("2026-04-10T12:00:00Z")), 3600);
        // The change of September 2026, as the time zone database has it.
        assert_eq!(offset_at(at("2026-11-30T12:00:00Z")), 0);
    }

    #[test]
    fn a_late_evening_falls_on_the_day_morocco_lives() {
        // Half past eleven at night, UTC: the next day at UTC+1, the same day in Ramadan.
        assert_eq!(
            local_date(at("2026-01-10T23:30:00Z")),
            date!(2026 - 01 - 11)
        );
        assert_eq!(
            local_date(at("2026-02-20T23:30:00Z")),
            date!(2026 - 02 - 20)
        );
        assert_eq!(
            date_of_day(local_day(at("2026-02-20T23:30:00Z"))),
            date!(2026 - 02 - 20)
        );
        assert_eq!(day_start(date!(2026 - 01 - 11)), at("2026-01-10T23:00:00Z"));
        assert_eq!(day_start(date!(2026 - 02 - 20)), at("2026-02-20T00:00:00Z"));
    }

    #[test]
    fn a_local_time_is_read_with_the_offset_of_its_day() {
        assert_eq!(
            local_moment(date!(2026 - 01 - 10), 9, 30),
            Some(at("2026-01-10T08:30:00Z"))
        );
        // In Ramadan 2026 Morocco is on UTC.
        assert_eq!(
            local_moment(date!(2026 - 02 - 20), 9, 30),
            Some(at("2026-02-20T09:30:00Z"))
        );
        assert_eq!(local_moment(date!(2026 - 02 - 20), 24, 0), None);
    }

    #[test]
    fn days_are_counted_across_month_and_year_ends() {
        let jan_31 = days::parse_iso("2027-01-31").unwrap();
        assert_eq!(days::iso(jan_31 + 1), "2027-02-01");
        assert_eq!(days::iso(jan_31 + 14), "2027-02-14");
        assert_eq!(
            days::iso(days::parse_iso("2026-12-25").unwrap() + 14),
            "2027-01-08"
        );
        assert_eq!(days::parse_iso("2027-02-29"), None);
        assert_eq!(days::parse_iso("31/01/2027"), None);
        assert_eq!(days::of_date(date!(1970 - 01 - 01)), 0);
        assert_eq!(days::shown(jan_31), "31/01/2027");
        // Thursday 2026-12-31: the week ends on Sunday 2027-01-03; a Sunday ends its own.
        let thursday = days::parse_iso("2026-12-31").unwrap();
        assert_eq!(days::iso(days::week_end(thursday)), "2027-01-03");
        assert_eq!(
            days::week_end(days::week_end(thursday)),
            days::week_end(thursday)
        );
        assert_eq!(
            days::iso(days::week_end(days::parse_iso("2027-01-04").unwrap())),
            "2027-01-10"
        );
    }

    #[test]
    fn times_are_written_in_moroccan_time() {
        let evening = LocalTime::of(at("2026-01-10T23:30:00Z"));
        assert_eq!(evening.date_time(), "11/01/2026 00:30");
        assert_eq!(evening.date(), "11/01/2026");
        assert_eq!(evening.sortable(), "2026-01-11 00:30");
        assert_eq!(dd_mm_yyyy(date!(1985 - 03 - 14)), "14/03/1985");
    }
}
