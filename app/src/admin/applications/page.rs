//! The applications list's page.

use super::{
    filters::{Filters, Sort},
    *,
};
use crate::admin::{
    i18n::{t, t_with},
    review::{act_on_many, BulkAction},
    roles::{Role, Staff},
    shell::*,
    workflow::{ActionKind, Status},
};
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::{
    components::{Form, A},
    hooks::use_query_map,
};

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    view! { <Console title_key="admin-applications-title" body=applications_body /> }
}

fn current_filters() -> Memo<Filters> {
    let query = use_query_map();
    Memo::new(move |_| {
        let query = query.get();
        Filters::from_query(|name| query.get(name))
    })
}

fn applications_body(staff: Staff) -> impl IntoView {
    let filters = current_filters();
    let page = Resource::new(move || filters.get(), list_applications);
    let options = Resource::new(|| (), |_| load_filter_options());
    let selected = RwSignal::new(Vec::<i64>::new());
    let bulk_message = RwSignal::new(None::<String>);
    let lang = use_lang();
    let decides = matches!(staff.role, Role::NationalAdmin | Role::RegionalCoordinator);
    let starts_review = ActionKind::StartReview.allowed_for(staff.role);
    let bulk = move |action: BulkAction| {
        let ids = selected.get_untracked();
        if ids.is_empty() {
            bulk_message.set(Some(t("admin-bulk-none-selected")));
            return;
        }
        leptos::task::spawn_local(async move {
            let reply = act_on_many(ids, action).await;
            bulk_message.set(Some(match reply {
                Ok(reply) => t_with(
                    "admin-bulk-done",
                    &[
                        ("done", reply.done.into()),
                        ("refused", reply.refused.into()),
                    ],
                ),
                Err(error) => error.message(lang),
            }));
            selected.set(Vec::new());
            page.refetch();
        });
    };
    let reviewer_choice = RwSignal::new(String::new());
    let separator = RwSignal::new("semicolon".to_owned());
    view! {
        <h1>{t("admin-applications-title")}</h1>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                let options = options.await.unwrap_or_default();
                view! { <FilterForm filters=filters.get_untracked() options /> }
            })}
        </Suspense>
        <div class="toolbar">
            {starts_review
                .then(|| {
                    view! {
                        <button type="button" class="button" on:click=move |_| bulk(BulkAction::StartReview)>
                            {t("admin-bulk-start-review")}
                        </button>
                    }
                })}
            {decides
                .then(|| {
                    view! {
                        <Suspense fallback=|| ()>
                            {move || Suspend::new(async move {
                                let reviewers = options.await.unwrap_or_default().reviewers;
                                view! {
                                    <label for="bulk-reviewer">{t("admin-bulk-reviewer")}</label>
                                    <select
                                        id="bulk-reviewer"
                                        on:change=move |ev| reviewer_choice.set(event_target_value(&ev))
                                    >
                                        <option value="">"—"</option>
                                        {reviewers
                                            .into_iter()
                                            .map(|r| view! { <option value=r.key.clone()>{r.name_fr}</option> })
                                            .collect_view()}
                                    </select>
                                }
                            })}
                        </Suspense>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                if let Ok(id) = reviewer_choice.get_untracked().parse() {
                                    bulk(BulkAction::AssignReviewer(id));
                                }
                            }
                        >
                            {t("admin-bulk-assign")}
                        </button>
                    }
                })}
            <label for="export-sep">{t("admin-export-separator")}</label>
            <select id="export-sep" on:change=move |ev| separator.set(event_target_value(&ev))>
                {["semicolon", "comma", "tab"]
                    .into_iter()
                    .map(|sep| {
                        view! {
                            <option value=sep selected=sep == "semicolon">
                                {t(&format!("admin-export-sep-{sep}"))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <a
                class="button"
                rel="external"
                download=""
                href=move || {
                    let query = filters.get().to_query();
                    let and = if query.is_empty() { "" } else { "&" };
                    format!("/admin/export.csv?{query}{and}sep={}", separator.get())
                }
            >
                {t("admin-export")}
            </a>
        </div>
        <p role="status" id="bulk-message">{move || bulk_message.get()}</p>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => results_view(page, filters.get_untracked(), selected).into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

#[component]
fn FilterForm(filters: Filters, options: FilterOptions) -> impl IntoView {
    let lang = use_lang();
    let select =
        |name: &'static str, label: String, current: String, choices: Vec<(String, String)>| {
            let id = format!("filter-{name}");
            view! {
                <div class="field">
                    <label for=id.clone()>{label}</label>
                    <select id=id name=name>
                        <option value="">{t("admin-filter-any")}</option>
                        {choices
                            .into_iter()
                            .map(|(value, text)| {
                                let chosen = value == current;
                                view! {
                                    <option value=value selected=chosen>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            }
        };
    let places = move |counts: &[Count]| {
        counts
            .iter()
            .map(|c| (c.key.clone(), lang.pick(&c.name_fr, &c.name_ar).to_owned()))
            .collect::<Vec<_>>()
    };
    let statuses = [
        (
            super::filters::OPEN_STATUSES.to_owned(),
            t("admin-status-open"),
        ),
        (
            super::filters::PLACED_STATUSES.to_owned(),
            t("admin-status-placed"),
        ),
    ]
    .into_iter()
    .chain(
        Status::ALL
            .into_iter()
            .map(|s| (s.code().to_owned(), t(&s.label_key()))),
    )
    .collect();
    let sectors = crate::registration::choices::Sector::ALL
        .iter()
        .map(|s| (s.code().to_owned(), t(&s.label_key())))
        .collect();
    let stages = crate::registration::choices::ProjectStage::ALL
        .iter()
        .map(|s| (s.code().to_owned(), t(&s.label_key())))
        .collect();
    let areas = crate::registration::choices::Area::ALL
        .iter()
        .map(|a| (a.code().to_owned(), t(&a.label_key())))
        .collect();
    let ages = crate::admin::report::AGE_BANDS
        .iter()
        .map(|(_, band)| ((*band).to_owned(), (*band).to_owned()))
        .collect();
    let reached = crate::admin::report::Indicator::ALL
        .iter()
        .filter(|i| i.is_follow_up())
        .map(|i| (i.code().to_owned(), t(&i.label_key())))
        .collect();
    let schooling = crate::registration::choices::EducationLevel::ALL
        .iter()
        .map(|e| (e.code().to_owned(), t(&e.label_key())))
        .collect();
    let reasons = crate::admin::workflow::RejectReason::ALL
        .iter()
        .map(|r| (r.code().to_owned(), t(&r.label_key())))
        .chain([(
            crate::admin::report::NO_REASON.to_owned(),
            t("admin-reject-not-given"),
        )])
        .collect();
    let channels = ["self", "assisted"]
        .into_iter()
        .map(|c| (c.to_owned(), t(&format!("admin-channel-{c}"))))
        .collect();
    let sorts = Sort::ALL
        .into_iter()
        .map(|s| {
            let chosen = s == filters.sort;
            view! {
                <option value=s.code() selected=chosen>
                    {t(&format!("admin-sort-{}", s.code()))}
                </option>
            }
        })
        .collect_view();
    let active = filters.active_count();
    view! {
        <Form method="GET" action="/admin/applications">
            <div class="search-row">
                <div class="field">
                    <label for="filter-q">{t("admin-search")}</label>
                    <input id="filter-q" name="q" type="search" value=filters.q.clone() aria-describedby="filter-q-hint" />
                </div>
                <button type="submit" class="button primary">
                    {t("admin-search-go")}
                </button>
            </div>
            <p class="hint" id="filter-q-hint">{t("admin-search-hint")}</p>
            // The filters fold away, so that the list is the first thing on the screen.
            <details class="filter-panel" id="filter-panel">
                <summary>
                    {t_with("admin-filters-summary", &[("count", (active as i64).into())])}
                </summary>
            <div class="filters">
                {select("region", t("admin-region"), filters.region.clone(), places(&options.regions))}
                {select("province", t("admin-province"), filters.province.clone(), places(&options.provinces))}
                {select("status", t("admin-status"), filters.status.clone(), statuses)}
                {select("sector", t("admin-sector"), filters.sector.clone(), sectors)}
                {select("stage", t("admin-stage"), filters.stage.clone(), stages)}
                {select("channel", t("admin-channel"), filters.channel.clone(), channels)}
                {select("area", t("admin-axis-area"), filters.area.clone(), areas)}
                {select("age", t("admin-axis-age-band"), filters.age.clone(), ages)}
                {options.follow_up.then(|| select("reached", t("admin-reached"), filters.reached.clone(), reached))}
                {select("education", t("admin-axis-education"), filters.education.clone(), schooling)}
                {select("reason", t("admin-axis-reason"), filters.reason.clone(), reasons)}
                <div class="field">
                    <label for="filter-from">{t("admin-from")}</label>
                    <input id="filter-from" name="from" type="date" value=filters.from.clone() />
                </div>
                <div class="field">
                    <label for="filter-to">{t("admin-to")}</label>
                    <input id="filter-to" name="to" type="date" value=filters.to.clone() />
                </div>
                <div class="field">
                    <label for="filter-sort">{t("admin-sort")}</label>
                    <select id="filter-sort" name="sort">{sorts}</select>
                </div>
                <div class="field check">
                    <input id="filter-flagged" name="flagged" type="checkbox" value="1" checked=filters.flagged />
                    <label for="filter-flagged">{t("admin-flagged-only")}</label>
                </div>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button primary">
                    {t("admin-filter")}
                </button>
                " "
                <A href="/admin/applications">{t("admin-filter-reset")}</A>
            </div>
            </details>
        </Form>
    }
}

fn results_view(
    page: ApplicationPage,
    filters: Filters,
    selected: RwSignal<Vec<i64>>,
) -> impl IntoView {
    let lang = use_lang();
    let rows = page
        .rows
        .into_iter()
        .map(|row| {
            let id = row.id;
            let checked = move || selected.get().contains(&id);
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                selected.update(|ids| {
                    ids.retain(|i| *i != id);
                    if on {
                        ids.push(id);
                    }
                });
            };
            let name = format!("{} {}", row.first_name, row.last_name);
            view! {
                <tr>
                    <td class="select-cell">
                        <input
                            type="checkbox"
                            aria-label=t_with("admin-select-row", &[("reference", row.reference.clone().into())])
                            prop:checked=checked
                            on:change=toggle
                        />
                    </td>
                    <td class="reference-cell" data-label=t("admin-reference")>
                        <A href=format!("/admin/applications/{id}")>
                            <bdi dir="ltr" class="reference-text">{row.reference.clone()}</bdi>
                        </A>
                    </td>
                    <td data-label=t("admin-name")>
                        <bdi>{name}</bdi>
                    </td>
                    <td data-label=t("admin-province")>{lang.pick(&row.province_fr, &row.province_ar).to_owned()}</td>
                    <td data-label=t("admin-sector")>
                        {crate::registration::choices::Sector::parse(&row.sector)
                            .map(|s| t(&s.label_key()))
                            .unwrap_or_default()}
                    </td>
                    <td data-label=t("admin-status")>
                        <span class=format!("badge status-{}", row.status.code())>{t(&row.status.label_key())}</span>
                    </td>
                    <td data-label=t("admin-channel")>{t(&format!("admin-channel-{}", row.channel))}</td>
                    <td class="date-cell" data-label=t("admin-submitted-at")>
                        <bdi dir="ltr" class="date-text">{row.submitted_at.date()}</bdi>
                    </td>
                    <td>
                        {row
                            .possible_duplicate
                            .then(|| view! { <span class="badge flag">{t("admin-flagged")}</span> })}
                        {row.burst.then(|| view! { <span class="badge flag">{t("admin-burst")}</span> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let link = |filters: Filters| format!("/admin/applications?{}", filters.to_query());
    let shown = page.page;
    view! {
        <p id="result-count" data-total=page.total>
            {t_with(
                if page.more { "admin-results-more" } else { "admin-results" },
                &[
                    ("total", page.total.into()),
                    // Grouped by thousands, as the dashboard writes its figures.
                    ("shown", crate::landing::format_count(page.total).into()),
                ],
            )}
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=t("admin-table-scroll")>
            <table class="list">
                <thead>
                    <tr>
                        <th scope="col">
                            <span class="visually-hidden">{t("admin-select")}</span>
                        </th>
                        <th scope="col">{t("admin-reference")}</th>
                        <th scope="col">{t("admin-name")}</th>
                        <th scope="col">{t("admin-province")}</th>
                        <th scope="col">{t("admin-sector")}</th>
                        <th scope="col">{t("admin-status")}</th>
                        <th scope="col">{t("admin-channel")}</th>
                        <th scope="col">{t("admin-submitted-at")}</th>
                        <th scope="col">
                            <span class="visually-hidden">{t("admin-flagged")}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        // Pages follow one another (each from the row where the other ends), so the first,
        // the ones beside this one and the last are the ones offered.
        <nav class="pagination" aria-label=t("admin-pages")>
            {page
                .previous
                .is_some()
                .then(|| view! { <A href=link(filters.first_page())>{t("admin-first")}</A> })}
            {page
                .previous
                .clone()
                .map(|cursor| {
                    view! {
                        <A href=link(filters.page_before(shown.saturating_sub(1).max(1), &cursor))>
                            {t("admin-previous")}
                        </A>
                    }
                })}
            <span>{t_with("admin-page-of", &[("page", shown.into()), ("pages", page.pages.into())])}</span>
            {page
                .next
                .clone()
                .map(|cursor| {
                    view! { <A href=link(filters.page_after(shown + 1, &cursor))>{t("admin-next")}</A> }
                })}
            {(page.next.is_some() && !page.more)
                .then(|| view! { <A href=link(filters.last_page(page.pages))>{t("admin-last")}</A> })}
        </nav>
    }
}
