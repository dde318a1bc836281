//! The wizard's pages: the start (here), one page per step (`step`), "check your answers"
//! (`check`), "submitted" (`submitted`), the resume form (`resume`) and the status lookup
//! (`status`); what they share is here.

mod check;
mod resume;
mod status;
mod step;
mod submitted;

pub use check::CheckPage;
pub use resume::ResumePage;
pub use status::StatusPage;
pub use step::StepPage;
pub use submitted::SubmittedPage;

use super::{
    answers::*,
    api::*,
    choices::*,
    eligibility::{EligibilityForm, NotEligible},
    fields::FieldError,
    steps::*,
};
#[cfg(feature = "hydrate")]
use crate::ui::browser;
use crate::{
    i18n::{t, t_with, use_lang, Lang},
    ui::form::*,
};
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The page that says what registering takes, and where to start or take up a draft.
#[component]
pub fn RegisterStart() -> impl IntoView {
    // The first step's code comes while she reads this page. Until it is here, Start is a
    // plain link the router leaves alone: the step's page comes whole from the server,
    // working at once, rather than a blank wait for its code.
    let first = Step::Eligibility.path();
    let ready = crate::page_code::ahead(first.clone());
    let busy = RwSignal::new(false);
    keep_busy_until_left(busy);
    view! {
        <Title text=t("register-title") />
        <section class="page narrow">
            <h1>{t("register-title")}</h1>
            <p class="lead">{t("register-intro")}</p>
            <h2>{t("register-needs-title")}</h2>
            <ul class="checklist">
                <li>{t("register-needs-cin")}</li>
                <li>{t("register-needs-phone")}</li>
                <li>{t("register-needs-time")}</li>
            </ul>
            <p>{t("register-kept")}</p>
            <p>
                <a
                    class="button primary"
                    href=first
                    rel=move || (!ready()).then_some("external")
                    aria-busy=move || busy.get().then_some("true")
                    on:click=move |_| busy.set(true)
                >
                    {t("register-start")}
                </a>
            </p>
            <p>
                <a href=RESUME_PATH>{t("register-resume-link")}</a>
            </p>
            <p>
                <a href=STATUS_PATH>{t("status-link")}</a>
            </p>
        </section>
    }
}

/// The view a step's save brought for the page it leads to (see [`Saved`]), kept until that
/// page opens in place: it shows it rather than asking the server again. Taken once, by the
/// next wizard page, whichever it is.
#[derive(Clone, Copy)]
pub struct NextView(StoredValue<Option<(String, WizardView)>>);

impl NextView {
    /// Called once for the whole app, above its routes.
    pub fn provide() {
        provide_context(NextView(StoredValue::new(None)));
    }

    fn keep(self, path: &str, view: WizardView) {
        self.0.set_value(Some((path.to_owned(), view)));
    }

    fn take(self, path: &str) -> Option<WizardView> {
        let (kept_for, view) = self.0.try_update_value(Option::take).flatten()?;
        (kept_for == path).then_some(view)
    }
}

/// Loads the wizard's data, then shows `body`: the view the last save brought for this page
/// when there is one, else asked of the server.
#[component]
fn WithWizard<V, F>(body: F) -> impl IntoView
where
    F: Fn(WizardView) -> V + Send + Sync + Copy + 'static,
    V: IntoView + 'static,
{
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let brought = use_context::<NextView>().and_then(|next| next.take(&path));
    let data = Resource::new(
        || (),
        move |_| {
            let brought = brought.clone();
            async move {
                match brought {
                    Some(view) => Ok(view),
                    None => load_wizard().await,
                }
            }
        },
    );
    let lang = use_lang();
    view! {
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => Either::Left(body(view)),
                    Err(error) => {
                        Either::Right(
                            view! {
                                <p class="alert" role="alert">
                                    {error.message(lang)}
                                </p>
                            },
                        )
                    }
                }
            })}
        </Suspense>
    }
}

fn step_progress(step: Step) -> impl IntoView {
    let total = Step::ALL.len();
    view! {
        <p class="progress-text">
            {t_with(
                "step-progress",
                &[("step", step.number().into()), ("total", total.into())],
            )}
        </p>
        <progress max=total value=step.number() aria-hidden="true"></progress>
    }
}

/// Puts the focus on the page's heading when it opens without a reload, so a screen reader
/// starts from the new step (unless an error summary already holds it).
fn focus_heading() {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        use wasm_bindgen::JsCast;
        if document().get_element_by_id("error-summary").is_some() {
            return;
        }
        // Never take the focus from a field she is already typing in.
        let typing = document()
            .active_element()
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if typing {
            return;
        }
        if let Some(heading) = document()
            .get_element_by_id("page-title")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
}

fn region_name(view: &WizardView, lang: Lang) -> String {
    view.region()
        .map(|r| lang.pick(&r.name_fr, &r.name_ar).to_owned())
        .unwrap_or_default()
}

/// What she is told when her connection has sent too many registrations lately.
fn too_many(lang: Lang) -> String {
    crate::i18n::tr(lang, "registration-too-many")
}

/// Her region's places and how many women have applied: places go to the women accepted at
/// review, so applying late is not a reason to be turned away.
#[component]
fn RegionPlacesNote(region: RegionOption) -> impl IntoView {
    let lang = use_lang();
    let count = |n: i64| crate::landing::format_count(n);
    view! {
        <p class="notice" id="region-places">
            {t_with(
                "submitted-region-places",
                &[
                    ("region", lang.pick(&region.name_fr, &region.name_ar).to_owned().into()),
                    ("target", count(region.target).into()),
                    ("applied", count(region.applied).into()),
                    ("n", region.applied.into()),
                ],
            )}
        </p>
    }
}

/// The link back to the page before, at the top of each page of the wizard.
#[component]
fn BackLink(href: String) -> impl IntoView {
    view! {
        <p class="back">
            <a class="back-link" href=href>
                {t("back")}
            </a>
        </p>
    }
}

/// Brings the not-eligible verdict into view and reading order once it replaces the form.
fn focus_verdict() {
    #[cfg(feature = "hydrate")]
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        if let Some(verdict) = document()
            .get_element_by_id("verdict")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            verdict.scroll_into_view();
            let _ = verdict.focus();
        }
    });
}
