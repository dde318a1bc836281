//! The follow-up's work list: visits overdue and due this week, surveys due.

use super::*;
use crate::admin::{
    i18n::{t, t_with},
    roles::Staff,
    shell::*,
};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn WorkListPage() -> impl IntoView {
    view! { <Console title_key="admin-work-title" body=work_body /> }
}

pub fn work_body(_staff: Staff) -> impl IntoView {
    let data = Resource::new(|| (), |_| load_work_list());
    view! {
        <h1>{t("admin-work-title")}</h1>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => work_view(list).into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

fn visits_table(
    id: &'static str,
    heading: String,
    rows: Vec<DueVisit>,
    late: bool,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{t("admin-work-none")}</p> }.into_any();
    }
    let body = rows
        .into_iter()
        .map(|v| {
            view! {
                <tr data-application=v.application_id>
                    <td>
                        <A href=format!("/admin/beneficiaries/{}", v.application_id)>{v.name.clone()}</A>
                        <br />
                        <bdi dir="ltr" class="muted nowrap">{v.reference}</bdi>
                    </td>
                    <td data-label=t("admin-cohort")>
                        <A href=format!("/admin/cohorts/{}", v.cohort_id)>{v.cohort.clone()}</A>
                    </td>
                    <td data-label=t("admin-coach")>{v.coach.unwrap_or_else(|| "—".into())}</td>
                    <td data-label=t("admin-due")>
                        <bdi dir="ltr" class="nowrap">{v.due}</bdi>
                        {(late && v.days_late > 0)
                            .then(|| {
                                view! {
                                    " "
                                    <span class="badge late">
                                        {t_with("admin-days-late", &[("days", v.days_late.into())])}
                                    </span>
                                }
                            })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {list_table(
            id,
            heading.clone(),
            vec![
                t("admin-name"),
                t("admin-cohort"),
                t("admin-coach"),
                t("admin-due"),
            ],
            body,
        )}
    }
    .into_any()
}

fn work_view(list: WorkList) -> impl IntoView {
    let count = |n: i64, shown: usize| {
        if n > shown as i64 {
            t_with(
                "admin-work-first",
                &[("shown", shown.into()), ("total", n.into())],
            )
        } else {
            String::new()
        }
    };
    let overdue_more = count(list.overdue_total, list.overdue.len());
    let week_more = count(list.this_week_total, list.this_week.len());
    let surveys_more = count(list.surveys_total, list.surveys.len());
    let overdue_class = if list.overdue_total > 0 {
        "card action late"
    } else {
        "card action"
    };
    let surveys = if list.surveys.is_empty() {
        view! { <p class="muted">{t("admin-work-none")}</p> }.into_any()
    } else {
        let rows = list
            .surveys
            .into_iter()
            .map(|s| {
                view! {
                    <tr data-application=s.application_id>
                        <td>
                            <A href=format!("/admin/beneficiaries/{}#surveys", s.application_id)>{s.name.clone()}</A>
                            <br />
                            <bdi dir="ltr" class="muted nowrap">{s.reference}</bdi>
                        </td>
                        <td data-label=t("admin-wave")>{t(&s.wave.label_key())}</td>
                        <td data-label=t("admin-due")>
                            <bdi dir="ltr" class="nowrap">{s.due}</bdi>
                            {s.late.then(|| view! { " " <span class="badge late">{t("admin-overdue")}</span> })}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {list_table(
                "surveys-due",
                t("admin-work-surveys"),
                vec![
                    t("admin-name"),
                    t("admin-wave"),
                    t("admin-due"),
                ],
                rows,
            )}
        }
        .into_any()
    };
    view! {
        <p class="lead">
            {t("admin-today")} " " <bdi dir="ltr">{list.today.clone()}</bdi>
        </p>
        <div class="cards actions-cards">
            <a href="#overdue" class=overdue_class data-card="overdue">
                <span class="card-value" data-value=list.overdue_total>{list.overdue_total}</span>
                <span class="card-label">{t("admin-work-overdue")}</span>
            </a>
            <a href="#this-week" class="card action" data-card="this-week">
                <span class="card-value" data-value=list.this_week_total>{list.this_week_total}</span>
                <span class="card-label">{t("admin-work-this-week")}</span>
            </a>
            <a href="#surveys" class="card action" data-card="surveys">
                <span class="card-value" data-value=list.surveys_total>{list.surveys_total}</span>
                <span class="card-label">{t("admin-work-surveys")}</span>
            </a>
        </div>
        <h2 id="overdue">{t("admin-work-overdue")}</h2>
        <p class="muted">{overdue_more}</p>
        {visits_table("visits-overdue", t("admin-work-overdue"), list.overdue, true)}
        <h2 id="this-week">
            {t("admin-work-this-week")} " "
            <span class="muted">
                "(" {t("admin-until")} " " <bdi dir="ltr">{list.week_ends.clone()}</bdi> ")"
            </span>
        </h2>
        <p class="muted">{week_more}</p>
        {visits_table("visits-this-week", t("admin-work-this-week"), list.this_week, false)}
        <h2 id="surveys">{t("admin-work-surveys")}</h2>
        <p class="muted">{surveys_more}</p>
        {surveys}
    }
}
