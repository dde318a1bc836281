//! The programme's report ("bilan", issue 14): indicators declared once here, each counted
//! over the staff member's scope and split by up to two axes, exact for the programme's staff
//! and with small numbers protected for partners (`suppression`). So far the applications'
//! stages, split by region, province, age band, area, sector, project stage and channel, over
//! a period; the follow-up's indicators, its charts by region and over time, its exports and
//! the partner API are still to come. Its page is in `page.rs`, its queries in `repo.rs`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod suppression;

use super::programme::coded;
use crate::error::AppError;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};
use suppression::ProtectedTable;

#[cfg(feature = "ssr")]
use super::context::*;

coded! {
    /// What the report counts: women at a stage of the journey.
    Indicator, "admin-indicator" {
        /// Every application received.
        Received = "received",
        /// Accepted: holding a place (enrolled since, or not yet).
        Accepted = "accepted",
        WaitingList = "waiting_list",
        Rejected = "rejected",
        Enrolled = "enrolled",
    }
}

impl Indicator {
    /// The applications' statuses it counts; every status for [`Indicator::Received`].
    pub fn statuses(self) -> &'static [&'static str] {
        match self {
            Indicator::Received => &[],
            Indicator::Accepted => &["accepted", "enrolled"],
            Indicator::WaitingList => &["waiting_list"],
            Indicator::Rejected => &["rejected"],
            Indicator::Enrolled => &["enrolled"],
        }
    }

    /// The key of its definition, shown under its name.
    pub fn definition_key(self) -> String {
        format!("{}-definition", self.label_key())
    }
}

coded! {
    /// What an indicator can be split by.
    Axis, "admin-axis" {
        Region = "region",
        Province = "province",
        AgeBand = "age_band",
        Area = "area",
        Sector = "sector",
        Stage = "stage",
        Channel = "channel",
    }
}

/// The age bands, by the age reached on the report's day: 18-24, 25-34, 35-44, 45-54, 55+
/// (the wizard takes women of 18 and more).
pub const AGE_BANDS: [(i32, &str); 5] = [
    (18, "18-24"),
    (25, "25-34"),
    (35, "35-44"),
    (45, "45-54"),
    (55, "55+"),
];

/// One value of an axis: its code, and its name (a region's or a province's, or the key of
/// a closed list's label).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    pub code: String,
    pub name_fr: String,
    pub name_ar: String,
    pub label_key: Option<String>,
}

/// The counts, as the staff member may read them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Figures {
    /// The programme's own staff: every count as it is.
    Exact {
        cells: Vec<Vec<i64>>,
        row_totals: Vec<i64>,
        column_totals: Vec<i64>,
        total: i64,
    },
    /// Partners: small numbers hidden, with what would give them back.
    Protected(ProtectedTable),
}

/// An indicator over the staff member's scope, split by up to two axes (one row, or one
/// column, when an axis is not chosen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub indicator: Indicator,
    pub rows: Option<Axis>,
    pub columns: Option<Axis>,
    pub row_keys: Vec<Key>,
    pub column_keys: Vec<Key>,
    pub figures: Figures,
    /// The period counted (submitted from, to: `yyyy-mm-dd`, empty for no bound) and the
    /// region it is limited to.
    pub from: String,
    pub to: String,
    pub region: Option<String>,
}

/// What the report is asked for, as its form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportQuery {
    pub indicator: String,
    pub rows: String,
    pub columns: String,
    pub from: String,
    pub to: String,
}

#[server(endpoint = "admin/report", input = Json)]
pub async fn load_report(query: ReportQuery) -> Result<Report, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    let Some(reader) = repo::Reader::of(&staff) else {
        return refuse(AppError::Forbidden);
    };
    match repo::report(&cx.db, &reader, &query).await? {
        Some(report) => Ok(report),
        None => refuse(AppError::Invalid),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::{admin::i18n::tr, i18n::Lang};

    #[test]
    fn every_indicator_and_axis_is_named_and_defined_in_both_languages() {
        let mut keys: Vec<String> = Indicator::ALL
            .iter()
            .flat_map(|i| [i.label_key(), i.definition_key()])
            .collect();
        keys.extend(Axis::ALL.iter().map(|a| a.label_key()));
        keys.push("admin-report-all".to_owned());
        for lang in Lang::ALL {
            for key in &keys {
                let text = tr(lang, key);
                assert!(!text.contains("Unknown localization key"), "{lang:?} {key}");
            }
        }
    }

    #[test]
    fn codes_read_back_and_the_age_bands_follow_each_other() {
        for indicator in Indicator::ALL {
            assert_eq!(Indicator::from_code(indicator.code()), Some(*indicator));
        }
        for axis in Axis::ALL {
            assert_eq!(Axis::from_code(axis.code()), Some(*axis));
        }
        assert!(AGE_BANDS.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert_eq!(AGE_BANDS[0].0, 18);
    }
}
