//! Attendance: one session's sheet, every woman of the cohort on one page, marked present,
//! absent or excused (with a reason) and sent in one submission, with or without JavaScript
//! (the page's form posts to its own address; `server/src/admin.rs` takes it). Each mark keeps
//! a version: a sheet sent back over a mark someone else changed meanwhile does not overwrite
//! it, and says so. Its page is in `page.rs`, its queries in `repo.rs`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use super::programme::{Mark, TrainingModule};
use crate::{clock::LocalTime, error::AppError};
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetRow {
    pub application_id: i64,
    pub reference: String,
    pub name: String,
    pub mark: Option<Mark>,
    pub reason: String,
    /// The mark's version; 0 before it is taken.
    pub version: i64,
    pub marked_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    pub session_id: i64,
    pub cohort_id: i64,
    pub cohort: String,
    pub module: TrainingModule,
    pub starts_at: LocalTime,
    pub place: String,
    pub trainer: String,
    pub rows: Vec<SheetRow>,
    /// Taken from the session's day on, not before.
    pub open: bool,
}

impl Sheet {
    /// Present over marked, excused absences aside.
    pub fn attendance(&self) -> (i64, i64) {
        self.rows
            .iter()
            .fold((0, 0), |(present, counted), row| match row.mark {
                Some(Mark::Present) => (present + 1, counted + 1),
                Some(Mark::Absent) => (present, counted + 1),
                _ => (present, counted),
            })
    }
}

/// A mark that was not written: someone changed it since the sheet was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub application_id: i64,
    pub name: String,
    /// As it is now, and by whom.
    pub mark: Option<Mark>,
    pub by: String,
    /// What this sheet asked for.
    pub asked: Mark,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetReply {
    pub saved: u32,
    pub conflicts: Vec<Conflict>,
    /// Refused rows, each with the key of its message: nothing of the sheet was written.
    pub invalid: Vec<(i64, String)>,
    /// The session has not happened yet: nothing was written.
    pub not_yet: bool,
}

/// One row of a sheet as its form sends it: `mark-<id>`, `reason-<id>`, `version-<id>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostedMark {
    pub application_id: i64,
    pub mark: Option<Mark>,
    /// Not a known mark: refused.
    pub unknown_mark: bool,
    pub reason: String,
    pub version: i64,
}

/// The rows of a posted sheet, in the order of their version fields.
pub fn posted_marks(pairs: &[(String, String)]) -> Vec<PostedMark> {
    let value = |name: String| crate::registration::steps::first_of(pairs, &name).to_owned();
    pairs
        .iter()
        .filter_map(|(name, version)| {
            let id = name.strip_prefix("version-")?.parse::<i64>().ok()?;
            let mark = value(format!("mark-{id}"));
            Some(PostedMark {
                application_id: id,
                mark: Mark::from_code(&mark),
                unknown_mark: !mark.is_empty() && Mark::from_code(&mark).is_none(),
                reason: value(format!("reason-{id}")),
                version: version.parse().unwrap_or(-1),
            })
        })
        .collect()
}

/// A sheet sent as a plain form, and what became of it, for the page shown again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetPosted {
    pub pairs: Vec<(String, String)>,
    pub reply: SheetReply,
}

#[server(endpoint = "admin/sheet")]
pub async fn load_sheet(session_id: i64) -> Result<Sheet, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    match repo::sheet(&cx.db, &staff, session_id).await? {
        Some(sheet) => Ok(sheet),
        None => refuse(AppError::NotFound),
    }
}

/// The sheet's form as the page sends it (its name and value pairs).
#[server(endpoint = "admin/sheet/save", input = Json)]
pub async fn save_sheet(
    session_id: i64,
    pairs: Vec<(String, String)>,
) -> Result<SheetReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    match repo::save_sheet(
        &cx.db,
        &staff,
        session_id,
        &posted_marks(&pairs),
        cx.client(),
    )
    .await?
    {
        Some(reply) => {
            if reply.saved > 0 {
                cx.changed();
            }
            Ok(reply)
        }
        None => refuse(AppError::NotFound),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posted_sheet_reads_each_row_by_its_version_field() {
        let pairs: Vec<(String, String)> = [
            ("version-7", "0"),
            ("mark-7", "present"),
            ("reason-7", ""),
            ("version-9", "3"),
            ("mark-9", "excused"),
            ("reason-9", "malade"),
            ("version-11", "0"),
            ("version-12", "1"),
            ("mark-12", "late"),
        ]
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
        let rows = posted_marks(&pairs);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].mark, Some(Mark::Present));
        assert_eq!((rows[1].version, rows[1].reason.as_str()), (3, "malade"));
        assert_eq!((rows[2].mark, rows[2].unknown_mark), (None, false));
        assert_eq!((rows[3].mark, rows[3].unknown_mark), (None, true));
    }
}
