//! The console's pages. Each is a lazy route (its code arrives when it is opened), checks
//! who is signed in through the server, and shows only what the role allows; the server
//! functions refuse the rest anyway.

use super::i18n::{t, t_with};
use super::{
    api::*,
    filters::{Filters, Sort},
    roles::{Role, Staff},
    workflow::{Action, ActionKind, Recommendation, RejectReason, Status},
};
use crate::i18n::use_lang;
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::{
    components::{Form, Redirect, A},
    hooks::{use_location, use_navigate, use_query_map},
};

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
    NotFound,
}

impl Page {
    fn of(path: &str) -> Page {
        match path.trim_end_matches('/') {
            "/admin" => Page::Dashboard,
            SIGN_IN_PATH => Page::SignIn,
            PASSWORD_PATH => Page::Password,
            "/admin/applications" => Page::Applications,
            "/admin/staff" => Page::Staff,
            "/admin/audit" => Page::Audit,
            path if path
                .strip_prefix("/admin/applications/")
                .is_some_and(|id| id.parse::<i64>().is_ok()) =>
            {
                Page::Application
            }
            _ => Page::NotFound,
        }
    }
}

/// The whole console, one lazy route: its code arrives in one file when staff open it, and
/// none of it weighs on the applicants' pages.
#[component]
pub fn AdminArea() -> impl IntoView {
    let source = super::i18n::page_source(use_lang());
    view! {
        <leptos_meta::Stylesheet id="console" href="/console.css" />
        <script type="text/plain" id=super::i18n::ELEMENT_ID inner_html=source></script>
        <AdminPages />
    }
}

#[component]
fn AdminPages() -> impl IntoView {
    let location = use_location();
    let page = Memo::new(move |_| Page::of(&location.pathname.get()));
    move || match page.get() {
        Page::SignIn => view! { <SignInPage /> }.into_any(),
        Page::Password => view! { <PasswordPage /> }.into_any(),
        Page::Dashboard => view! { <DashboardPage /> }.into_any(),
        Page::Applications => view! { <ApplicationsPage /> }.into_any(),
        Page::Application => view! { <ApplicationPage /> }.into_any(),
        Page::Staff => view! { <StaffPage /> }.into_any(),
        Page::Audit => view! { <AuditPage /> }.into_any(),
        Page::NotFound => view! { <crate::layout::NotFound /> }.into_any(),
    }
}

pub const SIGN_IN_PATH: &str = "/admin/sign-in";
pub const PASSWORD_PATH: &str = "/admin/password";

/// The name and value pairs of the form a submit event comes from.
fn form_pairs(ev: &leptos::ev::SubmitEvent) -> Vec<(String, String)> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        ev.target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
            .map(|form| crate::registration::form::browser::pairs(&form))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        Vec::new()
    }
}

fn field(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// A time as read in Morocco: `dd/mm/yyyy hh:mm`.
pub fn when(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix + 3600)
        .map(|t| {
            format!(
                "{:02}/{:02}/{} {:02}:{:02}",
                t.day(),
                u8::from(t.month()),
                t.year(),
                t.hour(),
                t.minute()
            )
        })
        .unwrap_or_default()
}

fn day(unix: i64) -> String {
    when(unix).split(' ').next().unwrap_or_default().to_owned()
}

fn loading() -> impl IntoView {
    view! { <p class="muted">{t("loading")}</p> }
}

fn error_view(error: crate::error::AppError) -> AnyView {
    match error {
        crate::error::AppError::NotSignedIn => view! { <Redirect path=SIGN_IN_PATH /> }.into_any(),
        crate::error::AppError::PasswordChangeRequired => {
            view! { <Redirect path=PASSWORD_PATH /> }.into_any()
        }
        error => view! {
            <p class="alert" role="alert">
                {error.message(use_lang())}
            </p>
        }
        .into_any(),
    }
}

/// A console page: who is signed in, the navigation, and `body` for that staff member.
#[component]
fn Console<F, V>(title_key: &'static str, body: F) -> impl IntoView
where
    F: Fn(Staff) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let me = Resource::new(|| (), |_| who_am_i());
    view! {
        <Title text=t(title_key) />
        <Suspense fallback=loading>
            {move || {
                let body = body.clone();
                Suspend::new(async move {
                    match me.await {
                        Ok(Some(staff)) if staff.must_change_password => {
                            view! { <Redirect path=PASSWORD_PATH /> }.into_any()
                        }
                        Ok(Some(staff)) => {
                            let console = NodeRef::<leptos::html::Div>::new();
                            Effect::new(move |_| {
                                if let Some(console) = console.get() {
                                    let _ = console.set_attribute("data-ready", "true");
                                }
                            });
                            view! {
                                <div class="console" node_ref=console>
                                    <ConsoleNav staff=staff.clone() />
                                    <section class="console-body">{body(staff)}</section>
                                </div>
                            }
                                .into_any()
                        }
                        Ok(None) => view! { <Redirect path=SIGN_IN_PATH /> }.into_any(),
                        Err(error) => error_view(error),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ConsoleNav(staff: Staff) -> impl IntoView {
    let region = staff.region.clone().map(|code| format!(" · {code}"));
    let sign_out_click = move |_| {
        leptos::task::spawn_local(async move {
            let _ = sign_out().await;
            #[cfg(feature = "hydrate")]
            let _ = window().location().set_href(SIGN_IN_PATH);
        });
    };
    view! {
        <nav class="console-nav" aria-label=t("admin-nav-label")>
            <p class="console-who">
                <span>{staff.name.clone()}</span>
                <span class="muted">" " {t(&staff.role.label_key())} {region}</span>
                {staff
                    .demo
                    .then(|| view! { " " <span class="badge demo">{t("admin-demo-account")}</span> })}
            </p>
            <ul>
                <li>
                    <A href="/admin">{t("admin-nav-dashboard")}</A>
                </li>
                {staff
                    .reads_applications()
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/applications">{t("admin-nav-applications")}</A>
                            </li>
                        }
                    })}
                {staff
                    .registers_women()
                    .then(|| {
                        view! {
                            <li>
                                <a href="/register" rel="external">
                                    {t("admin-nav-register")}
                                </a>
                            </li>
                        }
                    })}
                {staff
                    .manages_any_staff()
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/staff">{t("admin-nav-staff")}</A>
                            </li>
                        }
                    })}
                {staff
                    .is_national_admin()
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/audit">{t("admin-nav-audit")}</A>
                            </li>
                        }
                    })}
                <li>
                    <button type="button" class="link-button" on:click=sign_out_click>
                        {t("admin-sign-out")}
                    </button>
                </li>
            </ul>
        </nav>
    }
}

// ---- sign-in and password ----

#[component]
pub fn SignInPage() -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let navigate = use_navigate();
    let lang = use_lang();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let pairs = form_pairs(&ev);
        let navigate = navigate.clone();
        pending.set(true);
        leptos::task::spawn_local(async move {
            let reply = sign_in(field(&pairs, "email"), field(&pairs, "password")).await;
            pending.set(false);
            let text = match reply {
                Ok(SignInReply::SignedIn {
                    must_change_password,
                }) => {
                    let next = if must_change_password {
                        PASSWORD_PATH
                    } else {
                        "/admin"
                    };
                    navigate(next, Default::default());
                    return;
                }
                Ok(SignInReply::Invalid) => t("admin-sign-in-invalid"),
                Ok(SignInReply::Missing) => t("admin-sign-in-missing"),
                Ok(SignInReply::TooMany) => t("admin-sign-in-too-many"),
                Ok(SignInReply::Wait { seconds }) if seconds < 60 => {
                    t_with("admin-sign-in-wait-seconds", &[("seconds", seconds.into())])
                }
                Ok(SignInReply::Wait { seconds }) => t_with(
                    "admin-sign-in-wait-minutes",
                    &[("minutes", ((seconds + 59) / 60).into())],
                ),
                Err(error) => error.message(lang),
            };
            message.set(Some(text));
        });
    };
    let form = NodeRef::<leptos::html::Form>::new();
    crate::registration::form::mark_ready(form);
    view! {
        <Title text=t("admin-sign-in-title") />
        <section class="page narrow">
            <h1>{t("admin-sign-in-title")}</h1>
            // Without the WASM the form posts to the server function itself.
            <form
                class="console-form"
                method="post"
                action="/api/admin/sign-in"
                on:submit=on_submit
                node_ref=form
                novalidate
            >
                <div
                    id="sign-in-message"
                    class="alert"
                    role="alert"
                    hidden=move || message.get().is_none()
                >
                    {move || message.get()}
                </div>
                <div class="field">
                    <label for="email">{t("admin-email")}</label>
                    <input
                        id="email"
                        name="email"
                        type="email"
                        autocomplete="username"
                        dir="ltr"
                        required
                    />
                </div>
                <div class="field">
                    <label for="password">{t("admin-password")}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        dir="ltr"
                        required
                    />
                </div>
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {t("admin-sign-in")}
                </button>
            </form>
        </section>
    }
}

#[component]
pub fn PasswordPage() -> impl IntoView {
    let me = Resource::new(|| (), |_| who_am_i());
    let message = RwSignal::new(None::<String>);
    let lang = use_lang();
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let reply = change_password(
                field(&pairs, "current"),
                field(&pairs, "new"),
                field(&pairs, "confirm"),
            )
            .await;
            let key = match reply {
                Ok(PasswordReply::Changed) => {
                    navigate("/admin", Default::default());
                    return;
                }
                Ok(PasswordReply::WrongCurrent) => "admin-password-wrong-current",
                Ok(PasswordReply::SameAsCurrent) => "admin-password-same",
                Ok(PasswordReply::TooShort) => "admin-password-too-short",
                Ok(PasswordReply::TooEasy) => "admin-password-too-easy",
                Ok(PasswordReply::Mismatch) => "admin-password-mismatch",
                Err(error) => {
                    message.set(Some(error.message(lang)));
                    return;
                }
            };
            message.set(Some(t_with(
                key,
                &[("min", (MIN_PASSWORD_LEN as i64).into())],
            )));
        });
    };
    view! {
        <Title text=t("admin-password-title") />
        <section class="page narrow">
            <h1>{t("admin-password-title")}</h1>
            <Suspense fallback=loading>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(staff)) => {
                            Either::Left(
                                staff
                                    .must_change_password
                                    .then(|| view! { <p>{t("admin-password-must-change")}</p> }),
                            )
                        }
                        _ => Either::Right(view! { <Redirect path=SIGN_IN_PATH /> }),
                    }
                })}
            </Suspense>
            <form class="console-form" method="post" on:submit=on_submit novalidate>
                <div class="alert" role="alert" hidden=move || message.get().is_none()>
                    {move || message.get()}
                </div>
                <div class="field">
                    <label for="current">{t("admin-password-current")}</label>
                    <input id="current" name="current" type="password" autocomplete="current-password" dir="ltr" />
                </div>
                <div class="field">
                    <label for="new">{t("admin-password-new")}</label>
                    <input id="new" name="new" type="password" autocomplete="new-password" dir="ltr" />
                </div>
                <div class="field">
                    <label for="confirm">{t("admin-password-confirm")}</label>
                    <input id="confirm" name="confirm" type="password" autocomplete="new-password" dir="ltr" />
                </div>
                <button type="submit" class="button primary">
                    {t("admin-password-save")}
                </button>
            </form>
        </section>
    }
}

// ---- dashboard ----

/// Refetches with `refetch` whenever the server says the figures changed; marks `target`
/// `data-live="open"` while connected.
fn live_updates(refetch: impl Fn() + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::{closure::Closure, JsCast};
        let Ok(source) = web_sys::EventSource::new("/admin/events") else {
            return;
        };
        let on_change = Closure::<dyn Fn(web_sys::Event)>::new(move |_| refetch());
        let _ =
            source.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let on_hello = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            if let Some(root) = document().get_element_by_id("dashboard") {
                let _ = root.set_attribute("data-live", "open");
            }
        });
        let _ = source.add_event_listener_with_callback("hello", on_hello.as_ref().unchecked_ref());
        on_change.forget();
        on_hello.forget();
        let source = send_wrapper::SendWrapper::new(source);
        on_cleanup(move || source.close());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = refetch;
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <Console title_key="admin-dashboard-title" body=dashboard_body /> }
}

fn dashboard_body(staff: Staff) -> impl IntoView {
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

/// A share as staff read it, `12,5 %` or `12.5%`.
fn share(part: i64, whole: i64, lang: crate::i18n::Lang) -> String {
    let value = if whole <= 0 {
        0.0
    } else {
        (part as f64 * 100.0 / whole as f64).min(100.0)
    };
    match lang {
        crate::i18n::Lang::Fr => format!("{}\u{a0}%", format!("{value:.1}").replace('.', ",")),
        crate::i18n::Lang::Ar => format!("{value:.1}%"),
    }
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
    let open = super::filters::OPEN_STATUSES;
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

// ---- applications list ----

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
    let statuses = std::iter::once((
        super::filters::OPEN_STATUSES.to_owned(),
        t("admin-status-open"),
    ))
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
                        <bdi dir="ltr" class="date-text">{day(row.submitted_at)}</bdi>
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
    let link = |page: u32| format!("/admin/applications?{}", filters.with_page(page).to_query());
    view! {
        <p id="result-count">
            {t_with(
                if page.more { "admin-results-more" } else { "admin-results" },
                &[("total", page.total.into())],
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
        <nav class="pagination" aria-label=t("admin-pages")>
            {(page.page > 1)
                .then(|| view! { <A href=link(page.page - 1)>{t("admin-previous")}</A> })}
            <span>{t_with("admin-page-of", &[("page", page.page.into()), ("pages", page.pages.into())])}</span>
            {(page.page < page.pages)
                .then(|| view! { <A href=link(page.page + 1)>{t("admin-next")}</A> })}
        </nav>
    }
}

// ---- one application ----

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
                    <span class="muted">{when(e.at)}</span> " " {e.actor.clone()} " · "
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
                    <p class="muted">{when(n.at)} " · " {n.author.clone()}</p>
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
            {d.entered_by.clone().map(|name| format!(" ({name})"))} " · " {when(d.submitted_at)}
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
                <span class="muted">{when(d.submitted_at)}</span> " " {t("admin-event-submitted")}
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

// ---- staff accounts ----

#[component]
pub fn StaffPage() -> impl IntoView {
    view! { <Console title_key="admin-staff-title" body=staff_body /> }
}

fn staff_body(me: Staff) -> impl IntoView {
    let accounts = Resource::new(|| (), |_| list_staff());
    let lang = use_lang();
    let created = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        leptos::task::spawn_local(async move {
            let reply = create_staff_account(
                field(&pairs, "email"),
                field(&pairs, "name"),
                field(&pairs, "role"),
                field(&pairs, "region"),
            )
            .await;
            match reply {
                Ok(CreateStaffReply::Created { temporary_password }) => {
                    errors.set(Vec::new());
                    created.set(Some(temporary_password));
                    accounts.refetch();
                }
                Ok(CreateStaffReply::Invalid(refusals)) => {
                    created.set(None);
                    errors.set(refusals);
                }
                Err(error) => errors.set(vec![(String::new(), error.message(lang))]),
            }
        });
    };
    let error_of = move |name: &'static str| {
        move || {
            errors
                .get()
                .into_iter()
                .find(|(field, _)| field == name)
                .map(|(_, key)| view! { <p class="field-error">{t(&key)}</p> })
        }
    };
    let roles = Role::ALL
        .into_iter()
        .filter(|role| {
            me.manages(
                *role,
                if role.is_regional() {
                    me.region.as_deref()
                } else {
                    None
                },
            )
        })
        .map(|role| view! { <option value=role.code()>{t(&role.label_key())}</option> })
        .collect_view();
    let region_field = match me.region.clone() {
        Some(region) => Either::Left(view! { <input type="hidden" name="region" value=region /> }),
        None => Either::Right(view! {
            <div class="field">
                <label for="staff-region">{t("admin-region")}</label>
                <input id="staff-region" name="region" type="text" inputmode="numeric" maxlength="2" dir="ltr" />
                <p class="hint">{t("admin-region-hint")}</p>
            </div>
        }),
    };
    let my_id = me.id;
    view! {
        <h1>{t("admin-staff-title")}</h1>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match accounts.await {
                    Ok(rows) => {
                        view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-label=t("admin-table-scroll")>
                                <table class="list">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t("admin-name")}</th>
                                            <th scope="col">{t("admin-email")}</th>
                                            <th scope="col">{t("admin-role")}</th>
                                            <th scope="col">{t("admin-region")}</th>
                                            <th scope="col">{t("admin-account")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|row| {
                                                let id = row.id;
                                                let active = row.active;
                                                let toggle = move |_| {
                                                    leptos::task::spawn_local(async move {
                                                        let _ = set_staff_active(id, !active).await;
                                                        accounts.refetch();
                                                    });
                                                };
                                                view! {
                                                    <tr>
                                                        <td>
                                                            {row.name}
                                                            {row
                                                                .demo
                                                                .then(|| {
                                                                    view! {
                                                                        " "
                                                                        <span class="badge demo">{t("admin-demo-account")}</span>
                                                                    }
                                                                })}
                                                        </td>
                                                        <td>
                                                            <bdi dir="ltr">{row.email}</bdi>
                                                        </td>
                                                        <td data-label=t("admin-role")>{t(&row.role.label_key())}</td>
                                                        <td data-label=t("admin-region")>
                                                            {match (&row.region_fr, &row.region_ar) {
                                                                (Some(fr), Some(ar)) => lang.pick(fr, ar).to_owned(),
                                                                _ => t("admin-region-national"),
                                                            }}
                                                        </td>
                                                        <td>
                                                            {if active { t("admin-active") } else { t("admin-inactive") }}
                                                            " "
                                                            {(id != my_id)
                                                                .then(|| {
                                                                    view! {
                                                                        <button type="button" class="link-button" on:click=toggle>
                                                                            {if active { t("admin-deactivate") } else { t("admin-activate") }}
                                                                        </button>
                                                                    }
                                                                })}
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                            .into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
        <h2>{t("admin-staff-create")}</h2>
        <form class="console-form" on:submit=on_submit novalidate>
            <div class="field">
                <label for="staff-email">{t("admin-email")}</label>
                <input id="staff-email" name="email" type="email" dir="ltr" />
                {error_of("email")}
            </div>
            <div class="field">
                <label for="staff-name">{t("admin-name")}</label>
                <input id="staff-name" name="name" type="text" />
                {error_of("name")}
            </div>
            <div class="field">
                <label for="staff-role">{t("admin-role")}</label>
                <select id="staff-role" name="role">{roles}</select>
                {error_of("role")}
            </div>
            {region_field}
            {error_of("region")}
            {error_of("")}
            <button type="submit" class="button primary">
                {t("admin-staff-create")}
            </button>
        </form>
        {move || {
            created
                .get()
                .map(|password| {
                    view! {
                        <div class="notice" role="status" id="temporary-password">
                            <p>{t("admin-staff-created")}</p>
                            <p>
                                <code dir="ltr">{password}</code>
                            </p>
                        </div>
                    }
                })
        }}
    }
}

// ---- audit log ----

#[component]
pub fn AuditPage() -> impl IntoView {
    view! { <Console title_key="admin-audit-title" body=audit_body /> }
}

fn audit_body(_staff: Staff) -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| {
        let query = query.get();
        AuditFilters {
            actor: query.get("actor").unwrap_or_default(),
            action: query.get("action").unwrap_or_default(),
            page: query.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        }
    });
    let entries = Resource::new(move || filters.get(), load_audit);
    view! {
        <h1>{t("admin-audit-title")}</h1>
        <Form method="GET" action="/admin/audit">
            <div class="filters">
                <div class="field">
                    <label for="audit-actor">{t("admin-email")}</label>
                    <input id="audit-actor" name="actor" type="email" dir="ltr" value=move || filters.get().actor />
                </div>
                <div class="field">
                    <label for="audit-action">{t("admin-audit-action")}</label>
                    <select id="audit-action" name="action">
                        <option value="">{t("admin-filter-any")}</option>
                        {AUDIT_ACTIONS
                            .iter()
                            .map(|code| {
                                let chosen = move || filters.get().action == *code;
                                view! {
                                    <option value=*code selected=chosen>
                                        {audit_action_label(code)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <button type="submit" class="button primary">
                {t("admin-filter")}
            </button>
        </Form>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(page) => {
                        let f = filters.get_untracked();
                        let next = format!(
                            "/admin/audit?actor={}&action={}&page={}",
                            crate::layout::encode_query_value(&f.actor),
                            crate::layout::encode_query_value(&f.action),
                            page.page + 1
                        );
                        view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-label=t("admin-table-scroll")>
                                <table class="list">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t("admin-when")}</th>
                                            <th scope="col">{t("admin-email")}</th>
                                            <th scope="col">{t("admin-audit-action")}</th>
                                            <th scope="col">{t("admin-audit-subject")}</th>
                                            <th scope="col">{t("admin-audit-detail")}</th>
                                            <th scope="col">{t("admin-audit-client")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {page
                                            .rows
                                            .into_iter()
                                            .map(|row| {
                                                let kind = row.subject.split(':').next().unwrap_or_default().to_owned();
                                                let name = view! { <bdi dir="ltr">{row.subject_name.clone()}</bdi> };
                                                let subject = match row.subject_link.clone() {
                                                    Some(href) => view! { <A href=href>{name}</A> }.into_any(),
                                                    None => name.into_any(),
                                                };
                                                view! {
                                                    <tr data-action=row.action.clone()>
                                                        <td class="date-cell" data-label=t("admin-when")>
                                                            <bdi dir="ltr">{when(row.at)}</bdi>
                                                        </td>
                                                        <td data-label=t("admin-email")>
                                                            <bdi dir="ltr">{row.actor_email}</bdi>
                                                        </td>
                                                        <td data-label=t("admin-audit-action")>
                                                            {audit_action_label(&row.action)}
                                                        </td>
                                                        <td data-label=t("admin-audit-subject")>
                                                            {audit_subject_label(&kind)} " " {subject}
                                                        </td>
                                                        <td data-label=t("admin-audit-detail")>
                                                            <bdi>{row.detail}</bdi>
                                                        </td>
                                                        <td data-label=t("admin-audit-client")>
                                                            <bdi dir="ltr">{row.client}</bdi>
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            {page.more.then(|| view! { <A href=next>{t("admin-next")}</A> })}
                        }
                            .into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

/// An action of the audit log, in words.
fn audit_action_label(code: &str) -> String {
    t(&format!("admin-audit-action-{}", code.replace('_', "-")))
}

/// What kind of thing an audit entry was done to, in words.
fn audit_subject_label(kind: &str) -> String {
    match kind {
        "application" | "reference" | "staff" | "region" | "reviewer" | "applications" => {
            t(&format!("admin-audit-subject-{kind}"))
        }
        _ => String::new(),
    }
}
