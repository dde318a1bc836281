//! The dashboard's page.

use super::*;
use crate::admin::{
    i18n::{t, t_with},
    roles::Staff,
    shell::*,
};
use crate::i18n::use_lang;
use leptos::prelude::*;

/// Refetches with `refetch` whenever the server says the figures changed; marks the
/// dashboard `data-live="open"` once the stream is connected.
fn live_updates(refetch: impl Fn() + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use futures_util::{stream, StreamExt};
        use gloo_net::eventsource::futures::EventSource;
        let Ok(mut source) = EventSource::new("/admin/events") else {
            return;
        };
        let (Ok(changes), Ok(hello)) = (source.subscribe("change"), source.subscribe("hello"))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            // Ends when the stream is closed (below, as the page goes).
            let mut events = stream::select(changes, hello);
            while let Some(Ok((kind, _))) = events.next().await {
                if kind == "hello" {
                    if let Some(root) = document().get_element_by_id("dashboard") {
                        let _ = root.set_attribute("data-live", "open");
                    }
                } else {
                    refetch();
                }
            }
        });
        let source = send_wrapper::SendWrapper::new(source);
        on_cleanup(move || source.take().close());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = refetch;
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <Console title_key="admin-dashboard-title" body=dashboard_body /> }
}

fn dashboard_body(staff: Staff) -> impl IntoView {
    // A coach's home is what waits in her cohorts.
    if staff.role == crate::admin::roles::Role::IncubatorCoach {
        return crate::admin::coaching::page::work_body(staff).into_any();
    }
    // A partner's is the report, small numbers protected: the dashboard's live figures are
    // exact, and change as each woman applies.
    if staff.is_partner() {
        return crate::admin::report::page::report_body(staff).into_any();
    }
    let figures = Resource::new(|| (), |_| load_dashboard());
    live_updates(move || figures.refetch());
    view! {
        <div id="dashboard" data-live="closed">
            <h1>{t("admin-dashboard-title")}</h1>
            <Transition fallback=loading>
                {move || {
                    let staff = staff.clone();
                    Suspend::new(async move {
                        match figures.await {
                            Ok(d) => dashboard_view(d, &staff).into_any(),
                            Err(error) => error_view(error),
                        }
                    })
                }}
            </Transition>
        </div>
    }
    .into_any()
}

fn percent(part: i64, whole: i64) -> String {
    if whole <= 0 {
        return "0%".into();
    }
    format!("{:.1}%", (part as f64 * 100.0 / whole as f64).min(100.0))
}

/// A whole number as staff read it: thousands set apart.
fn figure(n: i64) -> String {
    crate::landing::format_count(n)
}

/// A figure and its share of a whole, kept left to right inside Arabic.
fn figure_and_share(n: i64, whole: i64, lang: crate::i18n::Lang) -> impl IntoView {
    view! {
        <bdi dir="ltr" class="figure">
            {figure(n)} " (" {share(n, whole, lang)} ")"
        </bdi>
    }
}

/// One thing that waits for the staff, as a card that opens the list of it.
fn action_card(
    href: String,
    value: String,
    label: String,
    name: &'static str,
    late: bool,
) -> impl IntoView {
    view! {
        <a href=href class=if late { "card action late" } else { "card action" } data-card=name>
            <span class="card-value">
                <bdi dir="ltr">{value}</bdi>
            </span>
            <span class="card-label">{label}</span>
        </a>
    }
}

fn dashboard_view(d: Dashboard, staff: &Staff) -> impl IntoView {
    let lang = use_lang();
    let total = d.total();
    let target = d.target();
    let taken = d.places_taken();
    let scope = match &d.region {
        Some(_) => d
            .regions
            .first()
            .map(|r| lang.pick(&r.name_fr, &r.name_ar).to_owned())
            .unwrap_or_default(),
        None => t("admin-dashboard-national"),
    };
    let list_of = |query: &str| format!("/admin/applications?{query}");
    let open = crate::admin::applications::filters::OPEN_STATUSES;
    let waited = d.oldest_waiting_days;
    let cards = view! {
        <div class="cards actions-cards">
            {action_card(
                list_of(&format!("status={open}&sort=oldest")),
                figure(d.to_review()),
                t("admin-card-to-review"),
                "to-review",
                false,
            )}
            {action_card(
                list_of(&format!("status={open}&sort=oldest")),
                waited.map_or("—".to_owned(), figure),
                t_with(
                    "admin-card-oldest",
                    &[("promised", PROMISED_DAYS.into()), ("days", waited.unwrap_or(0).into())],
                ),
                "oldest",
                waited.is_some_and(|days| days > PROMISED_DAYS),
            )}
            {action_card(
                list_of(&format!("status={open}&flagged=1")),
                figure(d.duplicates_to_resolve),
                t("admin-card-duplicates"),
                "duplicates",
                false,
            )}
            {action_card(
                list_of("status=waiting_list"),
                figure(d.count(Status::WaitingList)),
                t("admin-card-waiting-list"),
                "waiting-list",
                false,
            )}
        </div>
    };
    let funnel = Status::ALL
        .into_iter()
        .map(|status| {
            let n = d.count(status);
            view! {
                <li>
                    <span class="bar-label">{t(&status.label_key())}</span>
                    <span class="bar-track">
                        <span class="bar-fill" style=format!("width: {}", percent(n, total))></span>
                    </span>
                    <span class="bar-value" data-figure=format!("status-{}", status.code()) data-value=n>
                        {figure_and_share(n, total, lang)}
                    </span>
                </li>
            }
        })
        .collect_view();
    let regions = d
        .regions
        .iter()
        .map(|r| {
            let places = Status::ALL
                .into_iter()
                .filter(|s| s.takes_a_place())
                .map(|s| r.count(s))
                .sum::<i64>();
            view! {
                <tr data-region=r.code.clone()>
                    <th scope="row">{lang.pick(&r.name_fr, &r.name_ar).to_owned()}</th>
                    <td data-figure="total" data-value=r.total()>{figure(r.total())}</td>
                    <td>{figure(r.count(Status::UnderReview))}</td>
                    <td data-figure="accepted" data-value=r.count(Status::Accepted)>
                        {figure(r.count(Status::Accepted))}
                    </td>
                    <td>{figure(r.count(Status::Enrolled))}</td>
                    <td>{figure(r.count(Status::WaitingList))}</td>
                    <td>{figure(r.count(Status::Rejected))}</td>
                    <td class="bar-cell" data-figure="places" data-value=places>
                        <span class="bar-track" aria-hidden="true">
                            <span class="bar-fill" style=format!("width: {}", percent(places, r.target))></span>
                        </span>
                        <bdi dir="ltr" class="figure">
                            {figure(places)} " / " {figure(r.target)} " (" {share(places, r.target, lang)} ")"
                        </bdi>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let chart = day_chart(&d.per_day, lang);
    let list = |counts: &[Count], label: &dyn Fn(&Count) -> String| {
        let max = counts.iter().map(|c| c.count).max().unwrap_or(0);
        let sum: i64 = counts.iter().map(|c| c.count).sum();
        counts
            .iter()
            .take(12)
            .map(|c| {
                view! {
                    <li>
                        <span class="bar-label">{label(c)}</span>
                        <span class="bar-track">
                            <span class="bar-fill" style=format!("width: {}", percent(c.count, max))></span>
                        </span>
                        <span class="bar-value">{figure_and_share(c.count, sum, lang)}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let sector_label = |c: &Count| {
        crate::registration::choices::Sector::parse(&c.key)
            .map(|s| t(&s.label_key()))
            .unwrap_or_else(|_| c.key.clone())
    };
    let channel_label = |c: &Count| t(&format!("admin-channel-{}", c.key));
    let place_label = move |c: &Count| lang.pick(&c.name_fr, &c.name_ar).to_owned();
    let by_sector = list(&d.by_sector, &sector_label);
    let by_channel = list(&d.by_channel, &channel_label);
    let by_province = list(&d.by_province, &place_label);
    let targets = staff
        .is_national_admin()
        .then(|| view! { <TargetForm regions=d.regions.clone() /> });
    view! {
        <p class="lead">{scope}</p>
        <h2>{t("admin-dashboard-next")}</h2>
        {cards}
        <div class="cards">
            <div class="card">
                <p class="card-value" data-figure="applications" data-value=total>
                    {figure(total)}
                </p>
                <p class="card-label">{t("admin-dashboard-applications")}</p>
            </div>
            <div class="card">
                <p class="card-value">
                    <bdi dir="ltr">
                        <span data-figure="accepted-total" data-value=taken>{figure(taken)}</span>
                        " / "
                        <span data-figure="target-total" data-value=target>{figure(target)}</span>
                    </bdi>
                </p>
                <p class="card-label">{t("admin-dashboard-places-of-target")}</p>
                <span class="bar-track" aria-hidden="true">
                    <span class="bar-fill" style=format!("width: {}", percent(taken, target))></span>
                </span>
            </div>
        </div>
        <h2>{t("admin-dashboard-regions")}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label=t("admin-table-scroll")>
            <table class="figures">
                <thead>
                    <tr>
                        <th scope="col">{t("admin-region")}</th>
                        <th scope="col">{t("admin-dashboard-applications")}</th>
                        <th scope="col">{t("admin-status-under-review")}</th>
                        <th scope="col">{t("admin-status-accepted")}</th>
                        <th scope="col">{t("admin-status-enrolled")}</th>
                        <th scope="col">{t("admin-status-waiting-list")}</th>
                        <th scope="col">{t("admin-status-rejected")}</th>
                        <th scope="col">{t("admin-dashboard-places-of-target")}</th>
                    </tr>
                </thead>
                <tbody>{regions}</tbody>
            </table>
        </div>
        {d.programme.as_ref().map(|programme| follow_up_view(&d, programme))}
        <div class="panels">
            <section>
                <h2>{t("admin-dashboard-funnel")}</h2>
                <ul class="bars">{funnel}</ul>
            </section>
            <section>
                <h2>{t("admin-dashboard-per-day")}</h2>
                {chart}
            </section>
            <section>
                <h2>{t("admin-dashboard-by-sector")}</h2>
                <ul class="bars">{by_sector}</ul>
            </section>
            <section>
                <h2>{t("admin-dashboard-by-channel")}</h2>
                <ul class="bars">{by_channel}</ul>
            </section>
            <section>
                <h2>{t("admin-dashboard-by-province")}</h2>
                <ul class="bars">{by_province}</ul>
            </section>
        </div>
        {targets}
    }
}

/// After acceptance: the women enrolled and how their accompaniment goes, the money per
/// funder against its budget, and each region's figures on the national dashboard.
fn follow_up_view(d: &Dashboard, programme: &Programme) -> impl IntoView {
    use crate::admin::programme::{BudgetLine, Centimes};
    let lang = use_lang();
    let total = programme.total();
    // The budget lines are the whole programme's: a region's money is not a share of them.
    let national = d.region.is_none();
    let enrolled = d.count(Status::Enrolled);
    let money = |centimes: i64| Centimes(centimes).dirhams(lang);
    let operating = |operating: i64, answered: i64| {
        if answered == 0 {
            "—".to_owned()
        } else {
            format!(
                "{} / {} ({})",
                figure(operating),
                figure(answered),
                share(operating, answered, lang)
            )
        }
    };
    let card = |name: &'static str, value: String, label: String| {
        view! {
            <div class="card">
                <p class="card-value" data-figure=name>
                    <bdi dir="ltr">{value}</bdi>
                </p>
                <p class="card-label">{label}</p>
            </div>
        }
    };
    let budget_of = |line: BudgetLine| {
        programme
            .budgets
            .iter()
            .find(|(l, _)| *l == line)
            .map_or(0, |(_, budget)| *budget)
    };
    let funders = BudgetLine::ALL
        .iter()
        .map(|line| {
            let (approved, paid) = programme
                .funders
                .iter()
                .filter(|f| f.funder.budget_line() == *line)
                .fold((0, 0), |(a, p), f| (a + f.approved, p + f.paid));
            let budget = budget_of(*line);
            view! {
                <tr data-budget=line.code()>
                    <th scope="row">{t(&line.label_key())}</th>
                    <td data-figure="approved" data-value=approved>
                        <bdi dir="ltr" class="figure">{money(approved)}</bdi>
                    </td>
                    <td data-figure="paid" data-value=paid>
                        <bdi dir="ltr" class="figure">{money(paid)}</bdi>
                    </td>
                    {national.then(|| view! {
                        <td data-figure="budget" data-value=budget>
                            <bdi dir="ltr" class="figure">
                                {if budget > 0 { format!("{} ({})", money(budget), share(paid, budget, lang)) } else { "—".to_owned() }}
                            </bdi>
                        </td>
                    })}
                </tr>
            }
        })
        .collect_view();
    let reached_max = programme
        .milestones
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    let milestones = programme
        .milestones
        .iter()
        .map(|(m, n)| {
            view! {
                <li>
                    <span class="bar-label">{t(&m.label_key())}</span>
                    <span class="bar-track">
                        <span class="bar-fill" style=format!("width: {}", percent(*n, reached_max))></span>
                    </span>
                    <span class="bar-value" data-figure=format!("milestone-{}", m.code()) data-value=*n>
                        {figure_and_share(*n, enrolled, lang)}
                    </span>
                </li>
            }
        })
        .collect_view();
    let per_region = national.then(|| {
        let rows = programme
            .regions
            .iter()
            .map(|r| {
                let region = d.regions.iter().find(|g| g.code == r.code);
                let name = region.map(|g| lang.pick(&g.name_fr, &g.name_ar).to_owned()).unwrap_or_default();
                let enrolled = region.map_or(0, |g| g.count(Status::Enrolled));
                view! {
                    <tr data-follow-up-region=r.code.clone()>
                        <th scope="row">{name}</th>
                        <td>{figure(enrolled)}</td>
                        <td><bdi dir="ltr">{attendance_rate(r.present, r.present + r.absent, lang)}</bdi></td>
                        <td data-figure="overdue" data-value=r.overdue_visits>{figure(r.overdue_visits)}</td>
                        <td><bdi dir="ltr" class="figure">{money(r.approved)}</bdi></td>
                        <td><bdi dir="ltr" class="figure">{money(r.paid)}</bdi></td>
                        <td><bdi dir="ltr">{operating(r.operating_6, r.answered_6)}</bdi></td>
                        <td><bdi dir="ltr">{operating(r.operating_12, r.answered_12)}</bdi></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h3>{t("admin-dashboard-regions")}</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label=scroll_label(t("admin-dashboard-follow-up"))>
                <table class="figures" id="follow-up-regions">
                    <thead>
                        <tr>
                            <th scope="col">{t("admin-region")}</th>
                            <th scope="col">{t("admin-status-enrolled")}</th>
                            <th scope="col">{t("admin-attendance-rate")}</th>
                            <th scope="col">{t("admin-work-overdue")}</th>
                            <th scope="col">{t("admin-approved")}</th>
                            <th scope="col">{t("admin-paid")}</th>
                            <th scope="col">{t("admin-operating-6")}</th>
                            <th scope="col">{t("admin-operating-12")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <section id="follow-up" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">{t("admin-dashboard-follow-up")}</h2>
            <div class="cards figures-cards">
                {card("enrolled", figure(enrolled), t("admin-status-enrolled"))}
                {card("attendance", attendance_rate(total.present, total.present + total.absent, lang), t("admin-attendance-rate"))}
                {card("overdue-visits", figure(total.overdue_visits), t("admin-work-overdue"))}
                {card("operating-6", operating(total.operating_6, total.answered_6), t("admin-operating-6"))}
                {card("operating-12", operating(total.operating_12, total.answered_12), t("admin-operating-12"))}
            </div>
            // The money takes the page's width: four columns of amounts in dirhams.
            <section>
                <h3>{t("admin-dashboard-financing")}</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label=scroll_label(t("admin-dashboard-financing"))>
                    <table class="figures" id="funders">
                        <thead>
                            <tr>
                                <th scope="col">{t("admin-funder")}</th>
                                <th scope="col">{t("admin-approved")}</th>
                                <th scope="col">{t("admin-paid")}</th>
                                {national.then(|| view! { <th scope="col">{t("admin-budget")}</th> })}
                            </tr>
                        </thead>
                        <tbody>{funders}</tbody>
                    </table>
                </div>
            </section>
            <div class="panels">
                <section>
                    <h3>{t("admin-milestones-reached")}</h3>
                    <ul class="bars">{milestones}</ul>
                </section>
            </div>
            {per_region}
        </section>
    }
}

/// Submissions per day over 30 days: bars with an axis, the dates beneath, and time running
/// the way the page reads (right to left in Arabic).
fn day_chart(days: &[Count], lang: crate::i18n::Lang) -> impl IntoView {
    let max = days.iter().map(|c| c.count).max().unwrap_or(0).max(1);
    let n = days.len().max(1);
    let rtl = lang == crate::i18n::Lang::Ar;
    // The plot: x from 30 to 330, y from 10 (top) to 110 (the axis).
    let x_of = |i: usize| {
        let slot = if rtl { n - 1 - i } else { i };
        30.0 + slot as f64 * 300.0 / n as f64
    };
    let short = |key: &str| {
        // YYYY-MM-DD as dd/mm.
        let parts: Vec<&str> = key.split('-').collect();
        match parts.as_slice() {
            [_, month, day] => format!("{day}/{month}"),
            _ => key.to_owned(),
        }
    };
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let height = c.count as f64 / max as f64 * 100.0;
            view! {
                <rect
                    x=format!("{:.1}", x_of(i) + 1.0)
                    y=format!("{:.1}", 110.0 - height)
                    width=format!("{:.1}", 300.0 / n as f64 - 2.0)
                    height=format!("{height:.1}")
                >
                    <title>{format!("{} : {}", short(&c.key), figure(c.count))}</title>
                </rect>
            }
        })
        .collect_view();
    let labels = [0, n / 2, n - 1]
        .into_iter()
        .filter_map(|i| days.get(i).map(|c| (i, short(&c.key))))
        .map(|(i, text)| {
            view! {
                <text x=format!("{:.1}", x_of(i) + 150.0 / n as f64) y="126" text-anchor="middle" class="axis-label">
                    {text}
                </text>
            }
        })
        .collect_view();
    let axis_x = if rtl { 332.0 } else { 28.0 };
    let anchor = if rtl { "start" } else { "end" };
    let label = t_with(
        "admin-dashboard-per-day-label",
        &[
            (
                "from",
                days.first()
                    .map(|c| short(&c.key))
                    .unwrap_or_default()
                    .into(),
            ),
            (
                "to",
                days.last()
                    .map(|c| short(&c.key))
                    .unwrap_or_default()
                    .into(),
            ),
            ("total", figure(days.iter().map(|c| c.count).sum()).into()),
            ("max", figure(max).into()),
        ],
    );
    view! {
        <svg class="chart" viewBox="0 0 360 132" role="img" aria-label=label data-direction=if rtl { "rtl" } else { "ltr" }>
            <line x1="30" y1="110" x2="330" y2="110" class="axis" />
            <line x1=if rtl { "330" } else { "30" } y1="10" x2=if rtl { "330" } else { "30" } y2="110" class="axis" />
            <text x=format!("{axis_x}") y="14" text-anchor=anchor class="axis-label">{figure(max)}</text>
            <text x=format!("{axis_x}") y="110" text-anchor=anchor class="axis-label">"0"</text>
            {bars}
            {labels}
        </svg>
    }
}

#[component]
fn TargetForm(regions: Vec<RegionFigures>) -> impl IntoView {
    let lang = use_lang();
    let message = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        leptos::task::spawn_local(async move {
            let target = field(&pairs, "target").trim().parse::<i64>().unwrap_or(-1);
            let reply = set_target(field(&pairs, "region"), target).await;
            message.set(Some(match reply {
                Ok(()) => t("admin-target-saved"),
                Err(error) => error.message(lang),
            }));
        });
    };
    view! {
        <section>
            <h2>{t("admin-targets")}</h2>
            <form class="console-form inline" on:submit=on_submit>
                <div class="field">
                    <label for="target-region">{t("admin-region")}</label>
                    <select id="target-region" name="region">
                        {regions
                            .iter()
                            .map(|r| {
                                view! {
                                    <option value=r.code.clone()>
                                        {lang.pick(&r.name_fr, &r.name_ar).to_owned()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="target-value">{t("admin-target")}</label>
                    <input id="target-value" name="target" type="number" min="0" inputmode="numeric" dir="ltr" />
                </div>
                <button type="submit" class="button">
                    {t("admin-save")}
                </button>
                <p role="status">{move || message.get()}</p>
            </form>
        </section>
    }
}
