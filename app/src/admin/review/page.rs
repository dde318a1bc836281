//! One application's page: read first, then decided.

use super::*;
use crate::admin::{
    i18n::{t, t_with},
    roles::Staff,
    shell::*,
    workflow::{Action, Recommendation, RejectReason},
};
use crate::i18n::use_lang;
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_location};

#[component]
pub fn ApplicationPage() -> impl IntoView {
    view! { <Console title_key="admin-application-title" body=application_body /> }
}

fn application_body(_staff: Staff) -> impl IntoView {
    let location = use_location();
    let id = Memo::new(move |_| {
        location
            .pathname
            .get()
            .strip_prefix("/admin/applications/")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let detail = Resource::new(move || id.get(), load_application);
    let message = RwSignal::new(None::<String>);
    view! {
        <div class="alert" role="alert" id="action-message" hidden=move || message.get().is_none()>
            {move || message.get()}
        </div>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => detail_view(d, detail, message).into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

fn detail_view(
    d: ApplicationDetail,
    resource: Resource<Result<ApplicationDetail, crate::error::AppError>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = d.id;
    let version = d.version;
    let act = move |action: Action| {
        leptos::task::spawn_local(async move {
            let reply = act_on_application(id, version, action).await;
            match reply {
                Ok(ActReply::Done) => message.set(Some(t("admin-action-done"))),
                Ok(ActReply::Refused(refused)) => message.set(Some(t(refused.label_key()))),
                Err(error) => message.set(Some(error.message(lang))),
            }
            resource.refetch();
        });
    };
    let actions = d
        .actions
        .iter()
        .copied()
        .filter(|kind| !(d.target_reached && *kind == ActionKind::Accept))
        .map(|kind| match kind {
            ActionKind::Reject => view! {
                <form
                    class="console-form inline"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        let pairs = form_pairs(&ev);
                        // No reason is chosen for her: the coordinator picks one.
                        let Some(reason) = RejectReason::from_code(&field(&pairs, "reason")) else {
                            message.set(Some(t("admin-reject-reason-missing")));
                            return;
                        };
                        act(Action::Reject { reason, text: field(&pairs, "reason_text") });
                    }
                >
                    <div class="field">
                        <label for="reject-reason">{t("admin-reject-reason")}</label>
                        <select id="reject-reason" name="reason" required>
                            <option value="" selected>{t("admin-choose")}</option>
                            {RejectReason::ALL
                                .into_iter()
                                .map(|r| view! { <option value=r.code()>{t(&r.label_key())}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="reject-text">{t("admin-reject-text")}</label>
                        <input id="reject-text" name="reason_text" type="text" maxlength="2000" />
                    </div>
                    <button type="submit" class="button danger">
                        {t(&kind.label_key())}
                    </button>
                </form>
            }
            .into_any(),
            ActionKind::Recommend => view! {
                <form
                    class="console-form inline"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        let pairs = form_pairs(&ev);
                        if let Some(r) = Recommendation::from_code(&field(&pairs, "recommendation")) {
                            act(Action::Recommend(r));
                        }
                    }
                >
                    <div class="field">
                        <label for="recommendation">{t("admin-recommendation")}</label>
                        <select id="recommendation" name="recommendation" required>
                            <option value="" selected>{t("admin-choose")}</option>
                            {Recommendation::ALL
                                .into_iter()
                                .map(|r| view! { <option value=r.code()>{t(&r.label_key())}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button">
                        {t(&kind.label_key())}
                    </button>
                </form>
            }
            .into_any(),
            kind => {
                let action = match kind {
                    ActionKind::StartReview => Action::StartReview,
                    ActionKind::Accept => Action::Accept,
                    ActionKind::WaitList => Action::WaitList,
                    ActionKind::Enrol => Action::Enrol,
                    _ => Action::Withdraw,
                };
                view! {
                    <button type="button" class="button" on:click=move |_| act(action.clone())>
                        {t(&kind.label_key())}
                    </button>
                }
                .into_any()
            }
        })
        .collect_view();
    let target_note = (d.target_reached && d.actions.contains(&ActionKind::Accept))
        .then(|| view! { <p class="notice">{t("admin-target-reached-offer-waiting-list")}</p> });
    let proposed = d.proposed.clone().map(|(other, reference)| {
        view! {
            <p class="notice" id="proposed">
                {t("admin-proposed")} " "
                <A href=format!("/admin/applications/{other}")>
                    <bdi dir="ltr">{reference}</bdi>
                </A>
            </p>
        }
    });
    let answers = d
        .answers
        .iter()
        .map(|(key, value)| {
            view! {
                <div class="answer">
                    <dt>{t(key)}</dt>
                    <dd>
                        <bdi>{value.clone()}</bdi>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let has_flags = !d.flags.is_empty();
    let flags = d
        .flags
        .clone()
        .into_iter()
        .map(|f| {
            let kind = t(&format!("admin-flag-{}", f.kind.replace('_', "-")));
            if f.visible {
                view! {
                    <li>
                        {kind} " "
                        <A href=format!("/admin/applications/{}", f.other_id)>
                            <bdi dir="ltr">{f.other_reference.clone()}</bdi>
                        </A>
                    </li>
                }
                .into_any()
            } else {
                view! { <li>{kind} " " {t("admin-flag-elsewhere")}</li> }.into_any()
            }
        })
        .collect_view();
    let history = d
        .history
        .iter()
        .map(|e| {
            let change = match (e.from_status, e.to_status) {
                (Some(from), Some(to)) if from != to => {
                    format!("{} → {}", t(&from.label_key()), t(&to.label_key()))
                }
                _ => String::new(),
            };
            view! {
                <li>
                    <span class="muted">{e.at.date_time()}</span> " " {e.actor.clone()} " · "
                    {t(&format!("admin-event-{}", e.kind.replace('_', "-")))} " " {change} " "
                    <bdi>{e.detail.clone()}</bdi>
                </li>
            }
        })
        .collect_view();
    let notes = d
        .notes
        .iter()
        .map(|n| {
            view! {
                <li>
                    <p class="muted">{n.at.date_time()} " · " {n.author.clone()}</p>
                    <p class="multiline">{n.body.clone()}</p>
                </li>
            }
        })
        .collect_view();
    let note_form = d.may_note.then(|| {
        view! {
            <form
                class="console-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    let pairs = form_pairs(&ev);
                    let body = field(&pairs, "note");
                    leptos::task::spawn_local(async move {
                        match add_note(id, body).await {
                            Ok(true) => message.set(None),
                            Ok(false) => message.set(Some(t("admin-note-invalid"))),
                            Err(error) => message.set(Some(error.message(lang))),
                        }
                        resource.refetch();
                    });
                }
            >
                <div class="field">
                    <label for="note">{t("admin-note-add")}</label>
                    <textarea id="note" name="note" rows="3" maxlength="2000"></textarea>
                </div>
                <button type="submit" class="button">
                    {t("admin-note-save")}
                </button>
            </form>
        }
    });
    let region = lang.pick(&d.region_fr, &d.region_ar).to_owned();
    view! {
        <h1>
            {t("admin-application-title")} " " <bdi dir="ltr">{d.reference.clone()}</bdi>
        </h1>
        <p>
            <span class=format!("badge status-{}", d.status.code()) id="application-status">
                {t(&d.status.label_key())}
            </span>
            " · " {region} " · " {t(&format!("admin-channel-{}", d.channel))}
            {d.entered_by.clone().map(|name| format!(" ({name})"))} " · " {d.submitted_at.date_time()}
        </p>
        {d
            .burst
            .then(|| {
                view! {
                    <p class="notice" id="burst-note">
                        {t_with(
                            "admin-burst-note",
                            &[
                                ("size", crate::registration::BURST_SIZE.into()),
                                (
                                    "minutes",
                                    (crate::registration::BURST_WINDOW_SECS / 60)
                                        .into(),
                                ),
                            ],
                        )}
                    </p>
                }
            })}
        {d
            .explains_at_centre
            .then(|| view! { <p class="notice" id="explains-at-centre">{t("admin-explains-at-centre")}</p> })}
        <h2>{t("admin-flags")}</h2>
        {if !has_flags {
            Either::Left(view! { <p class="muted">{t("admin-no-flags")}</p> })
        } else {
            Either::Right(view! { <ul>{flags}</ul> })
        }}
        <h2>{t("admin-answers")}</h2>
        <dl class="answers">{answers}</dl>
        <h2>{t("admin-history")}</h2>
        <ol class="history">
            <li>
                <span class="muted">{d.submitted_at.date_time()}</span> " " {t("admin-event-submitted")}
            </li>
            {history}
        </ol>
        <h2>{t("admin-notes")}</h2>
        <ul class="notes">{notes}</ul>
        {note_form}
        // The decision comes after what it is decided on: the answers, the flags, the notes.
        <section class="decision" aria-labelledby="decision-title">
            <h2 id="decision-title">{t("admin-decision")}</h2>
            {d
                .reviewer
                .clone()
                .map(|name| view! { <p>{t("admin-reviewer")} {lang.colon()} {name}</p> })}
            {d
                .recommendation
                .clone()
                .and_then(|r| Recommendation::from_code(&r))
                .map(|r| view! { <p>{t("admin-recommendation")} {lang.colon()} {t(&r.label_key())}</p> })}
            {proposed}
            {target_note}
            <div class="actions" aria-label=t("admin-actions")>
                {actions}
            </div>
        </section>
    }
}
