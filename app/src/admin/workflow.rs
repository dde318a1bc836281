//! The review workflow as a state machine: which status an action leads to, and who may take
//! it. The server applies it (with a version check, so two people acting at once cannot
//! overwrite each other); the application page uses it to offer only the allowed actions.
//!
//! submitted → under review → accepted, waiting list or rejected; waiting list → accepted;
//! accepted → enrolled; any status but withdrawn → withdrawn, at the applicant's request.
//! Reviewers recommend; coordinators (and national administrators) decide.

use super::roles::Role;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    Submitted,
    UnderReview,
    Accepted,
    WaitingList,
    Rejected,
    Enrolled,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Submitted,
        Status::UnderReview,
        Status::Accepted,
        Status::WaitingList,
        Status::Rejected,
        Status::Enrolled,
        Status::Withdrawn,
    ];

    /// As stored in `applications.status`.
    pub fn code(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::UnderReview => "under_review",
            Status::Accepted => "accepted",
            Status::WaitingList => "waiting_list",
            Status::Rejected => "rejected",
            Status::Enrolled => "enrolled",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.code() == code)
    }

    /// The message key of the status's short name in the console.
    pub fn label_key(self) -> String {
        format!("admin-status-{}", self.code().replace('_', "-"))
    }

    /// Holds one of the region's places (counts against its target).
    pub fn takes_a_place(self) -> bool {
        matches!(self, Status::Accepted | Status::Enrolled)
    }
}

/// The statuses that [`Status::takes_a_place`], as a list for SQL's `status in (...)`.
pub const TAKES_A_PLACE_SQL: &str = "'accepted', 'enrolled'";

/// The statuses not decided yet (received, under review), for SQL's `status in (...)`.
pub const OPEN_SQL: &str = "'submitted', 'under_review'";

/// What a reviewer recommends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Recommendation {
    Accept,
    WaitingList,
    Reject,
}

impl Recommendation {
    pub const ALL: [Recommendation; 3] = [
        Recommendation::Accept,
        Recommendation::WaitingList,
        Recommendation::Reject,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Recommendation::Accept => "accept",
            Recommendation::WaitingList => "waiting_list",
            Recommendation::Reject => "reject",
        }
    }

    pub fn from_code(code: &str) -> Option<Recommendation> {
        Recommendation::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label_key(self) -> String {
        format!("admin-recommend-{}", self.code().replace('_', "-"))
    }
}

/// Why an application is rejected; `Other` needs the free text to say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RejectReason {
    NotEligible,
    IncompleteFile,
    ProjectNotViable,
    Duplicate,
    Other,
}

impl RejectReason {
    pub const ALL: [RejectReason; 5] = [
        RejectReason::NotEligible,
        RejectReason::IncompleteFile,
        RejectReason::ProjectNotViable,
        RejectReason::Duplicate,
        RejectReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RejectReason::NotEligible => "not_eligible",
            RejectReason::IncompleteFile => "incomplete_file",
            RejectReason::ProjectNotViable => "project_not_viable",
            RejectReason::Duplicate => "duplicate",
            RejectReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<RejectReason> {
        RejectReason::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label_key(self) -> String {
        format!("admin-reject-{}", self.code().replace('_', "-"))
    }
}

/// What staff can do to an application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    StartReview,
    Recommend(Recommendation),
    Accept,
    WaitList,
    Reject { reason: RejectReason, text: String },
    Enrol,
    Withdraw,
}

/// An action without its details, for buttons and permission checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    StartReview,
    Recommend,
    Accept,
    WaitList,
    Reject,
    Enrol,
    Withdraw,
}

impl ActionKind {
    pub const ALL: [ActionKind; 7] = [
        ActionKind::StartReview,
        ActionKind::Recommend,
        ActionKind::Accept,
        ActionKind::WaitList,
        ActionKind::Reject,
        ActionKind::Enrol,
        ActionKind::Withdraw,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActionKind::StartReview => "start_review",
            ActionKind::Recommend => "recommend",
            ActionKind::Accept => "accept",
            ActionKind::WaitList => "wait_list",
            ActionKind::Reject => "reject",
            ActionKind::Enrol => "enrol",
            ActionKind::Withdraw => "withdraw",
        }
    }

    pub fn label_key(self) -> String {
        format!("admin-action-{}", self.code().replace('_', "-"))
    }

    /// The roles that may take it. Deciding is for coordinators and national administrators.
    pub fn allowed_for(self, role: Role) -> bool {
        match self {
            ActionKind::StartReview => matches!(
                role,
                Role::NationalAdmin | Role::RegionalCoordinator | Role::Reviewer
            ),
            ActionKind::Recommend => matches!(role, Role::Reviewer),
            ActionKind::Accept
            | ActionKind::WaitList
            | ActionKind::Reject
            | ActionKind::Enrol
            | ActionKind::Withdraw => {
                matches!(role, Role::NationalAdmin | Role::RegionalCoordinator)
            }
        }
    }

    /// The status it leads to from `from`; `None` when it cannot be taken from there. A
    /// recommendation keeps the status.
    pub fn leads_to(self, from: Status) -> Option<Status> {
        use Status::*;
        match (self, from) {
            (ActionKind::StartReview, Submitted) => Some(UnderReview),
            (ActionKind::Recommend, UnderReview) => Some(UnderReview),
            (ActionKind::Accept, UnderReview | WaitingList) => Some(Accepted),
            (ActionKind::WaitList, UnderReview) => Some(WaitingList),
            (ActionKind::Reject, UnderReview) => Some(Rejected),
            (ActionKind::Enrol, Accepted) => Some(Enrolled),
            (ActionKind::Withdraw, from) if from != Withdrawn => Some(Withdrawn),
            _ => None,
        }
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::StartReview => ActionKind::StartReview,
            Action::Recommend(_) => ActionKind::Recommend,
            Action::Accept => ActionKind::Accept,
            Action::WaitList => ActionKind::WaitList,
            Action::Reject { .. } => ActionKind::Reject,
            Action::Enrol => ActionKind::Enrol,
            Action::Withdraw => ActionKind::Withdraw,
        }
    }
}

/// Why an action was refused. Each has a sentence in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refused {
    #[error("this role may not take this action")]
    NotAllowed,
    #[error("this action cannot be taken from this status")]
    InvalidTransition { from: Status, action: ActionKind },
    #[error("a rejection needs its reason written out")]
    ReasonRequired,
    /// Accepting would pass the region's target: offer the waiting list instead.
    #[error("the region's target is reached")]
    TargetReached,
    /// Someone else changed the application first; the page shows it as it is now.
    #[error("the application changed meanwhile")]
    Changed,
    /// The text holds control or invisible characters.
    #[error("the text holds hidden characters")]
    HiddenCharacters,
    /// An accepted woman is enrolled into a cohort, from the cohort's page.
    #[error("enrolment is into a cohort")]
    EnrolInCohort,
}

impl Refused {
    pub fn label_key(&self) -> &'static str {
        match self {
            Refused::NotAllowed => "admin-refused-not-allowed",
            Refused::InvalidTransition { .. } => "admin-refused-invalid-transition",
            Refused::ReasonRequired => "admin-refused-reason-required",
            Refused::HiddenCharacters => "admin-refused-hidden-characters",
            Refused::TargetReached => "admin-refused-target-reached",
            Refused::Changed => "admin-refused-changed",
            Refused::EnrolInCohort => "admin-refused-enrol-in-cohort",
        }
    }
}

/// The longest free text of a rejection or a note.
pub const MAX_TEXT_LEN: usize = 2000;

/// Checks `action` by `role` on an application in status `from`; the status it leads to.
pub fn apply(role: Role, from: Status, action: &Action) -> Result<Status, Refused> {
    let kind = action.kind();
    if !kind.allowed_for(role) {
        return Err(Refused::NotAllowed);
    }
    let to = kind
        .leads_to(from)
        .ok_or(Refused::InvalidTransition { from, action: kind })?;
    if let Action::Reject { reason, text } = action {
        if *reason == RejectReason::Other && text.trim().is_empty() {
            return Err(Refused::ReasonRequired);
        }
    }
    Ok(to)
}

/// The actions `role` may take on an application in status `status`.
pub fn available(role: Role, status: Status) -> Vec<ActionKind> {
    ActionKind::ALL
        .into_iter()
        .filter(|kind| kind.allowed_for(role) && kind.leads_to(status).is_some())
        .collect()
}

/// The actions the application's page offers: [`available`] but enrolment, which puts her in
/// a cohort and is taken from the cohort's page.
pub fn offered_on_review(role: Role, status: Status) -> Vec<ActionKind> {
    available(role, status)
        .into_iter()
        .filter(|kind| *kind != ActionKind::Enrol)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_application_goes_from_submitted_to_enrolled() {
        let coordinator = Role::RegionalCoordinator;
        let mut status = Status::Submitted;
        for action in [Action::StartReview, Action::Accept, Action::Enrol] {
            status = apply(coordinator, status, &action).unwrap();
        }
        assert_eq!(status, Status::Enrolled);
    }

    #[test]
    fn the_waiting_list_leads_to_acceptance() {
        let to = apply(
            Role::RegionalCoordinator,
            Status::WaitingList,
            &Action::Accept,
        );
        assert_eq!(to, Ok(Status::Accepted));
    }

    #[test]
    fn a_reviewer_recommends_but_cannot_decide() {
        let reviewer = Role::Reviewer;
        assert_eq!(
            apply(
                reviewer,
                Status::UnderReview,
                &Action::Recommend(Recommendation::Accept)
            ),
            Ok(Status::UnderReview)
        );
        for action in [
            Action::Accept,
            Action::WaitList,
            Action::Enrol,
            Action::Withdraw,
        ] {
            assert_eq!(
                apply(reviewer, Status::UnderReview, &action),
                Err(Refused::NotAllowed)
            );
        }
    }

    #[test]
    fn a_decision_needs_a_review_first() {
        assert_eq!(
            apply(
                Role::RegionalCoordinator,
                Status::Submitted,
                &Action::Accept
            ),
            Err(Refused::InvalidTransition {
                from: Status::Submitted,
                action: ActionKind::Accept
            })
        );
        assert!(apply(Role::NationalAdmin, Status::Rejected, &Action::Accept).is_err());
        assert!(apply(Role::NationalAdmin, Status::Enrolled, &Action::Accept).is_err());
    }

    #[test]
    fn any_status_but_withdrawn_can_be_withdrawn() {
        for status in Status::ALL {
            let result = apply(Role::RegionalCoordinator, status, &Action::Withdraw);
            if status == Status::Withdrawn {
                assert!(result.is_err());
            } else {
                assert_eq!(result, Ok(Status::Withdrawn));
            }
        }
    }

    #[test]
    fn a_rejection_for_another_reason_must_say_which() {
        let reject = |reason, text: &str| Action::Reject {
            reason,
            text: text.into(),
        };
        let coordinator = Role::RegionalCoordinator;
        assert_eq!(
            apply(
                coordinator,
                Status::UnderReview,
                &reject(RejectReason::Other, " ")
            ),
            Err(Refused::ReasonRequired)
        );
        assert_eq!(
            apply(
                coordinator,
                Status::UnderReview,
                &reject(RejectReason::Other, "x")
            ),
            Ok(Status::Rejected)
        );
        assert_eq!(
            apply(
                coordinator,
                Status::UnderReview,
                &reject(RejectReason::Duplicate, "")
            ),
            Ok(Status::Rejected)
        );
    }

    #[test]
    fn agents_and_partners_take_no_action() {
        for status in Status::ALL {
            assert!(available(Role::CentreAgent, status).is_empty());
            assert!(available(Role::PartnerViewer, status).is_empty());
        }
    }

    #[test]
    fn the_page_offers_what_the_state_allows() {
        assert_eq!(
            available(Role::RegionalCoordinator, Status::UnderReview),
            vec![
                ActionKind::Accept,
                ActionKind::WaitList,
                ActionKind::Reject,
                ActionKind::Withdraw
            ]
        );
        assert_eq!(
            available(Role::Reviewer, Status::Submitted),
            vec![ActionKind::StartReview]
        );
    }

    #[test]
    fn status_codes_read_back() {
        for status in Status::ALL {
            assert_eq!(Status::from_code(status.code()), Some(status));
        }
        for reason in RejectReason::ALL {
            assert_eq!(RejectReason::from_code(reason.code()), Some(reason));
        }
    }

    #[test]
    fn the_sql_list_of_place_holding_statuses_is_the_rule() {
        let listed: Vec<String> = Status::ALL
            .into_iter()
            .filter(|s| s.takes_a_place())
            .map(|s| format!("'{}'", s.code()))
            .collect();
        assert_eq!(listed.join(", "), TAKES_A_PLACE_SQL);
    }
}
