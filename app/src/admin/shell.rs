//! The console's frame: the check of who is signed in that every page starts with, the
//! navigation, and what the pages share (loading, errors, forms).

use super::context::{sign_out, who_am_i};
use super::i18n::t;
use super::roles::Staff;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Redirect, A};

pub const SIGN_IN_PATH: &str = "/admin/sign-in";
pub const PASSWORD_PATH: &str = "/admin/password";

/// The name and value pairs of the form a submit event comes from.
pub fn form_pairs(ev: &leptos::ev::SubmitEvent) -> Vec<(String, String)> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        ev.target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
            .map(|form| crate::ui::browser::pairs(&form))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        Vec::new()
    }
}

/// The form a submit event came from, to empty and close once what it held is saved: the
/// page around it is not drawn again, so nothing else typed on it is lost.
#[derive(Clone)]
pub struct SubmittedForm(#[cfg(feature = "hydrate")] Option<web_sys::HtmlFormElement>);

impl SubmittedForm {
    pub fn of(ev: &leptos::ev::SubmitEvent) -> Self {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            Self(ev.target().and_then(|target| target.dyn_into().ok()))
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = ev;
            Self()
        }
    }

    /// Its fields back to what they were drawn with, and the panel it opens from closed.
    pub fn reset(&self) {
        #[cfg(feature = "hydrate")]
        if let Some(form) = &self.0 {
            form.reset();
            if let Ok(Some(panel)) = form.closest("details") {
                let _ = panel.remove_attribute("open");
            }
        }
    }
}

/// The value a select named `name` changed to, from a change event that bubbled up to here.
pub fn changed_select_value(ev: &leptos::ev::Event, name: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let select = ev.target()?.dyn_into::<web_sys::HtmlSelectElement>().ok()?;
        (select.name() == name).then(|| select.value())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (ev, name);
        None
    }
}

pub fn field(pairs: &[(String, String)], name: &str) -> String {
    crate::registration::steps::first_of(pairs, name).to_owned()
}

pub fn loading() -> impl IntoView {
    view! { <p class="muted">{t("loading")}</p> }
}

pub fn error_view(error: crate::error::AppError) -> AnyView {
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
pub fn Console<F, V>(title_key: &'static str, body: F) -> impl IntoView
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
pub fn ConsoleNav(staff: Staff) -> impl IntoView {
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
                    .reads_report()
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/report">{t("admin-nav-report")}</A>
                            </li>
                        }
                    })}
                {staff
                    .reads_follow_up()
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/follow-up">{t("admin-nav-follow-up")}</A>
                            </li>
                            <li>
                                <A href="/admin/cohorts">{t("admin-nav-cohorts")}</A>
                            </li>
                        }
                    })}
                {staff
                    .runs_follow_up()
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/sites">{t("admin-nav-sites")}</A>
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
                                <A href="/admin/partners">{t("admin-nav-partners")}</A>
                            </li>
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

/// The name of a table's scrolling region: what the table holds, then how to read it (each
/// region of a page is named apart).
pub fn scroll_label(what: String) -> String {
    format!("{what} · {}", t("admin-table-scroll"))
}

/// A share as staff read it, `12,5 %` or `12.5%`.
pub fn share(part: i64, whole: i64, lang: crate::i18n::Lang) -> String {
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

/// An attendance rate, present over marked (excused absences aside); a dash before any mark.
pub fn attendance_rate(present: i64, counted: i64, lang: crate::i18n::Lang) -> String {
    if counted <= 0 {
        "—".to_owned()
    } else {
        share(present, counted, lang)
    }
}

// ---- forms ----

/// The refusals of a console form since its last submission, each shown beside its field
/// (the key `""` above the form's button).
#[derive(Clone, Copy)]
pub struct Refusals(pub RwSignal<Vec<(String, String)>>);

impl Default for Refusals {
    fn default() -> Self {
        Refusals(RwSignal::new(Vec::new()))
    }
}

impl Refusals {
    pub fn set(self, refusals: Vec<(String, String)>) {
        self.0.set(refusals);
    }

    pub fn clear(self) {
        self.0.set(Vec::new());
    }

    /// The message beside the field `name`, with the id its input points to.
    pub fn of(self, id: String, name: &'static str) -> impl IntoView {
        move || {
            self.0
                .get()
                .into_iter()
                .find(|(field, _)| field == name)
                .map(|(_, key)| {
                    view! {
                        <p class="field-error" id=format!("{id}-error")>
                            {t(&key)}
                        </p>
                    }
                })
        }
    }

    /// The id of the field's message, while it has one.
    fn described(self, id: &str, name: &'static str) -> impl Fn() -> Option<String> {
        let id = format!("{id}-error");
        let has = self.has(name);
        move || has().map(|_| id.clone())
    }

    fn has(self, name: &'static str) -> impl Fn() -> Option<&'static str> + Copy {
        move || {
            self.0
                .with(|all| all.iter().any(|(field, _)| field == name))
                .then_some("true")
        }
    }
}

/// What a console form's input is: its kind, and what it starts with.
#[derive(Clone, Default)]
pub struct Input {
    pub kind: &'static str,
    pub value: String,
    /// Left to right inside Arabic: numbers, dates, codes.
    pub ltr: bool,
    /// Offers a phone's or tablet's number pad.
    pub numeric: bool,
    pub required: bool,
    /// Typed in this language whatever the page's (a name in French, a name in Arabic).
    pub lang: Option<crate::i18n::Lang>,
}

impl Input {
    pub fn text(value: impl Into<String>) -> Input {
        Input {
            kind: "text",
            value: value.into(),
            ..Input::default()
        }
    }

    pub fn number(value: impl Into<String>) -> Input {
        Input {
            kind: "text",
            value: value.into(),
            ltr: true,
            numeric: true,
            ..Input::default()
        }
    }

    /// Letters and digits read left to right: a reference, a code.
    pub fn code(value: impl Into<String>) -> Input {
        Input {
            kind: "text",
            value: value.into(),
            ltr: true,
            ..Input::default()
        }
    }

    pub fn date(value: impl Into<String>) -> Input {
        Input {
            kind: "date",
            value: value.into(),
            ltr: true,
            ..Input::default()
        }
    }

    pub fn time(value: impl Into<String>) -> Input {
        Input {
            kind: "time",
            value: value.into(),
            ltr: true,
            ..Input::default()
        }
    }

    pub fn in_lang(self, lang: crate::i18n::Lang) -> Input {
        Input {
            lang: Some(lang),
            ..self
        }
    }

    pub fn required(self) -> Input {
        Input {
            required: true,
            ..self
        }
    }
}

/// A labelled input of a console form, with its refusal beside it.
pub fn text_field(
    id: &str,
    name: &'static str,
    label: String,
    input: Input,
    refusals: Refusals,
) -> impl IntoView {
    let id = id.to_owned();
    let numeric = input.numeric;
    let dir = match input.lang {
        Some(lang) => Some(lang.dir()),
        None => input.ltr.then_some("ltr"),
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                name=name
                type=input.kind
                value=input.value
                dir=dir
                lang=input.lang.map(|lang| lang.code())
                inputmode=numeric.then_some("decimal")
                required=input.required
                aria-invalid=refusals.has(name)
                aria-describedby=refusals.described(&id, name)
            />
            {refusals.of(id, name)}
        </div>
    }
}

/// A labelled choice among `options` (value, label), with a first empty "choose" unless
/// `selected` names one.
pub fn select_field(
    id: &str,
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    selected: String,
    refusals: Refusals,
) -> impl IntoView {
    let id = id.to_owned();
    let none_chosen = !options.iter().any(|(value, _)| *value == selected);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id.clone()
                name=name
                aria-invalid=refusals.has(name)
                aria-describedby=refusals.described(&id, name)
            >
                {none_chosen.then(|| view! { <option value="" selected>{t("admin-choose")}</option> })}
                {options
                    .into_iter()
                    .map(|(value, label)| {
                        let chosen = value == selected;
                        view! { <option value=value selected=chosen>{label}</option> }
                    })
                    .collect_view()}
            </select>
            {refusals.of(id, name)}
        </div>
    }
}

/// A console page's message after an action: what was done, or why not.
pub fn message_view(message: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <p class="notice" role="status" id="action-message" hidden=move || message.get().is_none()>
            {move || message.get()}
        </p>
    }
}

/// A labelled text area of a console form, with its refusal beside it.
pub fn textarea_field(
    id: &str,
    name: &'static str,
    label: String,
    refusals: Refusals,
) -> impl IntoView {
    let id = id.to_owned();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea
                id=id.clone()
                name=name
                rows="3"
                maxlength="2000"
                aria-invalid=refusals.has(name)
                aria-describedby=refusals.described(&id, name)
            ></textarea>
            {refusals.of(id, name)}
        </div>
    }
}

/// Sends a console form's save and shows what became of it: on `Saved`, the message
/// `saved_key` and `done` with the id saved; refused, each refusal beside its field.
pub fn save_with<F, Fut>(
    refusals: Refusals,
    message: RwSignal<Option<String>>,
    saved_key: &'static str,
    save: F,
    done: impl Fn(i64) + 'static,
) where
    F: FnOnce() -> Fut + 'static,
    Fut: std::future::Future<Output = Result<super::context::SaveReply, crate::error::AppError>>
        + 'static,
{
    let lang = use_lang();
    leptos::task::spawn_local(async move {
        match save().await {
            Ok(super::context::SaveReply::Saved(id)) => {
                refusals.clear();
                message.set(Some(t(saved_key)));
                done(id);
            }
            Ok(super::context::SaveReply::Invalid(refused)) => refusals.set(refused),
            Err(error) => refusals.set(vec![(String::new(), error.message(lang))]),
        }
    });
}

/// A console list in its scrolling region, named by what it holds: `columns` are its
/// headings (an empty one is the actions' column, named for screen readers only).
pub fn list_table(
    id: &'static str,
    holds: String,
    columns: Vec<String>,
    rows: impl IntoView,
) -> impl IntoView {
    let headings = columns
        .into_iter()
        .map(|heading| {
            if heading.is_empty() {
                view! {
                    <th scope="col">
                        <span class="visually-hidden">{t("admin-actions")}</span>
                    </th>
                }
                .into_any()
            } else {
                view! { <th scope="col">{heading}</th> }.into_any()
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=scroll_label(holds)>
            <table class="list" id=id>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
