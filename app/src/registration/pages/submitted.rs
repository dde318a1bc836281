//! "Submitted": her reference number, her region's places and its centre.

use super::*;

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
