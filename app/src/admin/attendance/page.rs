//! A session's attendance sheet: every woman of the cohort on one page, one submission. The
//! form is a plain form posted to the page's own address, so a tablet without JavaScript
//! takes attendance too; with JavaScript it is sent to the server function instead.

use super::*;
use crate::admin::{
    cohorts::page::path_id,
    i18n::{t, t_with},
    roles::Staff,
    shell::*,
};
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn SheetPage() -> impl IntoView {
    view! { <Console title_key="admin-sheet-title" body=sheet_body /> }
}

/// What a sheet posted without JavaScript brought: her pairs and the reply.
type Posted = Option<(Vec<(String, String)>, SheetReply)>;

fn sheet_body(_staff: Staff) -> impl IntoView {
    let id = path_id("/admin/sessions/");
    let sheet_resource = Resource::new(move || id.get(), load_sheet);
    // The page shown again after a plain form's post: what she sent and what became of it,
    // carried to the browser with the page so that it hydrates the same.
    #[cfg(feature = "ssr")]
    let posted: Posted = use_context::<SheetPosted>().map(|p| (p.pairs, p.reply));
    #[cfg(not(feature = "ssr"))]
    let posted: Posted = None;
    let posted = Resource::new(
        || (),
        move |_| {
            let posted = posted.clone();
            async move { posted }
        },
    );
    let query = use_query_map();
    // What became of the last submission, and what she chose when it was refused: kept
    // across the sheet read again after a save.
    let state = SheetState {
        reply: RwSignal::new(None),
        typed: RwSignal::new(None),
        pending: RwSignal::new(false),
        failure: RwSignal::new(None),
    };
    let started = StoredValue::new(false);
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                let (sheet, posted) = (sheet_resource.await, posted.await);
                if !started.get_value() {
                    started.set_value(true);
                    let saved = query
                        .with_untracked(|q| q.get("saved"))
                        .and_then(|n| n.parse::<u32>().ok());
                    state.start(posted, saved);
                }
                match sheet {
                    Ok(found) => sheet_view(found, sheet_resource, state).into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

/// The sheet's page state, outside the sheet itself (read again after each save).
#[derive(Clone, Copy)]
struct SheetState {
    reply: RwSignal<Option<SheetReply>>,
    /// What she chose, kept when the sheet was refused: nothing of it was written.
    typed: RwSignal<Option<Vec<(String, String)>>>,
    pending: RwSignal<bool>,
    /// The sheet could not reach the server: what she chose stays on the page.
    failure: RwSignal<Option<String>>,
}

impl SheetState {
    /// From the page as the server showed it: after a plain form's post, its reply and her
    /// choices; after its redirect, how many marks were saved.
    fn start(self, posted: Posted, saved: Option<u32>) {
        let (typed, reply) = match posted {
            Some((pairs, reply)) => (Some(pairs), Some(reply)),
            None => (None, None),
        };
        let reply = reply.or(saved.map(|saved| SheetReply {
            saved,
            ..SheetReply::default()
        }));
        let refused = reply
            .as_ref()
            .is_some_and(|r| !r.invalid.is_empty() || r.not_yet);
        self.typed.set(typed.filter(|_| refused));
        self.reply.set(reply);
    }
}

/// The sentences that say what became of a sheet.
fn reply_lines(reply: &SheetReply) -> Vec<String> {
    let mut lines = Vec::new();
    if reply.not_yet {
        lines.push(t("admin-sheet-not-yet"));
    }
    if !reply.invalid.is_empty() {
        lines.push(t("admin-sheet-invalid"));
    }
    if reply.invalid.is_empty() && !reply.not_yet {
        lines.push(t_with(
            "admin-sheet-saved",
            &[("count", reply.saved.into())],
        ));
    }
    for conflict in &reply.conflicts {
        lines.push(t_with(
            "admin-sheet-conflict",
            &[
                ("name", conflict.name.clone().into()),
                ("by", conflict.by.clone().into()),
                (
                    "now",
                    conflict
                        .mark
                        .map(|m| t(&m.label_key()))
                        .unwrap_or_default()
                        .into(),
                ),
                ("asked", t(&conflict.asked.label_key()).into()),
            ],
        ));
    }
    lines
}

fn sheet_view(
    s: Sheet,
    resource: Resource<Result<Sheet, AppError>>,
    state: SheetState,
) -> impl IntoView {
    let lang = use_lang();
    let SheetState {
        reply,
        typed,
        pending,
        failure,
    } = state;
    let session_id = s.session_id;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let pairs = form_pairs(&ev);
        pending.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            match save_sheet(session_id, pairs.clone()).await {
                Ok(answer) => {
                    let refused = !answer.invalid.is_empty() || answer.not_yet;
                    typed.set(refused.then_some(pairs));
                    reply.set(Some(answer));
                    if !refused {
                        resource.refetch();
                    }
                }
                Err(error) => {
                    typed.set(Some(pairs));
                    reply.set(None);
                    failure.set(Some(error.message(lang)));
                }
            }
            pending.set(false);
        });
    };
    let (present, counted) = s.attendance();
    let rows = s
        .rows
        .iter()
        .map(|row| sheet_row(row.clone(), typed, reply))
        .collect_view();
    let message = move || {
        reply.get().map(|r| {
            let refused = !r.invalid.is_empty() || r.not_yet;
            let lines = reply_lines(&r)
                .into_iter()
                .map(|line| view! { <li>{line}</li> })
                .collect_view();
            view! {
                <div class=if refused { "alert" } else { "notice" } role="status" id="sheet-message" tabindex="-1">
                    <ul>{lines}</ul>
                </div>
            }
        })
    };
    let action = format!("/admin/sessions/{session_id}");
    view! {
        <p>
            <A href=format!("/admin/cohorts/{}", s.cohort_id)>{t("admin-back-to-cohort")} " " {s.cohort.clone()}</A>
        </p>
        <h1>{t("admin-sheet-title")}</h1>
        <p class="lead">
            {t(&s.module.label_key())} " · " <bdi dir="ltr">{s.starts_at.date_time()}</bdi> " · "
            {s.place.clone()} " · " {s.trainer.clone()}
        </p>
        <p>
            {t("admin-attendance-rate")} {lang.colon()}
            <bdi dir="ltr" id="sheet-rate">{attendance_rate(present, counted, lang)}</bdi>
        </p>
        {message}
        <p class="alert" role="alert" hidden=move || failure.get().is_none()>{move || failure.get()}</p>
        {(!s.open).then(|| view! { <p class="notice">{t("admin-sheet-not-yet")}</p> })}
        <form method="post" action=action class="console-form sheet" on:submit=on_submit>
            {rows}
            <button type="submit" class="button primary" aria-busy=move || pending.get().then_some("true")>
                {t("admin-sheet-save")}
            </button>
        </form>
    }
}

fn sheet_row(
    row: SheetRow,
    typed: RwSignal<Option<Vec<(String, String)>>>,
    reply: RwSignal<Option<SheetReply>>,
) -> impl IntoView {
    let id = row.application_id;
    let mark_name = format!("mark-{id}");
    let reason_name = format!("reason-{id}");
    let typed_value = move |name: String| {
        typed.with(|typed| {
            typed
                .as_ref()
                .map(|pairs| crate::registration::steps::first_of(pairs, &name).to_owned())
        })
    };
    let chosen = {
        let name = mark_name.clone();
        let server = row.mark.map(|m| m.code().to_owned()).unwrap_or_default();
        move || typed_value(name.clone()).unwrap_or_else(|| server.clone())
    };
    let reason = {
        let name = reason_name.clone();
        let server = row.reason.clone();
        move || typed_value(name.clone()).unwrap_or_else(|| server.clone())
    };
    let error = move || {
        reply.with(|r| {
            r.as_ref()
                .and_then(|r| r.invalid.iter().find(|(row, _)| *row == id))
                .map(|(_, key)| view! { <p class="field-error" id=format!("sheet-{id}-error")>{t(key)}</p> })
        })
    };
    let choices = Mark::ALL
        .iter()
        .map(|mark| {
            let input_id = format!("mark-{id}-{}", mark.code());
            let label_for = input_id.clone();
            let code = mark.code();
            let chosen = chosen.clone();
            let checked_first = chosen() == code;
            view! {
                <label class="choice" for=label_for>
                    <input
                        id=input_id
                        type="radio"
                        name=mark_name.clone()
                        value=code
                        prop:checked=move || chosen() == code
                        checked=checked_first
                    />
                    <span>{t(&mark.label_key())}</span>
                </label>
            }
        })
        .collect_view();
    let reason_id = format!("reason-{id}");
    let marked_by = row
        .marked_by
        .clone()
        .map(|by| view! { <p class="hint">{t("admin-marked-by")} " " {by}</p> });
    view! {
        <fieldset class="sheet-row" data-row=id>
            <legend>
                {row.name.clone()} " " <bdi dir="ltr" class="muted">{row.reference.clone()}</bdi>
            </legend>
            {error}
            <input type="hidden" name=format!("version-{id}") value=row.version />
            <div class="sheet-line">
                <div class="marks">{choices}</div>
                <div class="reason">
                    <label for=reason_id.clone()>{t("admin-absence-reason")}</label>
                    <input id=reason_id name=reason_name.clone() type="text" maxlength="200" prop:value=reason.clone() value=reason() />
                </div>
            </div>
            {marked_by}
        </fieldset>
    }
}
