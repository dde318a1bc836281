//! "Check your answers": every answer, each with a link to change it, and the submission.

use super::*;

/// How an answer reads on the answers page.
fn shown_value(spec: &FieldSpec, view: &WizardView, lang: Lang) -> AnyView {
    let province = view
        .provinces
        .iter()
        .find(|p| p.id.to_string() == first(&view.answers, "province"))
        .map(|p| lang.pick(&p.name_fr, &p.name_ar).to_owned())
        .unwrap_or_default();
    let text = shown_answer(
        spec.shown,
        values(&view.answers, spec.name),
        lang,
        &region_name(view, lang),
        &province,
    );
    match spec.shown {
        Shown::Text | Shown::Ltr if text.is_empty() => {
            view! { <span class="muted">{t("answer-none")}</span> }.into_any()
        }
        Shown::Text => view! { <span class="multiline">{text}</span> }.into_any(),
        Shown::Ltr | Shown::Date => view! { <bdi dir="ltr">{text}</bdi> }.into_any(),
        _ => text.into_any(),
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
    let submitted_ready = crate::page_code::ahead(SUBMITTED_PATH.to_owned());
    let ahead = move || submitted_ready().then_some("ready");
    keep_busy_until_left(state.pending);
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
            // Going on, the button stays busy until the next page is there.
            if !matches!(reply, Ok(StepReply::Next(_))) {
                state.pending.set(false);
            }
            match reply {
                Ok(StepReply::Next(path)) => crate::page_code::go(&path, navigate),
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
        <form method="post" action=CHECK_PATH on:submit=on_submit node_ref=check_form data-ahead=ahead>
            <input type="hidden" name="idempotency_key" value=key />
            <p class="hint">{t("check-declaration")}</p>
            <div class="actions">
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || state.pending.get()
                    aria-busy=move || state.pending.get().then_some("true")
                >
                    {t("check-submit")}
                </button>
            </div>
        </form>
    }
    .into_any()
}
