//! Taking up a draft on another phone, from its resume code and her date of birth.

use super::*;

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
            if !matches!(reply, Ok(StepReply::Next(_))) {
                state.pending.set(false);
            }
            match reply {
                Ok(StepReply::Next(path)) => crate::page_code::go(&path, navigate),
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
