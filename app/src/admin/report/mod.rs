//! The programme's report ("bilan", issue 14): indicators declared once here, each counted
//! over the staff member's scope and split by up to two axes, exact for the programme's staff
//! and with small numbers protected for partners (`suppression`): the applications' stages and
//! the follow-up's steps, split by region, province, age band, area, sector, project stage and
//! channel, over a period. Its page is in `page.rs` (its charts in `charts.rs`), its queries in
//! `repo.rs`, its exports in the server (`server/src/report.rs`); the partner API is still to
//! come.

pub mod charts;
pub mod page;
#[cfg(feature = "ssr")]
pub mod partner;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod suppression;

use super::{applications::filters::Filters, programme::coded};
use crate::error::AppError;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};
use suppression::{ProtectedTable, Shown};

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
        /// Enrolled women present at sessions of at least [`TRAINED_MODULES`] modules.
        Trained = "trained",
        /// Enrolled women visited by their coach at least once.
        Coached = "coached",
        /// Enrolled women whose project took a legal form (confirmed milestone).
        Formalised = "formalised",
        /// Enrolled women whose project made its first sale (confirmed milestone).
        FirstSale = "first_sale",
        /// Enrolled women with a financing line approved.
        Financed = "financed",
        /// Enrolled women paid at least one tranche.
        Paid = "paid",
        /// Enrolled women whose business was operating at the six-month survey.
        Operating6 = "operating_6",
        /// And at the twelve-month survey.
        Operating12 = "operating_12",
    }
}

/// The modules a woman attends (present at one of their sessions at least) to count as
/// trained: half of the programme's eight.
pub const TRAINED_MODULES: i64 = 4;

impl Indicator {
    /// The applications' statuses it counts; every status for [`Indicator::Received`].
    pub fn statuses(self) -> &'static [&'static str] {
        match self {
            Indicator::Received => &[],
            Indicator::Accepted => &["accepted", "enrolled"],
            Indicator::WaitingList => &["waiting_list"],
            Indicator::Rejected => &["rejected"],
            _ => &["enrolled"],
        }
    }

    /// Counts a step of the follow-up: read only by those who run it
    /// (`Staff::runs_follow_up`), as its figures on the dashboard.
    pub fn is_follow_up(self) -> bool {
        !matches!(
            self,
            Indicator::Received
                | Indicator::Accepted
                | Indicator::WaitingList
                | Indicator::Rejected
                | Indicator::Enrolled
        )
    }

    /// What else a woman's application `a` must have to be counted, as SQL: the follow-up's
    /// indicators read her marks, visits, milestones, financing and surveys.
    pub fn condition(self) -> Option<String> {
        if !self.is_follow_up() {
            return None;
        }
        let milestone = |code: &str| {
            format!(
                "exists (select 1 from milestones m where m.application_id = a.id \
                 and m.milestone = '{code}' and m.reached_day is not null)"
            )
        };
        let operating = |wave: &str| {
            format!(
                "exists (select 1 from surveys s where s.application_id = a.id \
                 and s.wave = '{wave}' and s.operating = true)"
            )
        };
        Some(match self {
            Indicator::Received
            | Indicator::Accepted
            | Indicator::WaitingList
            | Indicator::Rejected
            | Indicator::Enrolled => return None,
            Indicator::Trained => format!(
                "(select count(distinct s.module) from attendance t \
                 join training_sessions s on s.id = t.session_id \
                 where t.application_id = a.id and t.mark = 'present') >= {TRAINED_MODULES}"
            ),
            Indicator::Coached => {
                "exists (select 1 from coaching_visits v where v.application_id = a.id)".to_owned()
            }
            Indicator::Formalised => milestone("legal_form_created"),
            Indicator::FirstSale => milestone("first_sale"),
            Indicator::Financed => {
                "exists (select 1 from financing_lines l where l.application_id = a.id)".to_owned()
            }
            Indicator::Paid => "exists (select 1 from financing_lines l \
                 join tranches t on t.line_id = l.id \
                 where l.application_id = a.id and t.state in ('paid', 'reconciled'))"
                .to_owned(),
            Indicator::Operating6 => operating("month_6"),
            Indicator::Operating12 => operating("month_12"),
        })
    }

    /// The applications list's status filter holding what it counts.
    pub fn list_status(self) -> &'static str {
        use crate::admin::applications::filters::PLACED_STATUSES;
        match self {
            Indicator::Received => "",
            Indicator::Accepted => PLACED_STATUSES,
            Indicator::WaitingList => "waiting_list",
            Indicator::Rejected => "rejected",
            _ => "enrolled",
        }
    }

    /// Counts places of the regions' targets: the charts mark each region's.
    pub fn counts_places(self) -> bool {
        matches!(self, Indicator::Accepted | Indicator::Enrolled)
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
        /// Her schooling (the wizard's answer).
        Education = "education",
        /// Why an application was not accepted: for [`Indicator::Rejected`] only.
        Reason = "reason",
    }
}

impl Axis {
    /// Splits `indicator`'s figures: every axis but the reason, which splits rejections only.
    pub fn splits(self, indicator: Indicator) -> bool {
        self != Axis::Reason || indicator == Indicator::Rejected
    }
}

/// The reason axis's code for a rejection recorded without one (before reasons were asked).
pub const NO_REASON: &str = "not_given";

impl Axis {
    /// Narrows the applications list to one value of the axis.
    fn narrow(self, filters: &mut Filters, code: &str) {
        let field = match self {
            Axis::Region => &mut filters.region,
            Axis::Province => &mut filters.province,
            Axis::AgeBand => &mut filters.age,
            Axis::Area => &mut filters.area,
            Axis::Sector => &mut filters.sector,
            Axis::Stage => &mut filters.stage,
            Axis::Channel => &mut filters.channel,
            Axis::Reason => &mut filters.reason,
            Axis::Education => &mut filters.education,
        };
        *field = code.to_owned();
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

/// A table's figures as the reader reads them: its cells, each row's total, each column's
/// total, and the grand total.
pub type ShownTable = (Vec<Vec<Shown>>, Vec<Shown>, Vec<Shown>, Shown);

impl Figures {
    /// Every figure as shown, exact or protected alike.
    pub fn shown(&self) -> ShownTable {
        match self {
            Figures::Exact {
                cells,
                row_totals,
                column_totals,
                total,
            } => {
                let exact = |v: &Vec<i64>| v.iter().map(|n| Shown::Value(*n)).collect::<Vec<_>>();
                (
                    cells.iter().map(exact).collect(),
                    exact(row_totals),
                    exact(column_totals),
                    Shown::Value(*total),
                )
            }
            Figures::Protected(table) => (
                table.cells.clone(),
                table.row_totals.clone(),
                table.column_totals.clone(),
                table.total,
            ),
        }
    }
}

/// One region's figure for the charts, with its target when the indicator counts places.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionFigure {
    pub key: Key,
    pub value: Shown,
    pub target: Option<i64>,
}

/// What the report's charts draw: the indicator per region of the reader's scope (bars
/// against the target, and the map), and month by month (`yyyy-mm`) over the period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charts {
    pub regions: Vec<RegionFigure>,
    pub months: Vec<(String, Shown)>,
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
    pub charts: Charts,
    /// The period counted (submitted from, to: `yyyy-mm-dd`, empty for no bound) and the
    /// region it is limited to.
    pub from: String,
    pub to: String,
    pub region: Option<String>,
    /// The day the figures were counted (`yyyy-mm-dd`), printed with them.
    pub as_of: String,
}

#[cfg(feature = "ssr")]
impl Key {
    /// Its name in `lang`.
    pub fn name_in(&self, lang: crate::i18n::Lang) -> String {
        match &self.label_key {
            Some(label) => super::i18n::tr(lang, label),
            None => lang.pick(&self.name_fr, &self.name_ar).to_owned(),
        }
    }
}

impl Report {
    /// The query of its exports: the same axes and period (every indicator is exported).
    pub fn export_query(&self) -> String {
        let code = |axis: Option<Axis>| axis.map(Axis::code).unwrap_or_default();
        [
            ("rows", code(self.rows)),
            ("columns", code(self.columns)),
            ("from", self.from.as_str()),
            ("to", self.to.as_str()),
        ]
        .iter()
        .map(|(name, value)| format!("{name}={}", crate::layout::encode_query_value(value)))
        .collect::<Vec<_>>()
        .join("&")
    }

    /// The address of the applications list holding what the figure of row `row` and column
    /// `column` counts (`None`: the total over that axis), within the reader's own scope.
    pub fn list_link(&self, row: Option<usize>, column: Option<usize>) -> String {
        let mut filters = Filters {
            status: self.indicator.list_status().to_owned(),
            reached: if self.indicator.is_follow_up() {
                self.indicator.code().to_owned()
            } else {
                String::new()
            },
            from: self.from.clone(),
            to: self.to.clone(),
            ..Filters::default()
        };
        for (axis, keys, at) in [
            (self.rows, &self.row_keys, row),
            (self.columns, &self.column_keys, column),
        ] {
            if let (Some(axis), Some(key)) = (axis, at.and_then(|at| keys.get(at))) {
                axis.narrow(&mut filters, &key.code);
            }
        }
        match filters.to_query() {
            query if query.is_empty() => "/admin/applications".to_owned(),
            query => format!("/admin/applications?{query}"),
        }
    }
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
    if Indicator::from_code(query.indicator.trim()).is_some_and(|i| !reader.may_count(i)) {
        return refuse(AppError::Forbidden);
    }
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
