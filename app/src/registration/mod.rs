//! Applicant registration. The rules of each answer are in `fields`; the wizard itself is
//! the next piece of work, and until it lands the link from the landing page says so plainly
//! instead of leading nowhere.

pub mod choices;
pub mod eligibility;
pub mod fields;

use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RegisterSoon() -> impl IntoView {
    view! {
        <Title text=t("register-soon-title") />
        <section class="page narrow">
            <h1>{t("register-soon-title")}</h1>
            <p>{t("register-soon-text")}</p>
            <p>
                <a href="/">{t("back-home")}</a>
            </p>
        </section>
    }
}
