//! One page per step: its questions, checked as she answers, and what the step's answer
//! leads to.

use super::*;

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
    let next_view = use_context::<NextView>();
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
            let reply = save_step(step, pairs, back_to_check).await.map(|saved| {
                if let (StepReply::Next(path), Some(view), Some(next_view)) =
                    (&saved.reply, saved.next_view, next_view)
                {
                    next_view.keep(path, view);
                }
                saved.reply
            });
            // Going on, the button stays busy until the next page is there.
            if !matches!(reply, Ok(StepReply::Next(_))) {
                state.pending.set(false);
            }
            match reply {
                Ok(StepReply::Next(path)) => {
                    #[cfg(feature = "hydrate")]
                    browser::forget(step.slug());
                    crate::page_code::go(&path, navigate);
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
            next=if back_to_check {
                CHECK_PATH.to_owned()
            } else {
                step.next().map_or(CHECK_PATH.to_owned(), Step::path)
            }
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
