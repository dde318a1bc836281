//! The wizard's pages: the start, one page per step, "check your answers", "submitted", the
//! resume form and the status lookup.

use super::{
    api::*,
    choices::*,
    eligibility::{EligibilityForm, NotEligible},
    fields::{parse_date, FieldError},
    form::*,
    steps::*,
};
use crate::i18n::{t, t_with, use_lang, Lang};
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The page that says what registering takes, and where to start or take up a draft.
#[component]
pub fn RegisterStart() -> impl IntoView {
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
                <a class="button primary" href=Step::Eligibility.path()>
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

/// Loads the wizard's data, then shows `body`.
#[component]
fn WithWizard<V, F>(body: F) -> impl IntoView
where
    F: Fn(WizardView) -> V + Send + Sync + Copy + 'static,
    V: IntoView + 'static,
{
    let data = Resource::new(|| (), |_| load_wizard());
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

#[component]
pub fn StepPage(step: Step) -> impl IntoView {
    let back_to_check =
        use_query_map().with_untracked(|q| q.get("from").is_some_and(|from| from == "check"));
    // Back where she came from: the answers page, the step before, or the start.
    let back = if back_to_check {
        CHECK_PATH.to_owned()
    } else {
        step.previous().map_or("/register".to_owned(), Step::path)
    };
    view! {
        <Title text=t(&step.title_key()) />
        <section class="page narrow wizard">
            <BackLink href=back />
            {step_progress(step)}
            <h1 id="page-title" tabindex="-1">
                {t(&step.title_key())}
            </h1>
            <WithWizard body=move |view| step_body(step, view, back_to_check) />
        </section>
    }
}

fn region_name(view: &WizardView, lang: Lang) -> String {
    view.region()
        .map(|r| lang.pick(&r.name_fr, &r.name_ar).to_owned())
        .unwrap_or_default()
}

fn step_body(step: Step, view: WizardView, back_to_check: bool) -> AnyView {
    focus_heading();
    if let Some(missing) = view.first_incomplete.filter(|missing| *missing < step) {
        return view! {
            <p>{t("step-answer-first")}</p>
            <p>
                <a class="button primary" href=missing.path()>
                    {t(&missing.title_key())}
                </a>
            </p>
        }
        .into_any();
    }
    let lang = use_lang();
    let (values, errors, verdict, alert) = match &view.posted {
        Some(posted) => {
            let values = raw_from_pairs(join_date_parts(posted.fields.clone()));
            match &posted.reply {
                StepReply::Invalid(errors) => (values, errors.clone(), None, None),
                StepReply::NotEligible(reasons) => {
                    (values, Vec::new(), Some(reasons.clone()), None)
                }
                StepReply::TooMany => (values, Vec::new(), None, Some(too_many(lang))),
                StepReply::Next(_) => (values, Vec::new(), None, None),
            }
        }
        None => (view.answers.clone(), Vec::new(), None, None),
    };
    let verdict = RwSignal::new(verdict);
    let state = FormState::new(values, errors);
    state.alert.set(alert);
    // The fields are built below, before the form that would provide it.
    provide_context(state);
    let navigate = use_navigate();
    let rules = Rules {
        today: time::Date::MIN,
        regions: view.regions.iter().map(|r| r.code.clone()).collect(),
        provinces: view.provinces.iter().map(|p| p.id).collect(),
    };
    let saved = StoredValue::new(view.answers.clone());
    let rules = StoredValue::new(rules);

    let all_answers = move |pairs: Vec<(String, String)>| {
        let mut all = saved.get_value();
        merge_step(&mut all, step, step_answers(step, pairs));
        all
    };
    let today_rules = move || {
        #[cfg_attr(not(feature = "hydrate"), allow(unused_mut))]
        let mut rules = rules.get_value();
        #[cfg(feature = "hydrate")]
        {
            rules.today = browser::today();
        }
        rules
    };
    let check_field = Callback::new(move |(pairs, name): (Vec<(String, String)>, String)| {
        check_step(step, &all_answers(pairs), &today_rules())
            .err()
            .and_then(|errors| errors.into_iter().find(|(n, _)| *n == name).map(|(_, e)| e))
    });
    let submit = move |pairs: Vec<(String, String)>| {
        if let Err(errors) = check_step(step, &all_answers(pairs.clone()), &today_rules()) {
            state.refuse(errors.into_iter().map(|(n, e)| (n.to_owned(), e)).collect());
            focus_error_summary();
            return;
        }
        state.pending.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let reply = save_step(step, pairs, back_to_check).await;
            state.pending.set(false);
            match reply {
                Ok(StepReply::Next(path)) => {
                    #[cfg(feature = "hydrate")]
                    browser::forget(step.slug());
                    navigate(&path, Default::default());
                }
                Ok(StepReply::Invalid(errors)) => {
                    state.refuse(errors);
                    focus_error_summary();
                }
                Ok(StepReply::NotEligible(reasons)) => {
                    #[cfg(feature = "hydrate")]
                    browser::forget(step.slug());
                    verdict.set(Some(reasons));
                    focus_verdict();
                }
                Ok(StepReply::TooMany) => {
                    state.alert.set(Some(too_many(lang)));
                    focus_error_summary();
                }
                Err(error) => {
                    state.alert.set(Some(error.message(lang)));
                    focus_error_summary();
                }
            }
        });
    };

    let fields = step_fields(step, &view, lang);
    let resume = view.resume_code.clone().map(|code| {
        view! {
            <p class="resume-code">
                {t("resume-code-label")} " " <bdi dir="ltr" class="code">
                    {code}
                </bdi>
            </p>
        }
    });
    let form = view! {
        <WizardForm
            action=step.path()
            state
            submit
            submit_label=t(if back_to_check { "step-save-and-return" } else { "step-continue" })
            keep=step.slug().to_owned()
            check_field
        >
            {back_to_check.then(|| view! { <input type="hidden" name="from" value="check" /> })}
            {fields}
        </WizardForm>
        {resume}
    };
    view! {
        {move || match verdict.get() {
            Some(reasons) => Either::Left(view! { <NotEligibleView reasons /> }),
            None => Either::Right(()),
        }}
        <div hidden=move || verdict.with(Option::is_some)>{form}</div>
    }
    .into_any()
}

#[component]
fn NotEligibleView(reasons: Vec<NotEligible>) -> impl IntoView {
    view! {
        <div class="verdict" role="status" id="verdict" tabindex="-1">
            <h2>{t("not-eligible-title")}</h2>
            <ul>
                {reasons
                    .into_iter()
                    .map(|reason| view! { <li>{t(reason.message_key())}</li> })
                    .collect_view()}
            </ul>
            <p>{t("not-eligible-elsewhere")}</p>
            <p>
                <a href=Step::Eligibility.path() rel="external">
                    {t("not-eligible-change")}
                </a>
            </p>
        </div>
    }
}

fn yes_no() -> Vec<(&'static str, String)> {
    YesNo::options()
}

fn step_fields(step: Step, view: &WizardView, lang: Lang) -> AnyView {
    match step {
        Step::Eligibility => {
            let mut regions: Vec<(String, String)> = view
                .regions
                .iter()
                .map(|r| (r.code.clone(), lang.pick(&r.name_fr, &r.name_ar).to_owned()))
                .collect();
            regions.push((EligibilityForm::ABROAD.into(), t("region-abroad")));
            let mut situations = Situation::options();
            situations.push((EligibilityForm::NO_SITUATION, "situation-none".into()));
            view! {
                <ChoiceField name="adult" options=yes_no() />
                <SelectField name="region" options=regions />
                <ChoiceField name="has_project" options=yes_no() hint=true />
                <ChoiceField name="situations" options=situations multiple=true hint=true />
            }
            .into_any()
        }
        Step::Identity => view! {
            <TextField name="first_name" autocomplete="given-name" hint=true maxlength=60 />
            <TextField name="last_name" autocomplete="family-name" maxlength=60 />
            <TextField name="cin" ltr=true hint=true maxlength=12 />
            <DateField name="birth_date" autocomplete="bday" hint=true />
            <TextField
                name="phone"
                kind="tel"
                inputmode="tel"
                autocomplete="tel"
                ltr=true
                hint=true
                maxlength=20
            />
            <TextField
                name="email"
                kind="email"
                inputmode="email"
                autocomplete="email"
                ltr=true
                optional=true
            />
        }
        .into_any(),
        Step::Residence => {
            let provinces: Vec<(String, String)> = view
                .provinces
                .iter()
                .map(|p| (p.id.to_string(), lang.pick(&p.name_fr, &p.name_ar).to_owned()))
                .collect();
            view! {
                <p class="answer-recap">
                    {t("field-region")} {lang.colon()} <strong>{region_name(view, lang)}</strong> " "
                    <a href=format!("{}?from=check", Step::Eligibility.path())>
                        {t("change")}
                    </a>
                </p>
                <SelectField name="province" options=provinces />
                <TextField
                    name="locality"
                    autocomplete="address-level2"
                    maxlength=LOCALITY_LEN.1
                />
                <ChoiceField name="area" options=Area::options() />
            }
            .into_any()
        }
        Step::Situation => {
            let chosen: Vec<String> = values(&view.answers, "situations")
                .iter()
                .filter_map(|code| Situation::label_key_of(code))
                .map(|key| t(&key))
                .collect();
            // What the eligibility step said is not asked again.
            let asked = |name: &str| !is_implied(&view.answers, name);
            view! {
                <p class="answer-recap">
                    {t("situations-chosen")} {lang.colon()} {chosen.join(lang.pick(", ", "، "))} " "
                    <a href=format!("{}?from=check", Step::Eligibility.path())>{t("change")}</a>
                </p>
                {asked("marital_status")
                    .then(|| {
                        view! { <ChoiceField name="marital_status" options=MaritalStatus::options() /> }
                    })}
                <TextField name="dependants" inputmode="numeric" ltr=true hint=true maxlength=2 />
                {asked("household_head")
                    .then(|| view! { <ChoiceField name="household_head" options=yes_no() /> })}
                {asked("disability")
                    .then(|| view! { <ChoiceField name="disability" options=yes_no() /> })}
                <ChoiceField name="rsu" options=yes_no() hint=true />
                {asked("income")
                    .then(|| view! { <ChoiceField name="income" options=IncomeBand::options() /> })}
                <TextField
                    name="situation_details"
                    multiline=true
                    optional=true
                    hint=true
                    maxlength=DETAILS_MAX
                />
            }
            .into_any()
        }
        Step::Schooling => view! {
            <SelectField name="education" options=translated(EducationLevel::options()) />
            <ChoiceField name="reading" options=ReadingAbility::options() />
        }
        .into_any(),
        Step::Project => view! {
            <ChoiceField name="stage" options=ProjectStage::options() />
            <SelectField name="sector" options=translated(Sector::options()) />
            <TextField name="description" multiline=true hint=true maxlength=DESCRIPTION_LEN.1 />
            <ChoiceField
                name="explain_at_centre"
                options=vec![("yes", "explain-at-centre".to_owned())]
                multiple=true
            />
            <ChoiceField name="support" options=SupportNeed::options() multiple=true />
            <ChoiceField name="cooperative_member" options=yes_no() />
            <ChoiceField name="budget" options=BudgetBand::options() />
        }
        .into_any(),
        Step::Preferences => view! {
            <TextField name="centre" hint=true maxlength=CENTRE_LEN.1 />
            <ChoiceField name="availability" options=Availability::options() multiple=true />
            <ChoiceField name="training_language" options=TrainingLanguage::options() />
        }
        .into_any(),
        Step::Consent => view! {
            <div class="consent-text">
                <h2>{t("consent-purpose-title")}</h2>
                <p>{t("consent-purpose")}</p>
                <h2>{t("consent-who-title")}</h2>
                <p>{t("consent-who")}</p>
                <h2>{t("consent-keep-title")}</h2>
                <p>{t("consent-keep")}</p>
                <h2>{t("consent-rights-title")}</h2>
                <p>{t("consent-rights")}</p>
                <p class="hint">{t_with("consent-version", &[("version", CONSENT_VERSION.into())])}</p>
            </div>
            <ChoiceField name="consent" options=vec![("yes", "consent-agree".to_owned())] multiple=true />
        }
        .into_any(),
    }
}

/// How an answer reads on the answers page.
fn shown_value(spec: &FieldSpec, view: &WizardView, lang: Lang) -> AnyView {
    let answers = &view.answers;
    let text = first(answers, spec.name).trim().to_owned();
    match spec.shown {
        Shown::Text if text.is_empty() => {
            view! { <span class="muted">{t("answer-none")}</span> }.into_any()
        }
        Shown::Text => view! { <span class="multiline">{text}</span> }.into_any(),
        Shown::Ltr if text.is_empty() => {
            view! { <span class="muted">{t("answer-none")}</span> }.into_any()
        }
        Shown::Ltr => view! { <bdi dir="ltr">{text}</bdi> }.into_any(),
        Shown::Date => {
            let date = parse_date(&text).map_or(text, |d| {
                format!("{:02}/{:02}/{}", d.day(), u8::from(d.month()), d.year())
            });
            view! { <bdi dir="ltr">{date}</bdi> }.into_any()
        }
        Shown::Region => region_name(view, lang).into_any(),
        Shown::Province => view
            .provinces
            .iter()
            .find(|p| p.id.to_string() == text)
            .map(|p| lang.pick(&p.name_fr, &p.name_ar).to_owned())
            .unwrap_or_default()
            .into_any(),
        Shown::Choice(label_key_of) => {
            let labels: Vec<String> = values(answers, spec.name)
                .iter()
                .map(|code| {
                    if code == EligibilityForm::NO_SITUATION {
                        t("situation-none")
                    } else {
                        label_key_of(code).map(|key| t(&key)).unwrap_or_default()
                    }
                })
                .collect();
            labels.join(lang.pick(", ", "، ")).into_any()
        }
    }
}

/// Where a field is changed from the answers page.
fn change_href(name: &str) -> String {
    let step = Step::of_field(name).unwrap_or(Step::Identity);
    format!("{}?from=check#field-{name}", step.path())
}

#[component]
pub fn CheckPage() -> impl IntoView {
    view! {
        <Title text=t("check-title") />
        <section class="page narrow wizard">
            <BackLink href=Step::Consent.path() />
            <h1 id="page-title" tabindex="-1">
                {t("check-title")}
            </h1>
            <WithWizard body=check_body />
        </section>
    }
}

fn check_body(view: WizardView) -> AnyView {
    focus_heading();
    if let Some(missing) = view.first_incomplete {
        return view! {
            <p>{t("step-answer-first")}</p>
            <p>
                <a class="button primary" href=missing.path()>
                    {t(&missing.title_key())}
                </a>
            </p>
        }
        .into_any();
    }
    let lang = use_lang();
    let (errors, alert) = match &view.posted {
        Some(Posted {
            reply: StepReply::Invalid(errors),
            ..
        }) => (errors.clone(), None),
        Some(Posted {
            reply: StepReply::TooMany,
            ..
        }) => (Vec::new(), Some(too_many(lang))),
        _ => (Vec::new(), None),
    };
    let state = FormState::new(Raw::new(), errors);
    state.alert.set(alert);
    provide_context(state);
    let key = view.idempotency_key.clone().unwrap_or_default();
    let navigate = use_navigate();
    let submit_key = key.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.pending.get_untracked() {
            return;
        }
        state.pending.set(true);
        let navigate = navigate.clone();
        let key = submit_key.clone();
        leptos::task::spawn_local(async move {
            let reply = submit_application(key).await;
            state.pending.set(false);
            match reply {
                Ok(StepReply::Next(path)) => navigate(&path, Default::default()),
                Ok(StepReply::Invalid(errors)) => {
                    state.refuse(errors);
                    focus_error_summary();
                }
                Ok(StepReply::NotEligible(_)) => {
                    navigate(&Step::Eligibility.path(), Default::default())
                }
                Ok(StepReply::TooMany) => {
                    state.alert.set(Some(too_many(lang)));
                    focus_error_summary();
                }
                Err(error) => {
                    state.alert.set(Some(error.message(lang)));
                    focus_error_summary();
                }
            }
        });
    };
    let check_form = NodeRef::<leptos::html::Form>::new();
    mark_ready(check_form);
    let sections = Step::ALL
        .into_iter()
        .map(|step| {
            let rows = step
                .fields()
                .iter()
                .map(|spec| {
                    view! {
                        <div class="answer">
                            <dt>{t(&label_key(spec.name))}</dt>
                            <dd>{shown_value(spec, &view, lang)}</dd>
                            <dd class="change">
                                <a href=if is_implied(&view.answers, spec.name) {
                                    // Answered by the eligibility step: changed there.
                                    format!("{}?from=check#field-situations", Step::Eligibility.path())
                                } else {
                                    change_href(spec.name)
                                }>
                                    {t("change")}
                                    <span class="visually-hidden">
                                        " " {t(&label_key(spec.name))}
                                    </span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="answers" aria-labelledby=format!("answers-{}", step.slug())>
                    <h2 id=format!("answers-{}", step.slug())>{t(&step.title_key())}</h2>
                    <dl>{rows}</dl>
                </section>
            }
        })
        .collect_view();
    view! {
        <ErrorSummary field_href=change_href />
        <p>{t("check-intro")}</p>
        {sections}
        <form method="post" action=CHECK_PATH on:submit=on_submit node_ref=check_form>
            <input type="hidden" name="idempotency_key" value=key />
            <p class="hint">{t("check-declaration")}</p>
            <div class="actions">
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || state.pending.get()
                >
                    {t("check-submit")}
                </button>
            </div>
        </form>
    }
    .into_any()
}

#[component]
pub fn SubmittedPage() -> impl IntoView {
    view! {
        <Title text=t("submitted-title") />
        <section class="page narrow wizard">
            <WithWizard body=submitted_body />
        </section>
    }
}

fn submitted_body(view: WizardView) -> AnyView {
    let Some(submitted) = view.submitted else {
        return view! {
            <h1 id="page-title" tabindex="-1">
                {t("submitted-none-title")}
            </h1>
            <p>
                <a href="/register">{t("register-start")}</a>
            </p>
        }
        .into_any();
    };
    focus_heading();
    #[cfg(feature = "hydrate")]
    Effect::new(|_| browser::forget_all());
    let reference = submitted.reference.clone();
    let sms = format!(
        "sms:?&body={}",
        crate::layout::encode_query_value(&format!("Jisr {reference}"))
    );
    let copied = RwSignal::new(false);
    // Copying needs the browser's code: without it the button is not shown at all.
    let can_copy = RwSignal::new(false);
    Effect::new(move |_| can_copy.set(true));
    let copy = {
        let reference = reference.clone();
        move |_| {
            #[cfg(feature = "hydrate")]
            {
                let _ = window().navigator().clipboard().write_text(&reference);
                copied.set(true);
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = &reference;
        }
    };
    view! {
        <div class="submitted" role="status">
            <h1 id="page-title" tabindex="-1">
                {t("submitted-title")}
            </h1>
            <p>{t("submitted-reference-label")}</p>
            <p class="reference">
                <bdi dir="ltr" id="reference">
                    {reference}
                </bdi>
            </p>
        </div>
        {submitted
            .region
            .clone()
            .map(|region| {
                let code = region.code.clone();
                view! {
                    <RegionPlacesNote region />
                    <crate::help::NearestCentre region=code />
                }
            })}
        <h2>{t("submitted-keep-title")}</h2>
        <p>{t("submitted-keep")}</p>
        <p class="actions">
            <button type="button" class="button" on:click=copy hidden=move || !can_copy.get()>
                {move || t(if copied.get() { "submitted-copied" } else { "submitted-copy" })}
            </button>
            <a class="button" href=sms>
                {t("submitted-sms")}
            </a>
        </p>
        <h2>{t("submitted-next-title")}</h2>
        <ol class="steps">
            <li>{t("submitted-next-review")}</li>
            <li>{t("submitted-next-call")}</li>
            <li>{t("submitted-next-training")}</li>
        </ol>
        <p>
            <a href=STATUS_PATH>{t("status-link")}</a>
        </p>
    }
    .into_any()
}

#[component]
pub fn ResumePage() -> impl IntoView {
    view! {
        <Title text=t("resume-title") />
        <section class="page narrow wizard">
            <BackLink href="/register".to_owned() />
            <h1 id="page-title" tabindex="-1">
                {t("resume-title")}
            </h1>
            <p>{t("resume-intro")}</p>
            <WithWizard body=resume_body />
        </section>
    }
}

fn resume_body(view: WizardView) -> AnyView {
    let (values, errors) = match view.posted {
        Some(Posted {
            fields,
            reply: StepReply::Invalid(errors),
        }) => (raw_from_pairs(join_date_parts(fields)), errors),
        Some(Posted { fields, .. }) => (raw_from_pairs(join_date_parts(fields)), Vec::new()),
        None => (Raw::new(), Vec::new()),
    };
    let state = FormState::new(values, errors);
    let navigate = use_navigate();
    let lang = use_lang();
    let submit = move |pairs: Vec<(String, String)>| {
        let raw = raw_from_pairs(join_date_parts(pairs));
        let code = first(&raw, "resume_code").to_owned();
        let birth = first(&raw, "birth_date").to_owned();
        state.pending.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let reply = resume_draft(code, birth).await;
            state.pending.set(false);
            match reply {
                Ok(StepReply::Next(path)) => navigate(&path, Default::default()),
                Ok(StepReply::Invalid(errors)) => {
                    state.refuse(errors);
                    focus_error_summary();
                }
                Ok(StepReply::NotEligible(_) | StepReply::TooMany) => {}
                Err(error) => {
                    state.alert.set(Some(error.message(lang)));
                    focus_error_summary();
                }
            }
        });
    };
    view! {
        <WizardForm action=RESUME_PATH.to_owned() state submit submit_label=t("resume-submit")>
            <TextField name="resume_code" ltr=true hint=true autocomplete="off" maxlength=12 />
            <DateField name="birth_date" autocomplete="bday" hint=true />
        </WizardForm>
    }
    .into_any()
}

#[component]
pub fn StatusPage() -> impl IntoView {
    let posted = Resource::new(|| (), |_| load_posted_status());
    view! {
        <Title text=t("status-title") />
        <section class="page narrow">
            <BackLink href="/register".to_owned() />
            <h1 id="page-title" tabindex="-1">
                {t("status-title")}
            </h1>
            <p>{t("status-intro")}</p>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let posted = posted.await.ok().flatten();
                    status_body(posted)
                })}
            </Suspense>
        </section>
    }
}

fn status_body(posted: Option<PostedStatus>) -> impl IntoView {
    let (values, reply) = match posted {
        Some(PostedStatus { fields, reply }) => (raw_from_pairs(fields), Some(reply)),
        None => (Raw::new(), None),
    };
    let errors = match &reply {
        Some(StatusReply::Invalid(errors)) => errors.clone(),
        _ => Vec::new(),
    };
    let state = FormState::new(values, errors);
    let result = RwSignal::new(reply.filter(|r| !matches!(r, StatusReply::Invalid(_))));
    let lang = use_lang();
    let submit = move |pairs: Vec<(String, String)>| {
        let raw = raw_from_pairs(pairs);
        let reference = first(&raw, "reference").to_owned();
        let identity = first(&raw, "identity").to_owned();
        state.pending.set(true);
        state.refuse(Vec::new());
        leptos::task::spawn_local(async move {
            let reply = lookup_status(reference, identity).await;
            state.pending.set(false);
            match reply {
                Ok(StatusReply::Invalid(errors)) => {
                    result.set(None);
                    state.refuse(errors);
                    focus_error_summary();
                }
                Ok(reply) => result.set(Some(reply)),
                Err(error) => {
                    state.alert.set(Some(error.message(lang)));
                    focus_error_summary();
                }
            }
        });
    };
    view! {
        <WizardForm action=STATUS_PATH.to_owned() state submit submit_label=t("status-submit")>
            <TextField name="reference" ltr=true hint=true autocomplete="off" maxlength=20 />
            <TextField name="identity" ltr=true hint=true autocomplete="off" maxlength=20 />
        </WizardForm>
        <div aria-live="polite" id="status-result">
            {move || result.get().map(|reply| view! { <StatusResult reply /> })}
        </div>
    }
}

#[component]
fn StatusResult(reply: StatusReply) -> impl IntoView {
    match reply {
        StatusReply::Found { reference, status } => Either::Left(view! {
            <div class="status-found">
                <p>
                    {t("status-reference")} " " <bdi dir="ltr">{reference}</bdi>
                </p>
                <p class="status-word">{t(&format!("status-{}", status.replace('_', "-")))}</p>
            </div>
        }),
        StatusReply::TooMany => Either::Right(
            view! {
                <p class="alert">{FieldError::TooManyAttempts.message(use_lang())}</p>
            }
            .into_any(),
        ),
        _ => Either::Right(view! { <p class="alert">{t("status-not-found")}</p> }.into_any()),
    }
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
