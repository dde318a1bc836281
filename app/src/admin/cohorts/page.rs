//! The cohorts' pages: the list with the form that opens a cohort, and one cohort with its
//! women, the enrolment of others, moves, and its sessions.

use super::*;
use crate::admin::{i18n::t, roles::Staff, shell::*};
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

#[component]
pub fn CohortsPage() -> impl IntoView {
    view! { <Console title_key="admin-cohorts-title" body=cohorts_body /> }
}

fn cohorts_body(_staff: Staff) -> impl IntoView {
    let data = Resource::new(|| (), |_| load_cohorts());
    let message = RwSignal::new(None::<String>);
    view! {
        <h1>{t("admin-cohorts-title")}</h1>
        {message_view(message)}
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => {
                        view! {
                            {cohort_list(&page.cohorts)}
                            {(!page.incubators.is_empty())
                                .then(|| cohort_form(page.incubators.clone(), data, message))}
                        }
                            .into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

/// From one day to another, in words: each date reads left to right inside Arabic by itself.
fn date_range(from: &str, to: &str) -> String {
    crate::admin::i18n::t_with(
        "admin-date-range",
        &[
            ("from", from.to_owned().into()),
            ("to", to.to_owned().into()),
        ],
    )
}

fn cohort_list(cohorts: &[CohortRow]) -> impl IntoView {
    let lang = use_lang();
    if cohorts.is_empty() {
        return view! { <p class="muted">{t("admin-cohorts-none")}</p> }.into_any();
    }
    let rows = cohorts
        .iter()
        .map(|c| {
            // A link's content is made again on each render: owned, not borrowed.
            let name = c.name.clone();
            view! {
                <tr data-cohort=c.id>
                    <td>
                        <A href=format!("/admin/cohorts/{}", c.id)>{name.clone()}</A>
                    </td>
                    <td data-label=t("admin-incubator")>{lang.pick(&c.site_fr, &c.site_ar).to_owned()}</td>
                    <td data-label=t("admin-cohort-dates")>
                        {date_range(&c.starts, &c.ends)}
                    </td>
                    <td data-label=t("admin-cohort-members")>
                        <bdi dir="ltr">{c.members} " / " {c.capacity}</bdi>
                    </td>
                    <td data-label=t("admin-coach")>{c.coach.clone().unwrap_or_else(|| "—".into())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {list_table(
            "cohorts",
            t("admin-cohorts-title"),
            vec![
                t("admin-cohort"),
                t("admin-incubator"),
                t("admin-cohort-dates"),
                t("admin-cohort-members"),
                t("admin-coach"),
            ],
            rows,
        )}
    }
    .into_any()
}

fn cohort_form(
    incubators: Vec<IncubatorChoice>,
    data: Resource<Result<CohortsPage, AppError>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let navigate = leptos_router::hooks::use_navigate();
    let refusals = Refusals::default();
    let site = RwSignal::new(if incubators.len() == 1 {
        incubators[0].id.to_string()
    } else {
        String::new()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let form = CohortForm {
            site_id: field(&pairs, "site_id"),
            name: field(&pairs, "name"),
            starts_on: field(&pairs, "starts_on"),
            ends_on: field(&pairs, "ends_on"),
            capacity: field(&pairs, "capacity"),
            coach_id: field(&pairs, "coach_id"),
            visit_every_days: field(&pairs, "visit_every_days"),
        };
        let navigate = navigate.clone();
        save_with(
            refusals,
            message,
            "admin-cohort-created",
            move || create_cohort(form),
            // Opened, the cohort is where she goes on: enrolling its women.
            move |id| {
                data.refetch();
                navigate(&format!("/admin/cohorts/{id}"), Default::default());
            },
        );
    };
    let sites: Vec<(String, String)> = incubators
        .iter()
        .map(|s| {
            (
                s.id.to_string(),
                lang.pick(&s.name_fr, &s.name_ar).to_owned(),
            )
        })
        .collect();
    let coaches = move || {
        let options: Vec<(String, String)> = incubators
            .iter()
            .find(|s| s.id.to_string() == site.get())
            .map(|s| {
                s.coaches
                    .iter()
                    .map(|(id, name)| (id.to_string(), name.clone()))
                    .collect()
            })
            .unwrap_or_default();
        select_field(
            "cohort-coach",
            "coach_id",
            t("admin-coach"),
            options,
            String::new(),
            refusals,
        )
    };
    view! {
        <h2 id="cohort-form-title">{t("admin-cohort-create")}</h2>
        <form class="console-form" on:submit=on_submit novalidate aria-labelledby="cohort-form-title">
            <div on:change=move |ev| {
                if let Some(value) = changed_select_value(&ev, "site_id") {
                    site.set(value);
                }
            }>
                {select_field("cohort-site", "site_id", t("admin-incubator"), sites, site.get_untracked(), refusals)}
            </div>
            {text_field("cohort-name", "name", t("admin-cohort-name"), Input::text(""), refusals)}
            {text_field("cohort-starts", "starts_on", t("admin-cohort-starts"), Input::date(""), refusals)}
            {text_field("cohort-ends", "ends_on", t("admin-cohort-ends"), Input::date(""), refusals)}
            {text_field("cohort-capacity", "capacity", t("admin-capacity"), Input::number("30"), refusals)}
            {coaches}
            {text_field("cohort-rhythm", "visit_every_days", t("admin-cohort-rhythm"), Input::number("14"), refusals)}
            {refusals.of("cohort-form".into(), "")}
            <button type="submit" class="button primary">{t("admin-cohort-create")}</button>
        </form>
    }
}

#[component]
pub fn CohortPage() -> impl IntoView {
    view! { <Console title_key="admin-cohort" body=cohort_body /> }
}

/// The id at the end of the page's path (`/admin/cohorts/12` is 12).
pub fn path_id(prefix: &'static str) -> Memo<i64> {
    let location = use_location();
    Memo::new(move |_| {
        location
            .pathname
            .get()
            .strip_prefix(prefix)
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    })
}

fn cohort_body(_staff: Staff) -> impl IntoView {
    let id = path_id("/admin/cohorts/");
    let detail = Resource::new(move || id.get(), load_cohort);
    let message = RwSignal::new(None::<String>);
    view! {
        {message_view(message)}
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => cohort_view(d, detail, message).into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

type CohortResource = Resource<Result<CohortDetail, AppError>>;

fn cohort_view(
    d: CohortDetail,
    resource: CohortResource,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let (present, counted) = d.attendance();
    let cohort_id = d.cohort.id;
    let may_manage = d.may_manage;
    let others = d.other_cohorts.clone();
    let members = d
        .members
        .iter()
        .map(|m| {
            let application_id = m.application_id;
            let name = m.name.clone();
            let move_select = (may_manage && !others.is_empty()).then(|| {
                let options = others.clone();
                let on_change = move |ev: leptos::ev::Event| {
                    let Ok(to) = event_target_value(&ev).parse::<i64>() else { return };
                    leptos::task::spawn_local(async move {
                        match move_to_cohort(application_id, to).await {
                            Ok(SaveReply::Saved(_)) => message.set(Some(t("admin-moved"))),
                            Ok(SaveReply::Invalid(refused)) => {
                                message.set(refused.first().map(|(_, key)| t(key)))
                            }
                            Err(error) => message.set(Some(error.message(lang))),
                        }
                        resource.refetch();
                    });
                };
                let label = format!("{} {}", t("admin-move-to"), name);
                view! {
                    <select aria-label=label on:change=on_change class="compact">
                        <option value="" selected>{t("admin-move-to")}</option>
                        {options
                            .into_iter()
                            .map(|(id, name)| view! { <option value=id>{name}</option> })
                            .collect_view()}
                    </select>
                }
            });
            view! {
                <tr data-member=m.application_id>
                    <td>
                        <A href=format!("/admin/beneficiaries/{}", m.application_id)>{name.clone()}</A>
                        <br />
                        <bdi dir="ltr" class="muted nowrap">{m.reference.clone()}</bdi>
                    </td>
                    <td data-label=t("admin-enrolled-on")>
                        <bdi dir="ltr" class="nowrap">{m.enrolled.clone()}</bdi>
                    </td>
                    <td data-label=t("admin-attendance-rate")>
                        <bdi dir="ltr">{attendance_rate(m.present, m.present + m.absent, lang)}</bdi>
                    </td>
                    <td data-label=t("admin-next-visit")>
                        <bdi dir="ltr" class="nowrap">{m.next_visit.clone()}</bdi>
                        {m.visit_overdue.then(|| view! { " " <span class="badge late">{t("admin-overdue")}</span> })}
                    </td>
                    <td data-label=t("admin-milestones-reached")>{m.milestones_reached}</td>
                    {may_manage.then(|| view! { <td>{move_select}</td> })}
                </tr>
            }
        })
        .collect_view();
    let sessions = d
        .sessions
        .iter()
        .map(|s| {
            view! {
                <tr data-session=s.id>
                    <td>
                        <bdi dir="ltr" class="nowrap">{s.starts_at.date_time()}</bdi>
                    </td>
                    <td data-label=t("admin-module")>{t(&s.module.label_key())}</td>
                    <td data-label=t("admin-place")>{s.place.clone()}</td>
                    <td data-label=t("admin-trainer")>{s.trainer.clone()}</td>
                    <td data-label=t("admin-attendance")>
                        <bdi dir="ltr">{s.present} " / " {s.marked}</bdi>
                    </td>
                    <td>
                        <A href=format!("/admin/sessions/{}", s.id)>{t("admin-take-attendance")}</A>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let has_members = !d.members.is_empty();
    let has_sessions = !d.sessions.is_empty();
    let enrol_form = (may_manage && !d.candidates.is_empty())
        .then(|| enrol_form(cohort_id, d.candidates.clone(), resource, message));
    view! {
        <h1>{t("admin-cohort")} " " {d.cohort.name.clone()}</h1>
        <p class="lead">
            {lang.pick(&d.cohort.site_fr, &d.cohort.site_ar).to_owned()} " · "
            {date_range(&d.cohort.starts, &d.cohort.ends)} " · "
            {t("admin-coach")} {lang.colon()} {d.cohort.coach.clone().unwrap_or_else(|| "—".into())}
        </p>
        <div class="cards">
            <div class="card">
                <p class="card-value" data-figure="members" data-value=d.cohort.members>
                    <bdi dir="ltr">{d.cohort.members} " / " {d.cohort.capacity}</bdi>
                </p>
                <p class="card-label">{t("admin-cohort-members")}</p>
            </div>
            <div class="card">
                <p class="card-value" data-figure="attendance">
                    <bdi dir="ltr">{attendance_rate(present, counted, lang)}</bdi>
                </p>
                <p class="card-label">{t("admin-attendance-rate")}</p>
            </div>
        </div>
        <h2>{t("admin-cohort-members")}</h2>
        {if has_members {
            view! {
                {list_table(
                    "members",
                    t("admin-cohort-members"),
                    {
                        let mut columns = vec![
                            t("admin-name"),
                            t("admin-enrolled-on"),
                            t("admin-attendance-rate"),
                            t("admin-next-visit"),
                            t("admin-milestones-reached"),
                        ];
                        if may_manage {
                            columns.push(t("admin-move"));
                        }
                        columns
                    },
                    members,
                )}
            }
                .into_any()
        } else {
            view! { <p class="muted">{t("admin-cohort-empty")}</p> }.into_any()
        }}
        {enrol_form}
        <h2>{t("admin-sessions")}</h2>
        {if has_sessions {
            view! {
                {list_table(
                    "sessions",
                    t("admin-sessions"),
                    vec![
                        t("admin-when"),
                        t("admin-module"),
                        t("admin-place"),
                        t("admin-trainer"),
                        t("admin-attendance"),
                        String::new(),
                    ],
                    sessions,
                )}
            }
                .into_any()
        } else {
            view! { <p class="muted">{t("admin-sessions-none")}</p> }.into_any()
        }}
        {d.may_schedule.then(|| session_form(cohort_id, resource, message))}
        {d.edit.clone().map(|edit| edit_form(cohort_id, edit, resource, message))}
    }
}

fn enrol_form(
    cohort_id: i64,
    candidates: Vec<Candidate>,
    resource: CohortResource,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids: Vec<i64> = form_pairs(&ev)
            .into_iter()
            .filter(|(name, _)| name == "application_id")
            .filter_map(|(_, value)| value.parse().ok())
            .collect();
        if ids.is_empty() {
            message.set(Some(t("admin-enrol-none-chosen")));
            return;
        }
        leptos::task::spawn_local(async move {
            match enrol(cohort_id, ids).await {
                Ok(reply) => message.set(Some(crate::admin::i18n::t_with(
                    "admin-enrolled",
                    &[
                        ("enrolled", reply.enrolled.len().into()),
                        ("refused", reply.refused.len().into()),
                    ],
                ))),
                Err(error) => message.set(Some(error.message(lang))),
            }
            resource.refetch();
        });
    };
    let rows = candidates
        .into_iter()
        .map(|c| {
            let id = format!("candidate-{}", c.application_id);
            view! {
                <li class="field check">
                    <input type="checkbox" id=id.clone() name="application_id" value=c.application_id />
                    <label for=id>
                        {c.name} " · " <bdi dir="ltr">{c.reference}</bdi> " · "
                        {lang.pick(&c.province_fr, &c.province_ar).to_owned()}
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="enrol-title">
            <h2 id="enrol-title">{t("admin-enrol-title")}</h2>
            <form class="console-form" on:submit=on_submit>
                <fieldset>
                    <legend>{t("admin-enrol-choose")}</legend>
                    <ul class="choices">{rows}</ul>
                </fieldset>
                <button type="submit" class="button primary">{t("admin-enrol")}</button>
            </form>
        </section>
    }
}

fn session_form(
    cohort_id: i64,
    resource: CohortResource,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let form = SessionForm {
            cohort_id,
            module: field(&pairs, "module"),
            date: field(&pairs, "date"),
            time: field(&pairs, "time"),
            duration_minutes: field(&pairs, "duration_minutes"),
            place: field(&pairs, "place"),
            trainer: field(&pairs, "trainer"),
        };
        save_with(
            refusals,
            message,
            "admin-session-scheduled",
            move || schedule_session(form),
            move |_| resource.refetch(),
        );
    };
    let modules = TrainingModule::ALL
        .iter()
        .map(|m| (m.code().to_owned(), t(&m.label_key())))
        .collect();
    view! {
        <h2 id="session-form-title">{t("admin-session-schedule")}</h2>
        <form class="console-form" on:submit=on_submit novalidate aria-labelledby="session-form-title">
            {select_field("session-module", "module", t("admin-module"), modules, String::new(), refusals)}
            {text_field("session-date", "date", t("admin-date"), Input::date(""), refusals)}
            {text_field("session-time", "time", t("admin-time"), Input::time("09:00"), refusals)}
            {text_field("session-duration", "duration_minutes", t("admin-duration"), Input::number("180"), refusals)}
            {text_field("session-place", "place", t("admin-place"), Input::text(""), refusals)}
            {text_field("session-trainer", "trainer", t("admin-trainer"), Input::text(""), refusals)}
            {refusals.of("session-form".into(), "")}
            <button type="submit" class="button primary">{t("admin-session-schedule")}</button>
        </form>
    }
}

/// Changes the cohort: its name, dates, capacity, coach and rhythm of visits.
fn edit_form(
    cohort_id: i64,
    edit: CohortEdit,
    resource: CohortResource,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let refusals = Refusals::default();
    let CohortEdit {
        version,
        form,
        coaches,
    } = edit;
    let site_id = form.site_id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let changed = CohortForm {
            site_id: site_id.clone(),
            name: field(&pairs, "name"),
            starts_on: field(&pairs, "starts_on"),
            ends_on: field(&pairs, "ends_on"),
            capacity: field(&pairs, "capacity"),
            coach_id: field(&pairs, "coach_id"),
            visit_every_days: field(&pairs, "visit_every_days"),
        };
        save_with(
            refusals,
            message,
            "admin-saved",
            move || update_cohort(cohort_id, version, changed),
            move |_| resource.refetch(),
        );
    };
    let coaches = coaches
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    view! {
        <details class="filter-panel" id="cohort-edit-panel">
            <summary>{t("admin-cohort-change")}</summary>
            <form class="console-form filters" on:submit=on_submit novalidate>
                {text_field("edit-name", "name", t("admin-cohort-name"), Input::text(form.name), refusals)}
                {text_field("edit-starts", "starts_on", t("admin-cohort-starts"), Input::date(form.starts_on), refusals)}
                {text_field("edit-ends", "ends_on", t("admin-cohort-ends"), Input::date(form.ends_on), refusals)}
                {text_field("edit-capacity", "capacity", t("admin-capacity"), Input::number(form.capacity), refusals)}
                {select_field("edit-coach", "coach_id", t("admin-coach"), coaches, form.coach_id, refusals)}
                {text_field("edit-rhythm", "visit_every_days", t("admin-cohort-rhythm"), Input::number(form.visit_every_days), refusals)}
                {refusals.of("cohort-edit".into(), "")}
                <button type="submit" class="button primary">{t("admin-save")}</button>
            </form>
        </details>
    }
}
