//! The admin console, one folder for each thing staff do:
//!
//! | where | what |
//! | --- | --- |
//! | `dashboard/` | the figures of one's scope, what waits, the regional targets |
//! | `applications/` | the list, its filters and the export |
//! | `review/` | one application: its page, the workflow's actions, notes, assignment |
//! | `staff/` | staff accounts |
//! | `partners/` | the partners' API keys |
//! | `audit_log/` | the audit log as administrators read it |
//! | `sign_in.rs` | signing in and choosing one's password |
//!
//! After acceptance, the follow-up of each woman:
//!
//! | where | what |
//! | --- | --- |
//! | `sites/` | the regions' incubators and social centres |
//! | `cohorts/` | cohorts, enrolment, moves, training sessions scheduled |
//! | `attendance/` | a session's attendance sheet |
//! | `coaching/` | visits, surveys, and the work list of what is due and overdue |
//! | `beneficiary/` | her page: the timeline, her milestones |
//! | `financing/` | financing lines and their tranches |
//!
//! Each area holds its types and server functions (`mod.rs`), its page (`page.rs`) and its
//! server-only queries (`repo.rs`); an area uses the shared modules below, never another
//! area's queries. Shared: `shell.rs` (the pages' frame), `context.rs` (a server function's
//! context), `roles.rs`, `workflow.rs`, `programme.rs` (the follow-up's catalogues and
//! rules), `follow_up.rs` (who may read whose follow-up, on the server), `auth.rs`,
//! `passwords.rs`, `sessions.rs`, `throttle.rs`, `audit.rs` (writing the audit log) and
//! `i18n.rs` (the console's messages).

pub mod applications;
pub mod attendance;
pub mod audit_log;
pub mod beneficiary;
pub mod coaching;
pub mod cohorts;
pub mod context;
pub mod dashboard;
pub mod financing;
pub mod i18n;
pub mod partners;
pub mod passwords;
pub mod programme;
pub mod report;
pub mod review;
pub mod roles;
pub mod shell;
pub mod sign_in;
pub mod sites;
pub mod staff;
pub mod workflow;

#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod follow_up;
#[cfg(feature = "ssr")]
pub mod sessions;
#[cfg(feature = "ssr")]
pub mod throttle;

pub use crate::layout::is_console_path;

use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The console's pages, by path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    SignIn,
    Password,
    Dashboard,
    Applications,
    Application,
    Staff,
    Audit,
    Sites,
    Cohorts,
    Cohort,
    Sheet,
    WorkList,
    Beneficiary,
    Report,
    Partners,
    NotFound,
}

impl Page {
    fn of(path: &str) -> Page {
        match path.trim_end_matches('/') {
            "/admin" => Page::Dashboard,
            shell::SIGN_IN_PATH => Page::SignIn,
            shell::PASSWORD_PATH => Page::Password,
            "/admin/applications" => Page::Applications,
            "/admin/staff" => Page::Staff,
            "/admin/audit" => Page::Audit,
            "/admin/sites" => Page::Sites,
            "/admin/cohorts" => Page::Cohorts,
            "/admin/follow-up" => Page::WorkList,
            "/admin/report" => Page::Report,
            "/admin/partners" => Page::Partners,
            path => {
                let with_id = |prefix: &str| {
                    path.strip_prefix(prefix)
                        .is_some_and(|id| id.parse::<i64>().is_ok())
                };
                if with_id("/admin/applications/") {
                    Page::Application
                } else if with_id("/admin/cohorts/") {
                    Page::Cohort
                } else if with_id("/admin/sessions/") {
                    Page::Sheet
                } else if with_id("/admin/beneficiaries/") {
                    Page::Beneficiary
                } else {
                    Page::NotFound
                }
            }
        }
    }
}

/// Whether the console's page at `path` is served as a plain page, without the console's
/// code: the sign-in page, so that staff on a phone see it at once (issue 12).
pub fn is_plain_page(path: &str) -> bool {
    Page::of(path) == Page::SignIn
}

/// The whole console, one lazy route: its code arrives in one file when staff open it, and
/// none of it weighs on the applicants' pages.
#[component]
pub fn AdminArea() -> impl IntoView {
    // The console's messages, for its code to read; a plain page has no code to read them.
    #[cfg(feature = "ssr")]
    let plain = with_context::<http::request::Parts, _>(|parts| is_plain_page(parts.uri.path()))
        .unwrap_or(false);
    #[cfg(not(feature = "ssr"))]
    let plain = false;
    let messages = (!plain).then(|| {
        let source = i18n::page_source(use_lang());
        view! { <script type="text/plain" id=i18n::ELEMENT_ID inner_html=source></script> }
    });
    view! {
        <leptos_meta::Stylesheet id="console" href="/console.css" />
        {messages}
        <AdminPages />
    }
}

#[component]
fn AdminPages() -> impl IntoView {
    let location = use_location();
    let page = Memo::new(move |_| Page::of(&location.pathname.get()));
    move || match page.get() {
        Page::SignIn => view! { <sign_in::SignInPage /> }.into_any(),
        Page::Password => view! { <sign_in::PasswordPage /> }.into_any(),
        Page::Dashboard => view! { <dashboard::page::DashboardPage /> }.into_any(),
        Page::Applications => view! { <applications::page::ApplicationsPage /> }.into_any(),
        Page::Application => view! { <review::page::ApplicationPage /> }.into_any(),
        Page::Staff => view! { <staff::page::StaffPage /> }.into_any(),
        Page::Audit => view! { <audit_log::page::AuditPage /> }.into_any(),
        Page::Sites => view! { <sites::page::SitesPage /> }.into_any(),
        Page::Cohorts => view! { <cohorts::page::CohortsPage /> }.into_any(),
        Page::Cohort => view! { <cohorts::page::CohortPage /> }.into_any(),
        Page::Sheet => view! { <attendance::page::SheetPage /> }.into_any(),
        Page::WorkList => view! { <coaching::page::WorkListPage /> }.into_any(),
        Page::Beneficiary => view! { <beneficiary::page::BeneficiaryPage /> }.into_any(),
        Page::Report => view! { <report::page::ReportPage /> }.into_any(),
        Page::Partners => view! { <partners::page::PartnersPage /> }.into_any(),
        Page::NotFound => view! { <crate::layout::NotFound /> }.into_any(),
    }
}
