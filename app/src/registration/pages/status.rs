//! The status lookup: an application's status from its reference and her CIN or date of
//! birth.

use super::*;

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
        StatusReply::Found {
            reference,
            status,
            next_session,
            coach,
        } => Either::Left(view! {
            <div class="status-found">
                <p>
                    {t("status-reference")} " " <bdi dir="ltr">{reference}</bdi>
                </p>
                <p class="status-word">{t(&format!("status-{}", status.replace('_', "-")))}</p>
                {next_session
                    .map(|(at, place)| {
                        view! {
                            <p id="status-next-session">
                                {t("status-next-session")} " " <bdi dir="ltr">{at.date_time()}</bdi>
                                " · " <bdi>{place}</bdi>
                            </p>
                        }
                    })}
                {coach
                    .map(|name| {
                        view! {
                            <p id="status-coach">
                                {t("status-coach")} " " <bdi>{name}</bdi>
                            </p>
                        }
                    })}
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
