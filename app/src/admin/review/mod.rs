//! The review of one application: its page (answers, flags, history, notes), the workflow's
//! actions one by one or on several at once, notes and the reviewer's assignment. Its page is
//! in `page.rs`, its queries in `repo.rs`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use super::workflow::{Action, ActionKind, Refused, Status};
use crate::{clock::LocalTime, error::AppError};
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagRow {
    pub kind: String,
    pub other_id: i64,
    pub other_reference: String,
    /// The other application is in this staff member's scope (a link is shown).
    pub visible: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRow {
    pub at: LocalTime,
    pub actor: String,
    pub kind: String,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRow {
    pub at: LocalTime,
    pub author: String,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDetail {
    pub id: i64,
    pub reference: String,
    pub version: i64,
    pub status: Status,
    pub region_code: String,
    pub region_fr: String,
    pub region_ar: String,
    pub channel: String,
    pub entered_by: Option<String>,
    pub reviewer: Option<String>,
    pub recommendation: Option<String>,
    pub reject_reason: Option<String>,
    pub submitted_at: LocalTime,
    /// One of many sent from one connection in a few minutes: worth a look.
    pub burst: bool,
    /// She chose to explain her project at the centre rather than write it.
    pub explains_at_centre: bool,
    /// Every answer, as (message key of the question, the answer as shown).
    pub answers: Vec<(String, String)>,
    pub flags: Vec<FlagRow>,
    pub history: Vec<EventRow>,
    pub notes: Vec<NoteRow>,
    /// What this staff member may do now.
    pub actions: Vec<ActionKind>,
    /// The region's places are all taken: accepting is refused, the waiting list offered.
    pub target_reached: bool,
    /// After a withdrawal freed a place: the first on the region's waiting list.
    pub proposed: Option<(i64, String)>,
    pub may_note: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActReply {
    Done,
    Refused(Refused),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BulkAction {
    StartReview,
    AssignReviewer(i64),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkReply {
    pub done: u32,
    pub refused: u32,
}

#[server(endpoint = "admin/application")]
pub async fn load_application(id: i64) -> Result<ApplicationDetail, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    let lang = crate::i18n::request_lang(&cx.parts);
    match repo::detail(&cx.db, &staff, id, lang, cx.client()).await? {
        Some(detail) => Ok(detail),
        None => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/act", input = Json)]
pub async fn act_on_application(
    id: i64,
    version: i64,
    action: Action,
) -> Result<ActReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    let reply = repo::act(&cx.db, &staff, id, version, &action, cx.client()).await?;
    match reply {
        Some(reply) => {
            if reply == ActReply::Done {
                cx.changed();
            }
            Ok(reply)
        }
        None => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/bulk", input = Json)]
pub async fn act_on_many(ids: Vec<i64>, action: BulkAction) -> Result<BulkReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    let reply = repo::act_on_many(&cx.db, &staff, &ids, &action, cx.client()).await?;
    if reply.done > 0 {
        cx.changed();
    }
    Ok(reply)
}

#[server(endpoint = "admin/note")]
pub async fn add_note(id: i64, body: String) -> Result<bool, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    match repo::add_note(&cx.db, &staff, id, &body, cx.client()).await? {
        Some(added) => Ok(added),
        None => refuse(AppError::NotFound),
    }
}
